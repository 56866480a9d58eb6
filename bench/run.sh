#!/usr/bin/env bash
# Runs the benchmarks of issue 10 and prints their figures (never pass/fail). Not part of the test suite.
# Record the figures in docs/benchmarks.md. Other builds on the machine inflate them: prefer a quiet machine.
#
#   bench/run.sh                 every benchmark below, in turn
#   bench/run.sh engine [--quick | --growth] #1 label engine: BenchmarkDotNet pinned to core 0 (about a minute);
#                                --quick: cold first run plus a warm mean, without BenchmarkDotNet;
#                                --growth: the same at 2,500, 10,000 and 40,000 containers (1×, 4×, 16×)
#   bench/run.sh agent-api       #6 agent API throughput: 200 and 1,000 agents, autocannon (about 2 minutes)
#   bench/run.sh redis-cost      #8 Redis commands per heartbeat and per event, keys per agent
#   bench/run.sh command-latency #5 command queued -> delivered to a long-polling agent
#   bench/run.sh no-change-reconcile [N...]  #2 a reconcile with nothing to change: 20 agent tunnels, 5 zones, N containers
#                                per agent (default 50 200 800: 1,000, 4,000 and 16,000 routes; a few minutes)
#   bench/run.sh cold-start [N...]           #3 a fresh master publishing N containers under Cloudflare's rate limit
#                                (default 500; 2000 takes over 5 minutes: the limit is 1,200 calls per 5 minutes)
#   bench/run.sh ingress-latency [N [MS]]    #4 N container starts on a private dockerd -> ingress written (default 200;
#                                MS: RECONCILE_DEBOUNCE_MS instead of the default 500)
#   bench/run.sh master-memory [N...]        #7 (master part): the published master's VmRSS idle and with N agents (default 1000)
#   bench/run.sh memory          #7 (agent part): bench/agent-memory.sh
#
# The end-to-end benchmarks start their own Redis and dockerd (scripts/services.sh) and need node/npm for
# autocannon (bench/agent-load).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
what=${1:-all}
[[ $# -gt 0 ]] && shift

run_engine() {
  local pin=()
  if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)
  fi
  dotnet build bench/DockFlare.Benchmarks -c Release --nologo -v quiet
  local dll=DockFlare.Benchmarks/bin/Release/net10.0/DockFlare.Benchmarks.dll
  if [[ "${1:-}" == "--quick" || "${1:-}" == "--growth" ]]; then
    (cd bench && "${pin[@]}" dotnet "$dll" "$1")
    return
  fi
  # Reports go to bench/artifacts/ (ignored by git).
  (cd bench && "${pin[@]}" dotnet "$dll" --filter '*DesiredStateEngineBenchmark*' --artifacts artifacts "$@")
}

# The end-to-end benchmarks share one private Redis, started once and stopped on exit.
SYSTEM_READY=""
run_system_services() {
  if [[ -z "$SYSTEM_READY" ]]; then
    WORK=$(mktemp -d /tmp/dockflare-bench.XXXXXX)
    # shellcheck source=scripts/services.sh
    source "$ROOT/scripts/services.sh"
    trap 'services_stop; rm -rf "$WORK"' EXIT
    command -v redis-server >/dev/null 2>&1 || bash "$ROOT/scripts/install-test-deps.sh"
    services_start_redis
    dotnet build bench/DockFlare.SystemBenchmarks -c Release --nologo -v quiet
    SYSTEM_READY=1
  fi
}

run_system() {
  run_system_services
  BENCH_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" BENCH_DOCKER_HOST="${DOCKER_SOCK:-}" \
    dotnet bench/DockFlare.SystemBenchmarks/bin/Release/net10.0/DockFlare.SystemBenchmarks.dll "$@"
}

# #6 drives the load with autocannon (node).
run_agent_api() {
  (cd bench/agent-load && npm ci --no-audit --no-fund --silent)
  run_system agent-api "$@"
}

# #4 needs a private dockerd (root) with the busybox image the containers run.
run_ingress_latency() {
  run_system_services
  if [[ -z "${DOCKER_SOCK:-}" ]]; then
    services_start_dockerd
    services_import_image bench-app:1
  fi
  run_system ingress-latency "$@"
}

# #7 (master part) measures the published master in its own process.
run_master_memory() {
  run_system_services
  dotnet publish host/DockFlare.Host -c Release -o "$WORK/master" --nologo -v quiet >/dev/null
  run_system master-memory "$WORK/master" "$@"
}

case "$what" in
  engine) run_engine "$@" ;;
  # The old interface: bench/run.sh --quick
  --quick) run_engine --quick ;;
  agent-api) run_agent_api "$@" ;;
  redis-cost | command-latency | no-change-reconcile | cold-start) run_system "$what" "$@" ;;
  ingress-latency) run_ingress_latency "$@" ;;
  master-memory) run_master_memory "$@" ;;
  memory) bash bench/agent-memory.sh "$@" ;;
  all)
    run_engine
    run_engine --growth
    run_agent_api
    run_system redis-cost
    run_system command-latency
    run_system no-change-reconcile
    run_system cold-start
    run_ingress_latency
    run_master_memory
    bash bench/agent-memory.sh
    ;;
  *) echo "usage: bench/run.sh [engine [--quick | --growth] | agent-api | redis-cost | command-latency | no-change-reconcile | cold-start | ingress-latency | master-memory | memory | all]" >&2; exit 2 ;;
esac

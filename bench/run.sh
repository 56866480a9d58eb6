#!/usr/bin/env bash
# Runs the benchmarks of issue 10 and prints their figures (never pass/fail). Not part of the test suite.
# Record the figures in docs/benchmarks.md. Other builds on the machine inflate them: prefer a quiet machine.
#
#   bench/run.sh                 every benchmark below, in turn
#   bench/run.sh engine [--quick] #1 label engine: BenchmarkDotNet pinned to core 0 (about a minute);
#                                --quick: cold first run plus a warm mean, without BenchmarkDotNet
#   bench/run.sh agent-api       #6 agent API throughput: 200 and 1,000 agents, autocannon (about 2 minutes)
#   bench/run.sh redis-cost      #8 Redis commands per heartbeat and per event, keys per agent
#   bench/run.sh command-latency #5 command queued -> delivered to a long-polling agent
#   bench/run.sh memory          #7 (agent part): bench/agent-memory.sh
#
# #2 to #4 (no-change reconcile, cold start, container start -> ingress) are not automated yet: see
# docs/benchmarks.md. The end-to-end benchmarks start their own Redis (scripts/services.sh) and need node/npm
# for autocannon (bench/agent-load).
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
  if [[ "${1:-}" == "--quick" ]]; then
    (cd bench && "${pin[@]}" dotnet "$dll" --quick)
    return
  fi
  # Reports go to bench/artifacts/ (ignored by git).
  (cd bench && "${pin[@]}" dotnet "$dll" --filter '*DesiredStateEngineBenchmark*' --artifacts artifacts "$@")
}

# The end-to-end benchmarks share one private Redis, started once and stopped on exit.
SYSTEM_READY=""
run_system() {
  if [[ -z "$SYSTEM_READY" ]]; then
    WORK=$(mktemp -d /tmp/dockflare-bench.XXXXXX)
    # shellcheck source=scripts/services.sh
    source "$ROOT/scripts/services.sh"
    trap 'services_stop; rm -rf "$WORK"' EXIT
    command -v redis-server >/dev/null 2>&1 || bash "$ROOT/scripts/install-test-deps.sh"
    services_start_redis
    (cd bench/agent-load && npm ci --no-audit --no-fund --silent)
    dotnet build bench/DockFlare.SystemBenchmarks -c Release --nologo -v quiet
    SYSTEM_READY=1
  fi
  BENCH_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
    dotnet bench/DockFlare.SystemBenchmarks/bin/Release/net10.0/DockFlare.SystemBenchmarks.dll "$@"
}

case "$what" in
  engine) run_engine "$@" ;;
  # The old interface: bench/run.sh --quick
  --quick) run_engine --quick ;;
  agent-api | redis-cost | command-latency) run_system "$what" "$@" ;;
  memory) bash bench/agent-memory.sh "$@" ;;
  all)
    run_engine
    run_system agent-api
    run_system redis-cost
    run_system command-latency
    bash bench/agent-memory.sh
    ;;
  *) echo "usage: bench/run.sh [engine [--quick] | agent-api | redis-cost | command-latency | memory | all]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Benchmark 7 (agent part): the agent's resident memory, idle and while N labelled containers start at once.
#
# Runs the published master (sandbox mode: its in-process Cloudflare emulator) and the published agent as
# processes, with a private dockerd and a stand-in cloudflared image (busybox that records its arguments and
# sleeps), exactly as a user would run them. It generates an agent key through the REST API, starts the agent,
# enrols it (the master creates its tunnel), waits for its cloudflared, samples the agent's VmRSS while idle,
# then starts N containers labelled for DockFlare in parallel and samples until the master shows all N routes
# active. Prints the figures; never fails on a target. Needs root (dockerd).
#
#   bench/agent-memory.sh              200 containers
#   bench/agent-memory.sh 50 200 800   one run per count (a fresh agent each), for the growth table
#   AGENT_ENV="DOTNET_GCgen0size=0x400000" bench/agent-memory.sh    extra environment for the agent only (experiments)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNTS=("$@")
[[ ${#COUNTS[@]} -gt 0 ]] || COUNTS=(200)
IDLE_SECONDS=${IDLE_SECONDS:-30}
WORK=$(mktemp -d /tmp/dockflare-bench.XXXXXX)
# shellcheck source=scripts/services.sh
source "$ROOT/scripts/services.sh"
MASTER_PID=""
AGENT_PID=""

log() { printf '[agent-memory] %s\n' "$*" >&2; }

cleanup() {
  local status=$?
  [[ -n "$AGENT_PID" ]] && kill "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null
  [[ -n "$MASTER_PID" ]] && kill "$MASTER_PID" 2>/dev/null && wait "$MASTER_PID" 2>/dev/null
  services_stop
  rm -rf "$WORK" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT INT TERM

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# Resident memory split: anonymous (heaps, JIT code, stacks) and file-backed (mapped runtime and assemblies).
rss_split() { awk '/^Anonymous:/ { a = $2 } /^Rss:/ { r = $2 } END { printf "anon_mb=%.1f file_mb=%.1f", a / 1024, (r - a) / 1024 }' "/proc/$1/smaps_rollup"; }
api() { curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }

bash "$ROOT/scripts/install-test-deps.sh"
command -v jq >/dev/null 2>&1 || { apt-get install -y -qq jq >/dev/null; }
services_start_dockerd

# The stand-in cloudflared: records its arguments and whether it got a token, then idles until stopped.
STANDIN="$WORK/standin"
mkdir -p "$STANDIN/bin" "$STANDIN/tmp"
cp /bin/busybox "$STANDIN/bin/busybox"
for applet in sh sleep cat echo env; do ln -s busybox "$STANDIN/bin/$applet"; done
cat >"$STANDIN/cloudflared.sh" <<'SH'
echo "$@" > /tmp/args
[ -n "$TUNNEL_TOKEN" ] && echo token-present > /tmp/token
trap 'exit 0' TERM
sleep 2147483647 & wait
SH
tar -C "$STANDIN" -c . | services_docker import --change 'ENTRYPOINT ["/bin/sh", "/cloudflared.sh"]' - bench-cloudflared:1 >/dev/null
services_import_image bench-app:1

log "publishing the master and the agent (Release)"
dotnet publish "$ROOT/host/DockFlare.Host" -c Release -o "$WORK/master" --nologo -v quiet >/dev/null
dotnet publish "$ROOT/agent/DockFlare.Agent" -c Release -o "$WORK/agent" --nologo -v quiet >/dev/null

MASTER_PORT=$(services_free_port 15100)
ADMIN_KEY="bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
MASTER_URL="http://127.0.0.1:$MASTER_PORT"
# The master watches no engine of its own here (the socket does not exist): every route comes from the agent.
( cd "$WORK/master" && DOCKFLARE_SANDBOX=true DOCKFLARE_API_KEY="$ADMIN_KEY" DATA_DIR="$WORK/master-data" \
    ASPNETCORE_URLS="$MASTER_URL" DOCKER_HOST="unix://$WORK/no-engine.sock" LOG_LEVEL=WARNING \
    RECONCILE_DEBOUNCE_MS=500 GRACE_PERIOD_SECONDS=600 \
    exec ./DockFlare.Host >"$WORK/master.log" 2>&1 ) &
MASTER_PID=$!
for _ in $(seq 1 120); do curl -sf "$MASTER_URL/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$MASTER_URL/healthz" >/dev/null || { log "the master did not start:"; tail -30 "$WORK/master.log" >&2; exit 1; }

run_once() {
  local count=$1 run=$2
  local key agent_id health_port data="$WORK/agent-data-$run" net="bench-net-$run"
  key=$(api -X POST -d "{\"label\":\"bench-$run\"}" "$MASTER_URL/api/v2/agent-keys" | jq -r .secret)
  health_port=$(services_free_port 15300)
  ( DOCKFLARE_MASTER_URL="$MASTER_URL" DOCKFLARE_API_KEY="$key" DOCKER_HOST="$DOCKER_SOCK" \
      CLOUDFLARED_IMAGE=bench-cloudflared:1 CLOUDFLARED_NETWORK_NAME="$net" AGENT_DISPLAY_NAME="bench-$run" \
      DATA_DIR="$data" HEALTH_CHECK_PORT="$health_port" LOG_LEVEL=warning \
      exec env ${AGENT_ENV:-} "$WORK/agent/DockFlare.Agent" >"$WORK/agent-$run.log" 2>&1 ) &
  AGENT_PID=$!
  for _ in $(seq 1 60); do
    agent_id=$(api "$MASTER_URL/api/v2/agents" | jq -r ".agents[] | select(.agent.displayName == \"bench-$run\") | .agent.id" 2>/dev/null || true)
    [[ -n "$agent_id" ]] && break
    sleep 0.5
  done
  [[ -n "$agent_id" ]] || { log "the agent did not register:"; tail -30 "$WORK/agent-$run.log" >&2; exit 1; }
  api -X POST -d '{"createTunnel":true,"scopes":{"zones":["example.com"]}}' "$MASTER_URL/api/v2/agents/$agent_id/enrol" >/dev/null
  for _ in $(seq 1 120); do
    [[ "$(curl -s "http://127.0.0.1:$health_port/health" | jq -r .cloudflared.state 2>/dev/null)" == "running" ]] && break
    sleep 0.5
  done
  [[ "$(curl -s "http://127.0.0.1:$health_port/health" | jq -r .cloudflared.state)" == "running" ]] || { log "cloudflared did not start:"; tail -30 "$WORK/agent-$run.log" >&2; exit 1; }

  # Idle: registered, enrolled, cloudflared running, nothing labelled on the engine.
  sleep 5
  local idle_samples=()
  for _ in $(seq 1 "$IDLE_SECONDS"); do idle_samples+=("$(rss_mb "$AGENT_PID")"); sleep 1; done
  local idle_max
  idle_max=$(printf '%s\n' "${idle_samples[@]}" | sort -n | tail -1)
  local idle_split
  idle_split=$(rss_split "$AGENT_PID")

  # Load: N labelled containers started at once (20 in flight), sampled every 200 ms until all are active.
  local peak=0 started_at done_at active=0 sample
  started_at=$(date +%s.%N)
  seq 1 "$count" | xargs -P 20 -I{} docker -H "$DOCKER_SOCK" run -d --name "app-$run-{}" \
      --label dockflare.enable=true --label "dockflare.hostname=app-$run-{}.example.com" \
      --label "dockflare.service=http://app-$run-{}:80" bench-app:1 sleep 2147483647 >/dev/null &
  local creator=$!
  while :; do
    sample=$(rss_mb "$AGENT_PID")
    peak=$(awk -v a="$peak" -v b="$sample" 'BEGIN { print (b > a) ? b : a }')
    if ! kill -0 "$creator" 2>/dev/null; then
      active=$(api "$MASTER_URL/api/v2/routes" | jq "[.routes[] | select(.status == \"active\" and (.route.hostname | startswith(\"app-$run-\")))] | length")
      [[ "$active" -ge "$count" ]] && break
    fi
    sleep 0.2
    if (( $(date +%s) - ${started_at%.*} > 900 )); then log "not all routes active after 15 minutes ($active of $count)"; break; fi
  done
  wait "$creator" || true
  done_at=$(date +%s.%N)
  sleep 10
  local after after_split
  after=$(rss_mb "$AGENT_PID")
  after_split=$(rss_split "$AGENT_PID")
  local master_rss
  master_rss=$(rss_mb "$MASTER_PID")

  printf '%s\n' "containers=$count idle_rss_max_mb=$idle_max ($idle_split) load_rss_peak_mb=$peak after_load_rss_mb=$after ($after_split) active_routes=$active seconds_to_all_active=$(awk -v a="$started_at" -v b="$done_at" 'BEGIN { printf "%.1f", b - a }') master_rss_mb=$master_rss"

  kill "$AGENT_PID"; wait "$AGENT_PID" 2>/dev/null || true; AGENT_PID=""
  services_docker ps -aq --filter "name=app-$run-" | xargs -r docker -H "$DOCKER_SOCK" rm -f >/dev/null
}

log "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(dotnet --version) SDK"
run=0
for count in "${COUNTS[@]}"; do
  run=$((run + 1))
  run_once "$count" "$run"
done

#!/usr/bin/env bash
# Runs the whole test suite the way CI does.
#
# 1. Installs what the tests need and the machine lacks (Redis, a Docker engine, busybox) from Debian.
# 2. Starts Redis on a free loopback port and a private dockerd (own data root, exec root and socket
#    under a temporary folder; no bridge, no iptables), and imports a tiny busybox image into it.
# 3. Runs `dotnet test` on the solution with those services, stops everything it started, and prints
#    the totals over all test projects as its last line: `N passed, N failed`.
#
# Extra arguments go to `dotnet test` (for example: scripts/test.sh --filter FullyQualifiedName~Plugin);
# DOCKFLARE_TEST_TARGET=tests/SomeProject runs one project instead of the solution.
# Exits non-zero when anything fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/dockflare-test.XXXXXX)
TEST_IMAGE=dockflare-test:latest
REDIS_PID=""
DOCKERD_PID=""

log() { printf '[test.sh] %s\n' "$*" >&2; }

cleanup() {
  local status=$?
  if [[ -n "$DOCKERD_PID" ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
    # Remove what the tests left, then stop the engine; it unmounts its layers on the way out.
    docker_cli ps -aq 2>/dev/null | xargs -r docker -H "unix://$WORK/docker.sock" rm -f >/dev/null 2>&1 || true
    kill "$DOCKERD_PID" 2>/dev/null || true
    # Give it 20 s to exit (an exited child shows as a zombie until reaped), then reap it.
    for _ in $(seq 1 100); do
      grep -qs '^State:[[:space:]]*[^Z]' "/proc/$DOCKERD_PID/status" || break
      sleep 0.2
    done
    kill -9 "$DOCKERD_PID" 2>/dev/null || true
    wait "$DOCKERD_PID" 2>/dev/null || true
  fi
  if [[ -n "$REDIS_PID" ]]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT INT TERM

docker_cli() { docker -H "unix://$WORK/docker.sock" "$@"; }

bash "$ROOT/scripts/install-test-deps.sh"

# Redis on the first free loopback port from 16379.
REDIS_PORT=""
for port in $(seq 16379 16479); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then REDIS_PORT=$port; break; fi
done
[[ -n "$REDIS_PORT" ]] || { log "no free loopback port for Redis"; exit 1; }
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK/redis" \
  --databases 32 >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 50); do
  [[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]] && break
  sleep 0.2
done
[[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]] || { log "Redis did not start:"; cat "$WORK/redis.log" >&2; exit 1; }
log "Redis on 127.0.0.1:$REDIS_PORT"

# A private Docker engine: nothing it does touches the machine's own engine or network.
mkdir -p "$WORK/docker-root" "$WORK/docker-exec"
dockerd --data-root "$WORK/docker-root" --exec-root "$WORK/docker-exec" --pidfile "$WORK/docker.pid" \
  -H "unix://$WORK/docker.sock" --bridge=none --iptables=false --ip6tables=false \
  >"$WORK/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for _ in $(seq 1 60); do
  docker_cli version >/dev/null 2>&1 && break
  sleep 0.5
done
docker_cli version >/dev/null 2>&1 || { log "dockerd did not start:"; tail -20 "$WORK/dockerd.log" >&2; exit 1; }
log "dockerd on unix://$WORK/docker.sock"

# The test image: a static busybox and the applets the tests use.
ROOTFS="$WORK/rootfs"
mkdir -p "$ROOTFS/bin" "$ROOTFS/tmp"
cp /bin/busybox "$ROOTFS/bin/busybox"
for applet in sh sleep cat echo env ls; do ln -s busybox "$ROOTFS/bin/$applet"; done
tar -C "$ROOTFS" -c . | docker_cli import - "$TEST_IMAGE" >/dev/null
log "imported $TEST_IMAGE"

export DOCKFLARE_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export DOCKFLARE_TEST_DOCKER_HOST="unix://$WORK/docker.sock"
export DOCKFLARE_TEST_IMAGE="$TEST_IMAGE"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

set +e
dotnet test "${DOCKFLARE_TEST_TARGET:-$ROOT/DockFlare.sln}" --logger trx --results-directory "$WORK/results" "$@"
TEST_STATUS=$?
set -e

# Totals over every test project, from the TRX files.
passed=0; failed=0
shopt -s nullglob
for trx in "$WORK"/results/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${e:-0}))
done
if [[ $TEST_STATUS -ne 0 && $failed -eq 0 ]]; then
  log "dotnet test failed before or outside the tests (build error, crashed test host); see above"
  failed=1
fi
echo "$passed passed, $failed failed"
[[ $TEST_STATUS -eq 0 && $failed -eq 0 ]]

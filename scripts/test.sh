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
# shellcheck source=scripts/services.sh
source "$ROOT/scripts/services.sh"

cleanup() {
  local status=$?
  services_stop
  rm -rf "$WORK" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT INT TERM

bash "$ROOT/scripts/install-test-deps.sh"
services_start_redis
services_start_dockerd
services_import_image "$TEST_IMAGE"

export DOCKFLARE_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export DOCKFLARE_TEST_DOCKER_HOST="$DOCKER_SOCK"
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

#!/usr/bin/env bash
# Issue 9's distributed deployment on one machine, by hand: two private Docker engines stand in for two hosts,
# Redis on loopback, the Cloudflare emulator, the master in Redis mode and one agent per engine, each its own process.
# The sample label files of samples/compose are created as containers on the two engines. Everything is left running
# for a person to look at; see docs/e2e.md.
#
#   samples/e2e/run.sh          build, start everything, print the URLs, the admin key and the agent ids
#   samples/e2e/run.sh stop     stop everything it started and remove its folder
#
# Needs root (dockerd), dockerd, docker (the CLI), redis-server, redis-cli, curl and a static busybox
# (scripts/install-test-deps.sh installs them). Only loopback addresses and unix sockets are used.
# DOCKFLARE_E2E_DIR sets the folder everything lives in (default /tmp/dockflare-e2e).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BASE=${DOCKFLARE_E2E_DIR:-/tmp/dockflare-e2e}
CONFIGURATION=Debug
TFM=net10.0
ADMIN_KEY=e2e-admin-key-0123456789abcdefghij
TEST_IMAGE=dockflare-test:latest
STANDIN_IMAGE=dockflare-e2e-cloudflared:latest
# Which sample goes to which host (the test, tests/DockFlare.EndToEndTests, uses the same split).
HOST_A_FILES=(single-hostname indexed-labels path-routing access-groups)
HOST_B_FILES=(wildcard non-http-services origin-tls mistyped-labels)
# Services left out because another sample of the split claims the same hostname.
SKIPPED_SERVICES=(access-groups/docs wildcard/app)

# shellcheck source=scripts/services.sh
source "$ROOT/scripts/services.sh"

log() { printf '[e2e] %s\n' "$*" >&2; }

# Stops one engine started by an earlier run: services_stop works on DOCKER_SOCK and DOCKERD_PID.
stop_engine() {
  local dir=$1
  [[ -f "$dir/docker.pid" ]] || return 0
  DOCKER_SOCK="unix://$dir/docker.sock" DOCKERD_PID=$(cat "$dir/docker.pid") REDIS_PID="" services_stop
}

stop_all() {
  local pid
  if [[ -f "$BASE/pids" ]]; then
    # The agents first (SIGTERM: their cloudflared keeps running until its engine goes), then the master and the rest.
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < <(tac "$BASE/pids")
  fi
  stop_engine "$BASE/engine-a"
  stop_engine "$BASE/engine-b"
  rm -rf "$BASE"
  log "stopped; $BASE removed"
}

if [[ "${1:-}" == "stop" ]]; then
  stop_all
  exit 0
fi

if [[ -e "$BASE" ]]; then
  log "$BASE exists: a scenario is running or was not stopped. Run: $0 stop"
  exit 1
fi

log "building (dotnet build)"
for project in host/DockFlare.Host agent/DockFlare.Agent samples/DockFlare.CloudflareEmulator; do
  dotnet build "$ROOT/$project" -c "$CONFIGURATION" -v quiet -nologo >/dev/null
done
HOST_BIN="$ROOT/host/DockFlare.Host/bin/$CONFIGURATION/$TFM"
AGENT_BIN="$ROOT/agent/DockFlare.Agent/bin/$CONFIGURATION/$TFM"
EMULATOR_BIN="$ROOT/samples/DockFlare.CloudflareEmulator/bin/$CONFIGURATION/$TFM"

mkdir -p "$BASE"
: >"$BASE/pids"
remember() { echo "$1" >>"$BASE/pids"; }
on_error() { log "failed; logs are in $BASE. Clean up with: $0 stop"; }
trap on_error ERR

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  log "timed out waiting for $what"
  return 1
}

# Two engines, each with the test image (a static busybox whose default command idles) and the stand-in cloudflared.
start_engine() { # start_engine NAME -> prints its unix:// socket
  WORK="$BASE/engine-$1"
  mkdir -p "$WORK"
  services_start_dockerd
  services_import_image "$TEST_IMAGE"
  # The samples name no command: give the image one that idles until stopped (PID 1 needs its own TERM handler).
  services_docker commit --change 'CMD ["sh", "-c", "trap \"exit 0\" TERM; sleep 2147483647 & wait"]' \
    "$(services_docker create "$TEST_IMAGE" sh)" "$TEST_IMAGE" >/dev/null
  # The stand-in cloudflared records its arguments and environment, then idles: the agent runs it as it runs cloudflared.
  services_docker commit --change 'ENTRYPOINT ["sh", "-c", "for a in \"$@\"; do echo \"$a\"; done > /tmp/cloudflared.args; env > /tmp/cloudflared.env; trap \"exit 0\" TERM; sleep 2147483647 & wait", "cloudflared"]' \
    --change 'CMD []' "$(services_docker create "$TEST_IMAGE" sh)" "$STANDIN_IMAGE" >/dev/null
  services_docker container prune -f >/dev/null
}
start_engine a
ENGINE_A=$DOCKER_SOCK
start_engine b
ENGINE_B=$DOCKER_SOCK

WORK="$BASE"
REDIS_PORT=$(services_free_port 16379)
mkdir -p "$BASE/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$BASE/redis" --appendonly yes --save '' \
  --logfile "$BASE/redis.log" >/dev/null 2>&1 &
remember $!
wait_for 10 "Redis" redis-cli -p "$REDIS_PORT" ping
log "Redis on 127.0.0.1:$REDIS_PORT"

EMULATOR_PORT=$(services_free_port 18787)
dotnet "$EMULATOR_BIN/DockFlare.CloudflareEmulator.dll" --urls "http://127.0.0.1:$EMULATOR_PORT" \
  --zone example.com --zone dev.example.com --zone example.net >"$BASE/emulator.log" 2>&1 &
remember $!
wait_for 60 "the Cloudflare emulator" grep -q CF_API_TOKEN= "$BASE/emulator.log"
CF_API_BASE_URL=$(sed -n 's/^ *CF_API_BASE_URL=//p' "$BASE/emulator.log")
CF_ACCOUNT_ID=$(sed -n 's/^ *CF_ACCOUNT_ID=//p' "$BASE/emulator.log")
CF_API_TOKEN=$(sed -n 's/^ *CF_API_TOKEN=//p' "$BASE/emulator.log")
log "Cloudflare emulator on $CF_API_BASE_URL"

# The master loads the Cloudflare provider only: no local Docker source, no cloudflared of its own.
MASTER_PORT=$(services_free_port 15000)
MASTER="http://127.0.0.1:$MASTER_PORT"
mkdir -p "$BASE/master/plugins" "$BASE/master/data"
cp -r "$HOST_BIN/plugins/cloudflare" "$BASE/master/plugins/"
(
  cd "$BASE/master"
  ASPNETCORE_URLS="$MASTER" DATA_DIR="$BASE/master/data" PLUGINS_DIR="$BASE/master/plugins" \
    REDIS_URL="redis://127.0.0.1:$REDIS_PORT" DOCKFLARE_API_KEY="$ADMIN_KEY" \
    CF_API_BASE_URL="$CF_API_BASE_URL" CF_API_TOKEN="$CF_API_TOKEN" CF_ACCOUNT_ID="$CF_ACCOUNT_ID" \
    DOCKER_SOURCE_ENABLED=false TUNNEL_NAME=dockflare-e2e-master GRACE_PERIOD_SECONDS=60 \
    AGENT_HEARTBEAT_TIMEOUT=15 RECONCILE_DEBOUNCE_MS=200 \
    exec dotnet "$HOST_BIN/DockFlare.Host.dll" >"$BASE/master.log" 2>&1
) &
remember $!
wait_for 90 "the master" curl -sf "$MASTER/healthz"
log "master on $MASTER"
# A new master has no user: it prints a one-time setup code (to standard output, so into master.log) that the web
# UI asks for before it creates the first admin.
wait_for 30 "the master's setup code" grep -qE '^ +[A-Z2-9]{4}(-[A-Z2-9]{4}){3} *$' "$BASE/master.log"
SETUP_CODE=$(grep -oE '[A-Z2-9]{4}(-[A-Z2-9]{4}){3}' "$BASE/master.log" | tail -n 1)

api() { # api METHOD PATH [JSON]
  curl -sf -X "$1" -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$MASTER/api/v2$2"
}

# The Access groups the samples name, defined through the REST API as an admin would.
for group in \
  '{"id":"admins","name":"Admins","decision":"allow","include":[{"email":{"email":"admin@example.com"}}]}' \
  '{"id":"staff","name":"Staff","decision":"allow","include":[{"email_domain":{"domain":"example.com"}}]}' \
  '{"id":"contractors","name":"Contractors","decision":"allow","include":[{"email_domain":{"domain":"contractors.example.com"}}]}' \
  '{"id":"team","name":"Team","decision":"allow","include":[{"email_domain":{"domain":"example.com"}}]}'; do
  api POST /access-groups "$group" >/dev/null
done

start_agent() { # start_agent NAME ENGINE: generates its key, starts it, waits for it to register -> prints its id
  local name=$1 engine=$2 key state="$BASE/agent-$1/agent-state.json"
  key=$(api POST /agent-keys "{\"label\":\"$name\"}" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
  mkdir -p "$BASE/agent-$name"
  DOCKFLARE_MASTER_URL="$MASTER" DOCKFLARE_API_KEY="$key" DOCKER_HOST="$engine" DATA_DIR="$BASE/agent-$name" \
    CLOUDFLARED_IMAGE="$STANDIN_IMAGE" CLOUDFLARED_NETWORK_NAME=cloudflare-net AGENT_DISPLAY_NAME="$name" \
    HEALTH_CHECK_PORT=0 dotnet "$AGENT_BIN/DockFlare.Agent.dll" >"$BASE/agent-$name.log" 2>&1 &
  remember $!
  wait_for 60 "agent $name to register" grep -q '"agentId"' "$state"
  tr -d '\n' <"$state" | sed -n 's/.*"agentId": *"\([^"]*\)".*/\1/p'
}
AGENT_A=$(start_agent host-a "$ENGINE_A")
AGENT_B=$(start_agent host-b "$ENGINE_B")
SCOPES='"scopes":{"zones":["example.com","dev.example.com"]}'
api POST "/agents/$AGENT_A/enrol" "{\"createTunnel\":true,$SCOPES}" >/dev/null
api POST "/agents/$AGENT_B/enrol" "{\"createTunnel\":true,$SCOPES}" >/dev/null
log "agents host-a ($AGENT_A) and host-b ($AGENT_B) enrolled"

# The samples, as containers. A small reader for the map form these files use (services: name: labels: key: value);
# the test reads them with a YAML parser.
services_of() { awk '/^services:/ {s=1; next} s && /^  [A-Za-z0-9_.-]+:[[:space:]]*$/ {sub(/^  /, ""); sub(/:.*/, ""); print}' "$1"; }
labels_of() { # labels_of FILE SERVICE -> key=value lines
  awk -v want="$2" '
    /^services:/ {s = 1; next}
    s && /^  [A-Za-z0-9_.-]+:/ {name = $0; sub(/^  /, "", name); sub(/:.*/, "", name); l = 0; next}
    s && name == want && /^    labels:/ {l = 1; next}
    l && /^      [^ #]/ {
      line = $0; sub(/^ +/, "", line); key = line; sub(/:.*/, "", key); value = line; sub(/^[^:]*: */, "", value)
      if (value ~ /^".*"$/ || value ~ /^\047.*\047$/) value = substr(value, 2, length(value) - 2)
      print key "=" value; next
    }
    l && /^    [^ ]/ {l = 0}' "$1"
}
run_samples() { # run_samples ENGINE FILE...
  local engine=$1 file service label args
  shift
  for file in "$@"; do
    for service in $(services_of "$ROOT/samples/compose/$file.yml"); do
      [[ " ${SKIPPED_SERVICES[*]} " == *" $file/$service "* ]] && continue
      args=()
      while IFS= read -r label; do args+=(--label "$label"); done < <(labels_of "$ROOT/samples/compose/$file.yml" "$service")
      docker -H "$engine" run -d --name "$file-$service" "${args[@]}" "$TEST_IMAGE" >/dev/null
    done
  done
}
run_samples "$ENGINE_A" "${HOST_A_FILES[@]}"
run_samples "$ENGINE_B" "${HOST_B_FILES[@]}"
log "sample containers started"

trap - ERR
cat <<EOF

DockFlare end to end is running (everything under $BASE, logs there too).

  Web UI                $MASTER
    first visit         enter the setup code $SETUP_CODE and create your admin;
                        the dashboard then shows both hosts' routes, live
  Master (REST API)     $MASTER/api/v2
    routes              curl -H 'Authorization: Bearer $ADMIN_KEY' $MASTER/api/v2/routes
    agents              curl -H 'Authorization: Bearer $ADMIN_KEY' $MASTER/api/v2/agents
    plan / changes      $MASTER/api/v2/plan   $MASTER/api/v2/changes
    Hangfire            $MASTER/hangfire   (signed in as an admin)
  Admin key             $ADMIN_KEY
  Agents                host-a $AGENT_A on $ENGINE_A
                        host-b $AGENT_B on $ENGINE_B
  Cloudflare emulator   $CF_API_BASE_URL  (state: ${CF_API_BASE_URL%client/v4/}__emulator/state)
  Docker                docker -H $ENGINE_A ps    docker -H $ENGINE_B ps
  Redis                 redis-cli -p $REDIS_PORT

Stop it with: DOCKFLARE_E2E_DIR=$BASE $0 stop
EOF

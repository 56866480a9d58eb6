# Private services for tests and benchmarks; source it, then call what you need. Everything lives under $WORK
# (which the caller creates) and is stopped by services_stop.
#
#   services_start_redis        Redis on the first free loopback port from 16379 -> REDIS_PORT, REDIS_PID
#   services_start_dockerd      a private dockerd (own data root, exec root and socket under $WORK; no bridge,
#                               no iptables) -> DOCKER_SOCK (unix://...), DOCKERD_PID
#   services_import_image NAME  a static busybox image with the applets the tests use
#   services_stop               removes the engine's containers, stops dockerd and Redis
REDIS_PID=""
DOCKERD_PID=""

services_log() { printf '[services] %s\n' "$*" >&2; }

services_docker() { docker -H "$DOCKER_SOCK" "$@"; }

services_free_port() {
  local port
  for port in $(seq "$1" "$(( $1 + 200 ))"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

services_start_redis() {
  REDIS_PORT=$(services_free_port 16379) || { services_log "no free loopback port for Redis"; return 1; }
  mkdir -p "$WORK/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK/redis" \
    --databases 32 >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    [[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]] && break
    sleep 0.2
  done
  [[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]] || { services_log "Redis did not start:"; cat "$WORK/redis.log" >&2; return 1; }
  services_log "Redis on 127.0.0.1:$REDIS_PORT"
}

services_start_dockerd() {
  DOCKER_SOCK="unix://$WORK/docker.sock"
  mkdir -p "$WORK/docker-root" "$WORK/docker-exec"
  dockerd --data-root "$WORK/docker-root" --exec-root "$WORK/docker-exec" --pidfile "$WORK/docker.pid" \
    -H "$DOCKER_SOCK" --bridge=none --iptables=false --ip6tables=false \
    --default-address-pool base=10.212.0.0/16,size=24 \
    >"$WORK/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do
    services_docker version >/dev/null 2>&1 && break
    sleep 0.5
  done
  services_docker version >/dev/null 2>&1 || { services_log "dockerd did not start:"; tail -20 "$WORK/dockerd.log" >&2; return 1; }
  services_log "dockerd on $DOCKER_SOCK"
}

services_import_image() {
  local rootfs="$WORK/rootfs-$RANDOM"
  mkdir -p "$rootfs/bin" "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in sh sleep cat echo env ls; do ln -s busybox "$rootfs/bin/$applet"; done
  tar -C "$rootfs" -c . | services_docker import - "$1" >/dev/null
  rm -rf "$rootfs"
  services_log "imported $1"
}

services_stop() {
  if [[ -n "$DOCKERD_PID" ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
    # Remove what was left, then stop the engine; it unmounts its layers on the way out.
    services_docker ps -aq 2>/dev/null | xargs -r docker -H "$DOCKER_SOCK" rm -f >/dev/null 2>&1 || true
    # A stopped engine leaves its networks' bridges (and their address ranges) on the machine: remove the networks first.
    services_docker network prune -f >/dev/null 2>&1 || true
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
}

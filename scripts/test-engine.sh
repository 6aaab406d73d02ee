#!/usr/bin/env bash
# A private Docker engine for ailab's tests: its own socket, data-root, exec-root, pidfile,
# bridge and subnet under one directory, so it never touches /var/run/docker.sock or a
# system engine. It imports fixture images made from a busybox-static rootfs, and can run
# Debian's docker-registry on 127.0.0.1 for real pulls. Everything it starts it stops by pid.
#
#   scripts/test-engine.sh start DIR     start (idempotent); writes DIR/env to source
#   scripts/test-engine.sh stop DIR      stop everything started under DIR and remove it
#   scripts/test-engine.sh kill DIR      SIGKILL dockerd, its containerd and shims (data kept); `start` again brings it back
#   scripts/test-engine.sh run CMD...    start in a temp dir, run CMD with DOCKER_HOST set, stop
#
# Fixture images (all from one busybox-static rootfs):
#   ailab-fixture/httpd:1      busybox httpd on :8080 serving /www (/health, /ready, /json/*,
#                              /api/v1/targets as Prometheus would; /private/ answers 401
#                              without basic auth)
#   ailab-fixture/exits:1      prints a line to stdout and one to stderr, then exits 3
# With the registry up, both are pushed to 127.0.0.1:$REGISTRY_PORT/ailab-fixture/..., with
# ailab-fixture/payload:1 (the httpd plus 2 MiB of its own, so a pull really downloads),
# and removed locally under those names, so a test's pull is a real pull.
set -euo pipefail
# shellcheck source=scripts/pidfile.sh
. "$(dirname "$0")/pidfile.sh"

BRIDGE=${AILAB_TEST_BRIDGE:-ailabt0}
BRIDGE_CIDR=${AILAB_TEST_BRIDGE_CIDR:-172.31.213.1/24}
ADDRESS_POOL=${AILAB_TEST_POOL:-172.31.224.0/20}
REGISTRY_PORT=${AILAB_TEST_REGISTRY_PORT:-5123}
# AILAB_TEST_NO_REGISTRY=1 starts no registry (a second engine beside the first, say).

# A pid that is running, not a zombie waiting to be reaped (a killed dockerd is one for a moment).
alive() { [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

log() { printf 'test-engine: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

need() {
  local missing=()
  for tool in dockerd docker busybox ip; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: run scripts/setup.sh (installs docker.io busybox-static iproute2)"
  [ "$(id -u)" -eq 0 ] || die "a private dockerd needs root"
}

docker_() { DOCKER_HOST="unix://$DIR/docker.sock" docker "$@"; }

make_bridge() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
}

start_dockerd() {
  mkdir -p "$DIR/data" "$DIR/exec"
  # vfs works on any filesystem (overlay-on-overlay fails in some sandboxes); fixtures are tiny.
  dockerd \
    --host "unix://$DIR/docker.sock" \
    --data-root "$DIR/data" \
    --exec-root "$DIR/exec" \
    --pidfile "$DIR/dockerd.pid" \
    --bridge "$BRIDGE" \
    --default-address-pool "base=$ADDRESS_POOL,size=24" \
    --storage-driver vfs \
    --log-level warn \
    >"$DIR/dockerd.log" 2>&1 &
  echo $! >"$DIR/dockerd.launch.pid"
  for _ in $(seq 1 150); do
    if docker_ version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; then return 0; fi
    kill -0 "$(cat "$DIR/dockerd.launch.pid")" 2>/dev/null || { tail -20 "$DIR/dockerd.log" >&2; die "dockerd exited at start"; }
    sleep 0.2
  done
  tail -20 "$DIR/dockerd.log" >&2
  die "dockerd did not answer within 30 s"
}

build_fixtures() {
  docker_ image inspect ailab-fixture/httpd:1 >/dev/null 2>&1 && return 0
  local root="$DIR/rootfs"
  rm -rf "$root"
  mkdir -p "$root/bin" "$root/www/json" "$root/tmp" "$root/etc"
  cp "$(command -v busybox)" "$root/bin/busybox"
  for applet in sh httpd wget echo cat sleep ls kill nc true false; do ln -sf busybox "$root/bin/$applet"; done
  echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
  echo ok >"$root/www/health"
  echo ready >"$root/www/ready"
  echo '<h1>ailab fixture</h1>' >"$root/www/index.html"
  echo '{"result":{"collections":[{"name":"docs"}]},"status":"ok"}' >"$root/www/json/collections"
  echo '{"data":[{"id":"a"},{"id":"b"},{"id":"c"}]}' >"$root/www/json/models"
  # What Prometheus answers at /api/v1/targets: job "web" is scraped and up.
  mkdir -p "$root/www/api/v1"
  echo '{"status":"success","data":{"activeTargets":[{"labels":{"job":"web"},"scrapeUrl":"http://web:8080/metrics","health":"up"}]}}' >"$root/www/api/v1/targets"
  # /private asks for credentials (basic auth, busybox httpd's default /etc/httpd.conf): 401
  # without them, as an admin interface that asks should. Every other path is as before.
  mkdir -p "$root/www/private"
  echo private >"$root/www/private/index.html"
  echo '/private:admin:fixture' >"$root/etc/httpd.conf"
  tar -C "$root" -c . | docker_ import \
    --change 'CMD ["/bin/httpd", "-f", "-v", "-p", "8080", "-h", "/www"]' \
    --change 'EXPOSE 8080' - ailab-fixture/httpd:1 >/dev/null
  tar -C "$root" -c . | docker_ import \
    --change 'CMD ["/bin/sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 3"]' \
    - ailab-fixture/exits:1 >/dev/null
  head -c 2097152 /dev/urandom >"$root/www/payload.bin"
  tar -C "$root" -c . | docker_ import \
    --change 'CMD ["/bin/httpd", "-f", "-v", "-p", "8080", "-h", "/www"]' \
    --change 'EXPOSE 8080' - ailab-fixture/payload:1 >/dev/null
  rm -rf "$root"
}

start_registry() {
  command -v docker-registry >/dev/null || { log "docker-registry not installed: no registry"; return 0; }
  mkdir -p "$DIR/registry"
  cat >"$DIR/registry.yml" <<EOF
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $DIR/registry}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$REGISTRY_PORT}
EOF
  docker-registry serve "$DIR/registry.yml" >"$DIR/registry.log" 2>&1 &
  echo $! >"$DIR/registry.pid"
  for _ in $(seq 1 50); do
    if busybox wget -q -O /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/" 2>/dev/null; then break; fi
    sleep 0.1
  done
  for image in httpd exits payload; do
    docker_ tag "ailab-fixture/$image:1" "127.0.0.1:$REGISTRY_PORT/ailab-fixture/$image:1"
    docker_ push "127.0.0.1:$REGISTRY_PORT/ailab-fixture/$image:1" >/dev/null
    docker_ rmi "127.0.0.1:$REGISTRY_PORT/ailab-fixture/$image:1" >/dev/null
  done
  docker_ rmi ailab-fixture/payload:1 >/dev/null
}

write_env() {
  cat >"$DIR/env" <<EOF
export AILAB_TEST_DOCKER_HOST=unix://$DIR/docker.sock
export AILAB_TEST_ENGINE_DIR=$DIR
export AILAB_TEST_REGISTRY=127.0.0.1:$REGISTRY_PORT
EOF
}

start() {
  need
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  if [ -f "$DIR/dockerd.pid" ] && alive "$(cat "$DIR/dockerd.pid")"; then
    log "already running in $DIR"
  else
    rm -f "$DIR/dockerd.pid"  # left by a killed dockerd, which refuses to start beside it
    make_bridge
    echo "$BRIDGE" >"$DIR/bridge"  # stop removes this engine's bridge, whatever the caller's env says
    start_dockerd
  fi
  build_fixtures
  if [ -z "${AILAB_TEST_NO_REGISTRY:-}" ] && ! { [ -f "$DIR/registry.pid" ] && kill -0 "$(cat "$DIR/registry.pid")" 2>/dev/null; }; then start_registry; fi
  write_env
  log "engine up: unix://$DIR/docker.sock (dockerd pid $(cat "$DIR/dockerd.pid"))"
}

# The engine dies as a host OOM-kill would take it: dockerd, containerd and the shims at once.
kill_engine() {
  DIR=$(cd "$DIR" && pwd)
  [ -f "$DIR/dockerd.pid" ] && kill -9 "$(cat "$DIR/dockerd.pid")" 2>/dev/null || true
  # The containers' own processes too (found by this engine's container ids): a shim killed
  # under a live container leaves a restarted containerd waiting on it.
  for id in $(ls "$DIR/data/containers" 2>/dev/null); do
    for procs in /sys/fs/cgroup/pids/docker/"$id"/cgroup.procs /sys/fs/cgroup/docker/"$id"/cgroup.procs; do
      [ -r "$procs" ] && xargs -r kill -9 <"$procs" 2>/dev/null || true
    done
  done
  pkill -9 -f -- "$DIR/exec" 2>/dev/null || true
  for _ in $(seq 1 50); do pgrep -f -- "$DIR/exec" >/dev/null || break; sleep 0.1; done
  rm -f "$DIR/docker.sock"
  # Runtime state lives on tmpfs on a real host and is gone after the crash; left here, the
  # next containerd waits on shims that no longer exist.
  { grep " $DIR/exec" /proc/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$DIR/exec"
}

stop() {
  [ -d "$DIR" ] || return 0
  DIR=$(cd "$DIR" && pwd)
  [ -f "$DIR/bridge" ] && BRIDGE=$(cat "$DIR/bridge")
  if [ -S "$DIR/docker.sock" ]; then
    local ids
    ids=$(docker_ ps -aq 2>/dev/null || true)
    [ -z "$ids" ] || docker_ rm -f $ids >/dev/null 2>&1 || true
  fi
  kill_pidfile "$DIR/registry.pid"
  kill_pidfile "$DIR/dockerd.pid"
  kill_pidfile "$DIR/dockerd.launch.pid"
  # The managed containerd and shims live under exec-root; end any left behind.
  pkill -f -- "$DIR/exec" 2>/dev/null || true
  { grep " $DIR/" /proc/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$DIR"
  if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link del "$BRIDGE" 2>/dev/null || true; fi
  log "engine stopped"
}

case "${1:-}" in
  start) DIR=${2:?usage: test-engine.sh start DIR}; start ;;
  stop) DIR=${2:?usage: test-engine.sh stop DIR}; stop ;;
  kill) DIR=${2:?usage: test-engine.sh kill DIR}; kill_engine ;;
  run)
    shift
    DIR=$(mktemp -d /tmp/ailab-engine.XXXXXX)
    trap 'stop' EXIT
    start
    # shellcheck disable=SC1091
    . "$DIR/env"
    "$@"
    ;;
  *) echo "usage: $0 start DIR | stop DIR | kill DIR | run CMD..." >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A two-node Docker Swarm for ailab's tests, on one machine: two network namespaces joined by
# a veth pair, a private dockerd in each (own socket, data-root, exec-root, pidfile, no
# bridge), `swarm init` in the first, `swarm join` from the second over the veth (ports
# 2377/7946/4789), the label gpu=true on the second node, and one fixture image loaded into
# both engines (a Swarm service must never look for it on a registry). Everything it starts it
# stops by pid; the namespaces and the directory are removed after.
#
#   scripts/test-swarm.sh start DIR      start; writes DIR/env to source
#   scripts/test-swarm.sh stop DIR       stop everything started under DIR and remove it
#   scripts/test-swarm.sh run CMD...     start in a temp dir, run CMD with the env set, stop
#
# The env: AILAB_TEST_SWARM_MANAGER and AILAB_TEST_SWARM_WORKER (unix:// sockets: a unix
# socket path works from any network namespace), AILAB_TEST_SWARM_WORKER_NODE (the labelled
# node's id), AILAB_TEST_SWARM_DIR. Fixture: ailab-fixture/swarm-httpd:1, busybox httpd on
# :8080 serving /health, with a Docker healthcheck.
set -euo pipefail

PREFIX=${AILAB_TEST_NETNS_PREFIX:-ailab-swarm}
NET=${AILAB_TEST_SWARM_NET:-10.232.0}   # the veth pair's /24: .1 the manager, .2 the worker

log() { printf 'test-swarm: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
alive() { [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
docker_() { local node=$1; shift; DOCKER_HOST="unix://$DIR/$node/docker.sock" docker "$@"; }

need() {
  for tool in dockerd docker busybox ip nsenter; do command -v "$tool" >/dev/null || die "missing $tool: run scripts/setup.sh"; done
  [ "$(id -u)" -eq 0 ] || die "private dockerds in namespaces need root"
}

make_namespaces() {
  ip netns add "$PREFIX-m"
  ip netns add "$PREFIX-w"
  echo "$PREFIX-m $PREFIX-w" >"$DIR/namespaces"
  ip link add "${PREFIX:0:10}-vm" type veth peer name "${PREFIX:0:10}-vw"
  ip link set "${PREFIX:0:10}-vm" netns "$PREFIX-m"
  ip link set "${PREFIX:0:10}-vw" netns "$PREFIX-w"
  ip -n "$PREFIX-m" addr add "$NET.1/24" dev "${PREFIX:0:10}-vm"
  ip -n "$PREFIX-w" addr add "$NET.2/24" dev "${PREFIX:0:10}-vw"
  for ns in m w; do
    ip -n "$PREFIX-$ns" link set lo up
    ip -n "$PREFIX-$ns" link set "${PREFIX:0:10}-v$ns" up
  done
}

# `nsenter --net` and not `ip netns exec`: the latter remounts /sys and hides the cgroup mounts.
start_dockerd() {
  local node=$1
  mkdir -p "$DIR/$node/data" "$DIR/$node/exec"
  nsenter --net="/run/netns/$PREFIX-$node" dockerd \
    --host "unix://$DIR/$node/docker.sock" \
    --data-root "$DIR/$node/data" \
    --exec-root "$DIR/$node/exec" \
    --pidfile "$DIR/$node/dockerd.pid" \
    --bridge none --iptables=false \
    --storage-driver vfs \
    --log-level warn \
    >"$DIR/$node/dockerd.log" 2>&1 &
  echo $! >"$DIR/$node/dockerd.launch.pid"
}

wait_dockerd() {
  local node=$1
  for _ in $(seq 1 150); do
    docker_ "$node" version --format '{{.Server.APIVersion}}' >/dev/null 2>&1 && return 0
    alive "$(cat "$DIR/$node/dockerd.launch.pid")" || { tail -20 "$DIR/$node/dockerd.log" >&2; die "dockerd ($node) exited at start"; }
    sleep 0.2
  done
  tail -20 "$DIR/$node/dockerd.log" >&2
  die "dockerd ($node) did not answer within 30 s"
}

load_fixture() {
  local root="$DIR/rootfs"
  mkdir -p "$root/bin" "$root/www" "$root/etc"
  cp "$(command -v busybox)" "$root/bin/busybox"
  for applet in sh httpd wget; do ln -sf busybox "$root/bin/$applet"; done
  echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
  echo ok >"$root/www/health"
  tar -C "$root" -c . | docker_ m import \
    --change 'CMD ["/bin/httpd", "-f", "-p", "8080", "-h", "/www"]' \
    --change 'EXPOSE 8080' - ailab-fixture/swarm-httpd:1 >/dev/null
  rm -rf "$root"
  docker_ m save ailab-fixture/swarm-httpd:1 | docker_ w load >/dev/null
}

form_swarm() {
  docker_ m swarm init --advertise-addr "$NET.1" --listen-addr "$NET.1:2377" >/dev/null
  local token
  token=$(docker_ m swarm join-token -q worker)
  docker_ w swarm join --token "$token" --advertise-addr "$NET.2" --listen-addr "$NET.2:2377" "$NET.1:2377" >/dev/null
  WORKER_NODE=$(docker_ w info --format '{{.Swarm.NodeID}}')
  docker_ m node update --label-add gpu=true "$WORKER_NODE" >/dev/null
  for _ in $(seq 1 100); do
    [ "$(docker_ m node inspect "$WORKER_NODE" --format '{{.Status.State}}')" = ready ] && return 0
    sleep 0.2
  done
  die "the worker node did not become ready"
}

start() {
  need
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  make_namespaces
  start_dockerd m
  start_dockerd w
  wait_dockerd m
  wait_dockerd w
  load_fixture
  form_swarm
  cat >"$DIR/env" <<ENV
export AILAB_TEST_SWARM_MANAGER=unix://$DIR/m/docker.sock
export AILAB_TEST_SWARM_WORKER=unix://$DIR/w/docker.sock
export AILAB_TEST_SWARM_WORKER_NODE=$WORKER_NODE
export AILAB_TEST_SWARM_DIR=$DIR
ENV
  log "two-node swarm up in $DIR (manager $NET.1, worker $NET.2 labelled gpu=true)"
}

# The dockerd's children (containerd, shims) are found by parent pid, never by name.
descendants() { local pid; for pid in $(cat "/proc/$1/task/"*/children 2>/dev/null); do echo "$pid"; descendants "$pid"; done; }

stop_dockerd() {
  local node=$1 pid
  [ -f "$DIR/$node/dockerd.launch.pid" ] || return 0
  pid=$(cat "$DIR/$node/dockerd.launch.pid")
  alive "$pid" || return 0
  local children
  children=$(descendants "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.2; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  for child in $children; do alive "$child" && kill -TERM "$child" 2>/dev/null || true; done
  for child in $children; do
    for _ in $(seq 1 50); do alive "$child" || break; sleep 0.1; done
    alive "$child" && kill -KILL "$child" 2>/dev/null || true
  done
}

stop() {
  [ -d "$DIR" ] || return 0
  DIR=$(cd "$DIR" && pwd)
  # Leaving the swarm first makes the engines stop their tasks quickly.
  docker_ w swarm leave --force >/dev/null 2>&1 || true
  docker_ m swarm leave --force >/dev/null 2>&1 || true
  stop_dockerd w
  stop_dockerd m
  for ns in $(cat "$DIR/namespaces" 2>/dev/null); do ip netns del "$ns" 2>/dev/null || true; done
  # vfs layers and mounts under the data-roots: unmount what the engines left, then remove.
  { grep -o " $DIR/[^ ]*" /proc/mounts || true; } | sort -r | while read -r mount; do umount -l "${mount# }" 2>/dev/null || true; done
  rm -rf "$DIR" 2>/dev/null || { sleep 1; rm -rf "$DIR"; }
  log "swarm stopped"
}

case "${1:-}" in
  start) DIR=${2:?usage: test-swarm.sh start DIR}; start ;;
  stop) DIR=${2:?usage: test-swarm.sh stop DIR}; stop ;;
  run)
    shift
    DIR=$(mktemp -d /tmp/ailab-swarm.XXXXXX)
    trap 'stop' EXIT
    start
    # shellcheck disable=SC1091
    . "$DIR/env"
    "$@"
    ;;
  *) die "usage: test-swarm.sh start DIR | stop DIR | run CMD..." ;;
esac

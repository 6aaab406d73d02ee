#!/usr/bin/env bash
# Two private Docker engines, each in a network namespace of its own, for ailab's tests of
# several engines (issue 16): engine "a" reached over ssh (Debian's sshd in its namespace, a
# throwaway key, known_hosts written here, host key checking on), engine "b" over tcp with TLS
# (a CA, server and client certificates made here with openssl). Each dockerd has its own
# data-root, exec-root, pidfile, sockets and bridge; a veth pair joins each namespace to the
# root one on 10.231.N.0/24. Everything is started and stopped by pid, and removed after.
#
#   scripts/test-netns.sh start DIR           start both; writes DIR/env to source
#   scripts/test-netns.sh stop DIR            stop everything under DIR, delete the namespaces
#   scripts/test-netns.sh stop-engine DIR N   stop engine N (a or b) only, as a host going down
#   scripts/test-netns.sh run CMD...          start in a temp dir, run CMD with DIR/env, stop
#
# DIR/env exports DOCKER_CONFIG (contexts "box-a" and "box-b" made by `docker context create`),
# AILAB_SSH_CONFIG (the ssh_config ailab's ssh uses: key, known_hosts, StrictHostKeyChecking
# yes), AILAB_TEST_NETNS_A_SOCK / _B_SOCK (each engine's socket, for the test's own set-up),
# AILAB_TEST_NETNS_WRONG_CA (a CA that signed nothing) and AILAB_TEST_NETNS_DIR.
# AILAB_TEST_NETNS_PREFIX names the namespaces (default ailab16a); AILAB_TEST_NETNS_NET the /16.
set -euo pipefail
# shellcheck source=scripts/pidfile.sh
. "$(dirname "$0")/pidfile.sh"

PREFIX=${AILAB_TEST_NETNS_PREFIX:-ailab16a}
NET=${AILAB_TEST_NETNS_NET:-10.231}
ENGINES=(a b)

log() { printf 'test-netns: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

need() {
  local missing=()
  for tool in dockerd docker busybox ip nsenter openssl ssh ssh-keygen /usr/sbin/sshd; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: run scripts/setup.sh test"
  [ "$(id -u)" -eq 0 ] || die "network namespaces need root"
}

index() { [ "$1" = a ] && echo 1 || echo 2; }
ns() { echo "$PREFIX-$1"; }
addr() { echo "$NET.$(index "$1").2"; }

make_netns() {
  local name=$1 n host peer
  n=$(index "$name"); host="${PREFIX:0:8}${name}0"; peer="${PREFIX:0:8}${name}1"
  ip netns add "$(ns "$name")"
  ip link add "$host" type veth peer name "$peer"
  ip link set "$peer" netns "$(ns "$name")"
  ip addr add "$NET.$n.1/24" dev "$host"
  ip link set "$host" up
  ip -n "$(ns "$name")" addr add "$NET.$n.2/24" dev "$peer"
  ip -n "$(ns "$name")" link set "$peer" up
  ip -n "$(ns "$name")" link set lo up
}

make_certs() {
  local d=$DIR/tls
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=ailab test CA" -keyout "$d/ca-key.pem" -out "$d/ca.pem" 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=ailab wrong CA" -keyout "$d/wrong-ca-key.pem" -out "$d/wrong-ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$(addr b)" -keyout "$d/server-key.pem" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$(addr b)" >"$d/server.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca-key.pem" -CAcreateserial -days 2 -extfile "$d/server.ext" -out "$d/server-cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=ailab client" -keyout "$d/key.pem" -out "$d/client.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$d/client.ext"
  openssl x509 -req -in "$d/client.csr" -CA "$d/ca.pem" -CAkey "$d/ca-key.pem" -CAcreateserial -days 2 -extfile "$d/client.ext" -out "$d/cert.pem" 2>/dev/null
}

start_dockerd() {
  local name=$1 d=$DIR/$1 extra=()
  mkdir -p "$d/data" "$d/exec"
  if [ "$name" = b ]; then
    extra=(--host "tcp://$(addr b):2376" --tlsverify --tlscacert "$DIR/tls/ca.pem" --tlscert "$DIR/tls/server-cert.pem" --tlskey "$DIR/tls/server-key.pem")
  fi
  # Only the network namespace is entered (platform notes: `ip netns exec` hides the cgroup
  # mounts); the namespace has no docker0 of the host's, so dockerd makes its own in there.
  nsenter --net="/run/netns/$(ns "$name")" dockerd \
    --host "unix://$d/docker.sock" "${extra[@]}" \
    --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/dockerd.pid" \
    --bip "172.30.$(index "$name").1/24" --iptables=false --ip-masq=false \
    --storage-driver vfs --log-level warn >"$d/dockerd.log" 2>&1 &
  echo $! >"$d/dockerd.launch.pid"
  for _ in $(seq 1 150); do
    DOCKER_HOST="unix://$d/docker.sock" docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$d/dockerd.launch.pid")" 2>/dev/null || { tail -20 "$d/dockerd.log" >&2; die "dockerd $name exited at start"; }
    sleep 0.2
  done
  tail -20 "$d/dockerd.log" >&2
  die "dockerd $name did not answer within 30 s"
}

# The busybox httpd fixture (as scripts/test-engine.sh makes it), imported into each engine.
load_fixture() {
  local root=$DIR/rootfs
  mkdir -p "$root/bin" "$root/www" "$root/etc"
  cp "$(command -v busybox)" "$root/bin/busybox"
  for applet in sh httpd wget echo cat sleep; do ln -sf busybox "$root/bin/$applet"; done
  echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
  echo ok >"$root/www/health"
  tar -C "$root" -c . >"$DIR/rootfs.tar"
  rm -rf "$root"
  for name in "${ENGINES[@]}"; do
    DOCKER_HOST="unix://$DIR/$name/docker.sock" docker import \
      --change 'CMD ["/bin/httpd", "-f", "-v", "-p", "8080", "-h", "/www"]' --change 'EXPOSE 8080' \
      "$DIR/rootfs.tar" ailab-fixture/httpd:1 >/dev/null
  done
  rm -f "$DIR/rootfs.tar"
}

start_sshd() {
  local d=$DIR/ssh
  mkdir -p "$d" /run/sshd
  ssh-keygen -q -t ed25519 -N '' -C ailab-test-host -f "$d/host_key"
  ssh-keygen -q -t ed25519 -N '' -C ailab-test-client -f "$d/id_ed25519"
  cp "$d/id_ed25519.pub" "$d/authorized_keys"
  cat >"$d/sshd_config" <<EOF
ListenAddress $(addr a)
Port 22
HostKey $d/host_key
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
EOF
  # known_hosts holds the one host key made above: the client verifies it, nothing is accepted blind.
  echo "$(addr a) $(cut -d' ' -f1,2 "$d/host_key.pub")" >"$d/known_hosts"
  cat >"$d/ssh_config" <<EOF
Host $(addr a)
  User root
  IdentityFile $d/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $d/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
EOF
  nsenter --net="/run/netns/$(ns a)" /usr/sbin/sshd -D -e -f "$d/sshd_config" >"$d/sshd.log" 2>&1 &
  echo $! >"$d/sshd.launch.pid"
  for _ in $(seq 1 50); do
    ssh -F "$d/ssh_config" -o BatchMode=yes -o ConnectTimeout=2 "$(addr a)" true 2>/dev/null && return 0
    sleep 0.2
  done
  cat "$d/sshd.log" >&2
  die "sshd in $(ns a) did not answer"
}

make_contexts() {
  export DOCKER_CONFIG=$DIR/docker-config
  mkdir -p "$DOCKER_CONFIG"
  docker context create box-a --docker "host=ssh://root@$(addr a)$DIR/a/docker.sock" >/dev/null
  docker context create box-b --docker "host=tcp://$(addr b):2376,ca=$DIR/tls/ca.pem,cert=$DIR/tls/cert.pem,key=$DIR/tls/key.pem" >/dev/null
}

write_env() {
  cat >"$DIR/env" <<EOF
export AILAB_TEST_NETNS_DIR=$DIR
export DOCKER_CONFIG=$DIR/docker-config
export AILAB_SSH_CONFIG=$DIR/ssh/ssh_config
export AILAB_TEST_NETNS_A_SOCK=unix://$DIR/a/docker.sock
export AILAB_TEST_NETNS_B_SOCK=unix://$DIR/b/docker.sock
export AILAB_TEST_NETNS_A_ADDR=$(addr a)
export AILAB_TEST_NETNS_B_TCP=tcp://$(addr b):2376
export AILAB_TEST_NETNS_WRONG_CA=$DIR/tls/wrong-ca.pem
EOF
}

start() {
  need
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  echo "$PREFIX" >"$DIR/prefix"
  for name in "${ENGINES[@]}"; do ip netns list | grep -qw "$(ns "$name")" || make_netns "$name"; done
  make_certs
  for name in "${ENGINES[@]}"; do start_dockerd "$name"; done
  load_fixture
  start_sshd
  make_contexts
  write_env
  log "engines up: a over ssh to $(addr a), b over TLS at $(addr b):2376 ($DIR)"
}


stop_engine() {
  local d=$DIR/$1
  if [ -S "$d/docker.sock" ]; then
    local ids
    ids=$(DOCKER_HOST="unix://$d/docker.sock" docker ps -aq 2>/dev/null || true)
    [ -z "$ids" ] || DOCKER_HOST="unix://$d/docker.sock" docker rm -f $ids >/dev/null 2>&1 || true
  fi
  kill_pidfile "$d/dockerd.pid"
  kill_pidfile "$d/dockerd.launch.pid"
}

stop() {
  [ -d "$DIR" ] || return 0
  DIR=$(cd "$DIR" && pwd)
  [ -f "$DIR/prefix" ] && PREFIX=$(cat "$DIR/prefix")
  kill_pidfile "$DIR/ssh/sshd.pid"
  kill_pidfile "$DIR/ssh/sshd.launch.pid"
  for name in "${ENGINES[@]}"; do
    stop_engine "$name"
    { grep " $DIR/$name/" /proc/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
    ip netns list | grep -qw "$(ns "$name")" && ip netns del "$(ns "$name")"
    ip link del "${PREFIX:0:8}${name}0" 2>/dev/null || true
  done
  rm -rf "$DIR"
}

case "${1:-}" in
  start) DIR=${2:?DIR}; start ;;
  stop) DIR=${2:?DIR}; stop ;;
  stop-engine) DIR=${2:?DIR}; stop_engine "${3:?a or b}" ;;
  run)
    shift
    DIR=$(mktemp -d /tmp/ailab-netns.XXXXXX)
    trap 'stop' EXIT
    start
    # shellcheck disable=SC1091
    . "$DIR/env"
    "$@"
    ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac

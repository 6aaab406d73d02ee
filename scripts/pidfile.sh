# Sourced by the test scripts: stop a process the script started, by the pid in its file.
# shellcheck shell=bash

# SIGTERM, up to 15 s to go, then SIGKILL; the pid file is removed either way.
kill_pidfile() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

#!/usr/bin/env bash
# Installs what ailab needs on Debian/Ubuntu, once: ncursesw headers to build the console,
# and for the tests a Docker engine, busybox-static (fixture images), docker-registry (real
# pulls), tmux (end-to-end console tests) and iproute2 (the test engine's bridge).
# Swift itself (6.x) must already be on PATH: https://www.swift.org/install/linux/
set -euo pipefail

packages=(libncurses-dev docker.io busybox-static docker-registry tmux iproute2 make)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root to install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  else
    SUDO=
  fi
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6 is required)" >&2; exit 1; }

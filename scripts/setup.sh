#!/usr/bin/env bash
# Installs what ailab needs on Debian/Ubuntu, only what is missing.
#   scripts/setup.sh build   ncursesw headers: enough to build and run the console
#   scripts/setup.sh test    also a Docker engine (docker.io, unless dockerd is already there:
#                            never replace a docker-ce install), busybox-static for fixture
#                            images, docker-registry for real pulls, tmux for end-to-end tests,
#                            python3 for the slow registry proxy (scripts/slow-proxy.py),
#                            iproute2 for the test engine's bridge, docker-compose (1.29, its
#                            `config` only) as an independent oracle for the compose loader,
#                            openssh-server and openssl for the engines in network namespaces
#                            (scripts/test-netns.sh: one reached over ssh, one over TLS)
# Swift itself (6.x) must already be on PATH: https://www.swift.org/install/linux/
set -euo pipefail

mode=${1:-build}
packages=(libncurses-dev make)
if [ "$mode" = test ]; then
  packages+=(busybox-static docker-registry tmux iproute2 python3 docker-compose openssh-server openssh-client openssl)
  command -v dockerd >/dev/null || packages+=(docker.io)
fi

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

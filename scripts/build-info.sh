#!/usr/bin/env bash
# Writes the commit into .build/ailab-build-info.h for Sources/CBuildInfo, rewriting it (and
# touching the one C file that reads it) only when the commit changed: a build at the same
# commit recompiles nothing, and no tracked file's content ever changes. Without git (a
# tarball), the commit is whatever `make dist` wrote into BUILD_COMMIT, else "unknown".
set -euo pipefail
cd "$(dirname "$0")/.."
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || cat BUILD_COMMIT 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit-dirty"; fi
header=.build/ailab-build-info.h
wanted="#define AILAB_BUILD_COMMIT \"$commit\""
mkdir -p .build
if [ "$(cat "$header" 2>/dev/null)" != "$wanted" ]; then
    echo "$wanted" > "$header"
    touch Sources/CBuildInfo/BuildInfo.c
fi

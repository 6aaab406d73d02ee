#!/usr/bin/env bash
# The whole test suite: set-up, build, a private Docker engine with fixture images and a
# local registry, then `swift test` (XCTest and Swift Testing) against it. The engine is
# stopped (by pid) whatever happens. Then make install/uninstall into a temporary prefix, and a
# bounded fuzz run of the decoders.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh test
swift build --build-tests "$@"
# Two passes against one private engine, at the same time (scripts/test-passes.sh): every suite
# that needs neither the engine nor the terminal nor a child process, side by side; and, one
# test at a time, the suites that share the engine (and its fixture image), drive tmux or a
# child process. No correctness test asserts how fast: the benchmark owns time.
bash scripts/test-engine.sh run bash scripts/test-passes.sh "$@"
# A two-node Swarm in two network namespaces for the Swarm tests (see scripts/test-swarm.sh).
bash scripts/test-swarm.sh run swift test --skip-build --no-parallel --filter SwarmOnEngineTests "$@"
# Several engines: one over ssh and one over TLS, each in a network namespace (issue 16).
bash scripts/test-netns.sh run swift test --skip-build --no-parallel --filter MultiEngineOnEngineTests "$@"
# make install into a temporary prefix, the installed ailab run elsewhere, make uninstall (one release build).
bash scripts/install-test.sh
# A bounded libFuzzer run over the engine-answer decoders; `scripts/fuzz.sh 1800` goes longer.
bash scripts/fuzz.sh "${AILAB_FUZZ_SECONDS:-30}"

#!/usr/bin/env bash
# The swift part of `make test`, run by scripts/test.sh under scripts/test-engine.sh (which sets
# the engine's address): the suites that run side by side, then the ones that run one at a time.
# One at a time: the EndToEndTests target (the private engine, tmux, the whole program) and the
# few suites elsewhere that use the engine, a child process or a time limit. A new suite of
# that kind goes in EndToEndTests, or in SERIAL when it belongs beside its target's other tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SERIAL='EndToEndTests|StateStoreTests'
SERIAL+='|ContainerLifecycleTests|EngineStreamsTests|TransportFaultTests|HostileAnswerTests|EngineFeedFaultTests'
SERIAL+='|ErrorBodyTests|TestEngineIsPresent|ExecTests'

swift test --skip-build --parallel --skip "$SERIAL" "$@"
swift test --skip-build --no-parallel --filter "$SERIAL" "$@"

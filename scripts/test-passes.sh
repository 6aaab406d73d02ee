#!/usr/bin/env bash
# The swift part of `make test`, run by scripts/test.sh under scripts/test-engine.sh (which sets
# the engine's address). Two passes over one build, run at the same time:
# - side by side: every suite that needs neither the engine nor tmux nor a child process;
# - one test at a time: the EndToEndTests target (the private engine, tmux, the whole program)
#   and the few suites elsewhere that use the engine, a child process, or a fake engine whose
#   threads stream or stall on purpose (some 10 s together; in a trial beside the unit suites,
#   unit suites' waits ran out). A new suite of that kind goes in EndToEndTests, or in SERIAL
#   when it belongs beside its target's other tests.
# The second pass mostly waits on the engine and tmux, so the first one's CPU work fits in its
# waits: the wall time is the longer pass, not the sum. Both read the one build. Two `swift test`
# cannot run at once (each holds .build's lock and build database, even with --skip-build), so
# the one-at-a-time pass runs the test bundle itself: its suites are all Swift Testing (the two
# XCTest classes are view snapshots, in the first pass), which the bundle runs given
# `--testing-library swift-testing`, as `swift test` would run it.
# Each pass's output is printed whole when it ends, with its time; the script fails if either does.
set -uo pipefail
cd "$(dirname "$0")/.."

SERIAL='EndToEndTests|StateStoreTests'
SERIAL+='|ContainerLifecycleTests|EngineStreamsTests|TransportFaultTests|HostileAnswerTests|EngineFeedFaultTests'
SERIAL+='|ErrorBodyTests|TestEngineIsPresent|ExecTests'

bundle="$(swift build --show-bin-path "$@")/ailabPackageTests.xctest"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

pass() {
    local name=$1
    shift
    local started=$SECONDS
    "$@" >"$logs/$name.log" 2>&1
    local status=$?
    echo "$status $((SECONDS - started))" >"$logs/$name.status"
    return "$status"
}

pass parallel swift test --skip-build --parallel --skip "$SERIAL" "$@" &
side=$!
pass serial "$bundle" --testing-library swift-testing --no-parallel --filter "$SERIAL" &
serial=$!

failed=0
for job in "$side:parallel" "$serial:serial"; do
    wait "${job%%:*}" || failed=1
done
for name in parallel serial; do
    cat "$logs/$name.log"
    read -r status seconds <"$logs/$name.status"
    echo "test-passes: the $name pass ended with status $status after ${seconds}s"
done
exit "$failed"

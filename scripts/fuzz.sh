#!/usr/bin/env bash
# Fuzzes the engine-answer decoders (and catalog interpolation) with libFuzzer, built from the
# package's own source files with -sanitize=fuzzer,address; then the view path, from decoded
# answers to rendered frames, for as long again.
#   scripts/fuzz.sh [SECONDS]     default 30 (what CI runs); e.g. 1800 for a longer run
# Exits non-zero on any crash, trap or sanitizer report; the reproducer is left in .build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
out=.build/fuzz
mkdir -p "$out/corpus"
cp Fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
sources=(
  Sources/DockerClient/Models/*.swift
  Sources/DockerClient/Streams/LineSplitter.swift
  Sources/DockerClient/Streams/LogFrameDecoder.swift
  Sources/DockerClient/Transport/DockerError.swift
  Sources/DockerClient/API/APIVersion.swift
  Sources/LabCatalog/Loader/Interpolation.swift
  Fuzz/FuzzDecoders.swift
)
# One module of them all: Basics (text, dates, JSON without full Foundation) is compiled in, so
# its `import Basics` lines go (each file copied under a name that keeps its folder).
flat="$out/decoders-src"
rm -rf "$flat" && mkdir -p "$flat"
for file in "${sources[@]}" Sources/Basics/*.swift; do sed '/^import Basics$/d' "$file" >"$flat/$(echo "$file" | tr / _)"; done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name FuzzDecoders "$flat"/*.swift -o "$out/decoders"
# Runs one fuzzer: NAME BINARY CORPUS. Swift's own crash handler would run first and trip ASan
# while it reads memory: let libFuzzer report a trap itself, with the Swift frames that caused it.
fuzz() {
  local name=$1 binary=$2 corpus=$3
  echo "fuzzing the $name for ${seconds}s"
  if ! SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/$name-" -print_final_stats=1 "$corpus" >"$out/$name.log" 2>&1; then
    grep -E -A60 'ERROR|deadly signal|Fatal error' "$out/$name.log" | grep -v 'compiler-rt\|libFuzzer\|fuzzer::' | head -80
    echo "fuzz: a crash in the $name; the input is in $out/ ($name-crash-*), the whole report in $out/$name.log" >&2
    exit 1
  fi
  grep -E '^Done|stat::number_of_executed_units|stat::new_units_added' "$out/$name.log"
}
fuzz decoders "$out/decoders" "$out/corpus"

# The view path (issue 11, item 12): decoded answers → containers → snapshot → console state →
# every screen drawn (Fuzz/Views). It needs the package's modules, so SwiftPM builds them, all
# instrumented, into one shared library, and libFuzzer's own main is linked against it.
views=.build/fuzz-views
AILAB_FUZZ_VIEWS=1 swift build -c release --scratch-path "$views" -Xswiftc -sanitize=fuzzer,address --product FuzzViews >"$out/views-build.log" 2>&1 \
  || { tail -30 "$out/views-build.log"; echo "fuzz: the view-path target did not build" >&2; exit 1; }
lib=$(AILAB_FUZZ_VIEWS=1 swift build -c release --scratch-path "$views" --show-bin-path)
: >"$out/views-main.swift"  # nothing: libFuzzer brings main, FuzzViews the entry point
# (gold warns about every ASan check symbol it cannot export: noise, kept in a log)
swiftc -sanitize=fuzzer,address -parse-as-library "$out/views-main.swift" -L "$lib" -lFuzzViews \
  -Xlinker -rpath -Xlinker "$lib" -o "$out/views" >"$out/views-link.log" 2>&1 \
  || { tail -30 "$out/views-link.log"; echo "fuzz: the view-path fuzzer did not link" >&2; exit 1; }
mkdir -p "$out/views-corpus"
cp Fuzz/views-corpus/* "$out/views-corpus/"  # what it found before (and the 8 EiB sum that trapped)
# A seed: recorded answers joined by 0xFF (list, inspect, events, stats), then a window size.
{ cat Fuzz/corpus/containers.json; printf '\377'; cat Fuzz/corpus/inspect.json; printf '\377'
  cat Fuzz/corpus/events.ndjson; printf '\377'; cat Fuzz/corpus/stats.json; printf '\377\120\030'; } >"$out/views-corpus/seed"
fuzz views "$out/views" "$out/views-corpus"

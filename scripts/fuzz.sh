#!/usr/bin/env bash
# Fuzzes the engine-answer decoders (and catalog interpolation) with libFuzzer, built from the
# package's own source files with -sanitize=fuzzer,address.
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
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name FuzzDecoders "${sources[@]}" -o "$out/decoders"
echo "fuzzing the decoders for ${seconds}s"
# Swift's own crash handler would run first and trip ASan while it reads memory: let libFuzzer
# report a trap itself, with the Swift frames that caused it.
if ! SWIFT_BACKTRACE=enable=no "$out/decoders" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/" -print_final_stats=1 "$out/corpus" >"$out/fuzz.log" 2>&1; then
  grep -E -A60 'ERROR|deadly signal|Fatal error' "$out/fuzz.log" | grep -v 'compiler-rt\|libFuzzer\|fuzzer::' | head -80
  echo "fuzz: a crash; the input is in $out/ (crash-*), the whole report in $out/fuzz.log" >&2
  exit 1
fi
grep -E '^Done|stat::number_of_executed_units|stat::new_units_added' "$out/fuzz.log"

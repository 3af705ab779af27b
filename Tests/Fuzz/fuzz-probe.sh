#!/usr/bin/env bash
# Fuzzes the media parsers with libFuzzer for a set time, seeded with the probe's fixtures.
# Usage: Tests/Fuzz/fuzz-probe.sh mp3|mp4|all [seconds]   (default 60 s)
# A crash, a leak of time (-timeout) or memory (-rss_limit_mb) stops it and leaves the input in
# Tests/Fuzz/.work/<format>/: add each one to MediaProbeTests as a regression test.
set -euo pipefail
format=${1:-all}
seconds=${2:-60}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/.work/$format"
mkdir -p "$work/corpus" "$work/modules"
case "$format" in
  mp3|mp4) cp "$root/Tests/MediaProbeTests/Fixtures/$format"/* "$work/corpus/" 2>/dev/null || true ;;
  *) find "$root/Tests/MediaProbeTests/Fixtures" -type f ! -name '*.sh' -exec cp {} "$work/corpus/" \; ;;
esac
find "$work/corpus" -name '*.sh' -delete

# Diagnostics is a plain module; MediaProbe and the entry point are built with the fuzzer's
# coverage and AddressSanitizer.
swiftc -O -parse-as-library -module-name Diagnostics -emit-module -emit-module-path "$work/modules/Diagnostics.swiftmodule" \
  -emit-library -static -o "$work/libDiagnostics.a" "$root"/Sources/Diagnostics/API/*.swift
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name MediaProbe -I "$work/modules" \
  -L "$work" -lDiagnostics -o "$work/fuzz-probe" \
  "$here/FuzzProbe.swift" $(find "$root/Sources/MediaProbe" -name '*.swift' | sort)

cd "$work"
PODIUM_FUZZ_FORMAT="$format" ./fuzz-probe -max_total_time="$seconds" -max_len=262144 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 corpus

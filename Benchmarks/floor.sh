#!/usr/bin/env bash
# The floor of a 10,000-episode build: what the libraries Podium must use (libyaml, cmark-gfm, libxml2)
# cost alone for the same work, with no Podium code (Benchmarks/Floor, a package of its own).
# Builds it in release mode, writes the catalogue with make-catalogue.py, and runs it: each step's
# median wall and CPU time over 5 runs, the sums, and the peak memory.
# Usage: Benchmarks/floor.sh [episodes]; PODIUM_BENCH_DIR picks the work folder (default /dev/shm/podium-floor).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
work=${PODIUM_BENCH_DIR:-/dev/shm/podium-floor}
rm -rf "$work" && mkdir -p "$work"
python3 Benchmarks/make-catalogue.py "$work/episodes" "$count"
swift build -c release --package-path Benchmarks/Floor
bin=$(swift build -c release --package-path Benchmarks/Floor --show-bin-path)/floor
"$bin" "$work/episodes" "$work/chapters"

#!/usr/bin/env bash
# Checks 1,000 URLs (HEAD + ranged GET each) against the tests' local HTTP server on 127.0.0.1 and
# prints URLs per second, three runs. Target: 1,000 URLs in under 5 s. Touches nothing but loopback.
# The driver is the test LinkCheckBenchmark (Tests/LinkCheckTests), skipped unless PODIUM_BENCH=1.
# Usage: Benchmarks/links.sh [urls] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
export PODIUM_BENCH=1 PODIUM_BENCH_URLS=${1:-1000} PODIUM_BENCH_CONCURRENCY=${2:-16}
scratch=${PODIUM_BUILD_PATH:-.build}
package=${PODIUM_PACKAGE_PATH:-.}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for run in 1 2 3; do
  # The first run builds (swift test keeps testable imports working in release); the others reuse it.
  skip=$([ "$run" = 1 ] || echo --skip-build)
  swift test -c release $skip --package-path "$package" --scratch-path "$scratch" \
    --filter LinkCheckBenchmark >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  grep -E '^links benchmark' "$log"
done

#!/usr/bin/env bash
# Times a full `podium build` of a generated 10,000-episode catalogue (release build) and reports
# wall time and peak memory. Usage: Benchmarks/build.sh [episodes] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-5}
work=Benchmarks/.work
rm -rf "$work" && mkdir -p "$work"
python3 Benchmarks/make-catalogue.py "$work/episodes" "$count"
scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
"$bin" build --catalogue "$work/episodes" --output "$work/feeds" --now 2030-01-01T00:00:00Z >/dev/null  # warm the cache
echo "podium build, $count episodes, $(nproc) cores:"
for run in $(seq "$runs"); do
  rm -rf "$work/feeds"
  /usr/bin/time -f "  wall %e s  peak memory %M KB" \
    "$bin" build --catalogue "$work/episodes" --output "$work/feeds" --now 2030-01-01T00:00:00Z >/dev/null
done 2>&1
echo "feed size: $(du -h "$work/feeds/bench/feed.xml" | cut -f1), files written: $(find "$work/feeds" -type f | wc -l)"

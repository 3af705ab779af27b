#!/usr/bin/env bash
# Times a full `podium build` of a generated 10,000-episode catalogue (release build) and reports
# wall time and peak memory per run, then the median; then the same for rebuilds over the last
# output. Usage: Benchmarks/build.sh [episodes] [runs]
# PODIUM_BENCH_DIR picks the work folder (default Benchmarks/.work); /dev/shm/... measures on
# tmpfs, away from the disk's discard work, as docs/performance.md does. PODIUM_BENCH_NOW sets
# --now (default 2030-01-01, when 10,000 episodes are out; 2300-01-01 publishes 100,000).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-5}
work=${PODIUM_BENCH_DIR:-Benchmarks/.work}
now=${PODIUM_BENCH_NOW:-2030-01-01T00:00:00Z}
rm -rf "$work" && mkdir -p "$work"
python3 Benchmarks/make-catalogue.py "$work/episodes" "$count"
scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
build() { "$bin" build --catalogue "$work/episodes" --output "$work/feeds" --now "$now" >/dev/null; }
build  # warm the page cache
measure() {  # $1: "scratch" removes the output before each run
  local times=()
  for _ in $(seq "$runs"); do
    [ "$1" = scratch ] && rm -rf "$work/feeds"
    local line
    line=$( { /usr/bin/time -f "%e %M" "$bin" build --catalogue "$work/episodes" --output "$work/feeds" \
      --now "$now" >/dev/null; } 2>&1 | tail -1)
    echo "  wall ${line% *} s  peak memory ${line#* } KB"
    times+=("${line% *}")
  done
  echo "  median wall $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
}
echo "podium build, $count episodes, $(nproc) cores, in $work:"
echo "from scratch:"
measure scratch
echo "rebuild over the last output:"
measure rebuild
echo "feed size: $(du -h "$work/feeds/bench/feed.xml" | cut -f1), files written: $(find "$work/feeds" -type f | wc -l)"

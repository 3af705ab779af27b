#!/usr/bin/env bash
# Times `podium lint` (release build) on large feeds against podcastparser only parsing the same
# file in the same run, and reports wall time, CPU time (user + system) and peak memory of each,
# and podcastparser's time over Podium's: the 29 MB feed the 10,000-episode build benchmark writes,
# and a ~300 MB feed made from it (its items eleven times over, each copy with its own GUIDs and
# enclosure URLs, so the lint does its full work and finds nothing).
# Usage: Benchmarks/lint-large.sh [folder] [runs]
# Everything generated goes into the folder given, which must be new or empty (or one this script
# made before), else Benchmarks/.work/lint-large; /dev/shm/... keeps the disk out of the figures.
# PODIUM_BUILD_PATH picks the build's scratch path (default .build). PODCASTPARSER_PYTHON names a
# Python with podcastparser installed; without it a virtual environment is made in the folder and
# podcastparser installed there from PyPI. The figures are in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-Benchmarks/.work/lint-large}
runs=${2:-3}
if [ -e "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/.lint-large" ]; then
  echo "error: $work is not empty; give a new or empty folder" >&2
  exit 2
fi
mkdir -p "$work" && touch "$work/.lint-large"
scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
python=${PODCASTPARSER_PYTHON:-}
if [ -z "$python" ]; then
  [ -x "$work/venv/bin/python" ] || { python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q podcastparser; }
  python=$work/venv/bin/python
fi

if [ ! -f "$work/feed-29mb.xml" ]; then
  python3 Benchmarks/make-catalogue.py "$work/episodes" 10000 >/dev/null
  "$bin" build --catalogue "$work/episodes" --output "$work/feeds" --now 2030-01-01T00:00:00Z >/dev/null
  cp "$work/feeds/bench/feed.xml" "$work/feed-29mb.xml"
  rm -rf "$work/episodes" "$work/feeds"
fi
if [ ! -f "$work/feed-300mb.xml" ]; then
  python3 - "$work/feed-29mb.xml" "$work/feed-300mb.xml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
start, end = text.index("<item>"), text.rindex("</item>") + len("</item>")
head, items, tail = text[:start], text[start:end], text[end:]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(head)
    for copy in range(11):
        out.write(re.sub(r"(<guid[^>]*>[^<]*)(</guid>)", rf"\g<1>-{copy}\2",
                         re.sub(r'(<enclosure url="[^"]*?)(\.\w+")', rf"\g<1>-{copy}\2", items)))
        out.write("\n    ")
    out.write(tail)
PY
fi
cat > "$work/parse.py" <<'PY'
import sys, podcastparser
with open(sys.argv[1], "rb") as stream:
    podcastparser.parse("file://" + sys.argv[1], stream, max_episodes=0)
PY

# $1: label; the rest: the command. Prints one line per run and sets median_cpu, median_wall, peak.
measure() {
  local label=$1; shift
  local cpus=() walls=() line
  peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    read -r wall user system kb <"$work/time.txt"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}')
    printf '  %-14s wall %6.2f s  cpu %6.2f s  peak memory %7d KB\n' "$label" "$wall" "$cpu" "$kb"
    cpus+=("$cpu"); walls+=("$wall")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  median_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
}

echo "podium lint against podcastparser (parse only), $(nproc) cores, $runs runs each, in $work:"
for feed in feed-29mb.xml feed-300mb.xml; do
  echo "$feed: $(du -m "$work/$feed" | cut -f1) MB, $(grep -c '<item>' "$work/$feed") items"
  measure "podium lint" "$bin" lint "$work/$feed"
  podium_cpu=$median_cpu podium_wall=$median_wall podium_peak=$peak
  measure "podcastparser" "$python" "$work/parse.py" "$work/$feed"
  awk -v pc="$podium_cpu" -v pw="$podium_wall" -v qc="$median_cpu" -v qw="$median_wall" \
    -v pm="$podium_peak" -v qm="$peak" 'BEGIN {
      printf "  median: podium %.2f s cpu (%.2f s wall), podcastparser %.2f s cpu (%.2f s wall): podcastparser takes %.1fx the cpu time (%.1fx wall); peak memory %d KB vs %d KB\n",
        pc, pw, qc, qw, qc / pc, qw / pw, pm, qm }'
done

#!/usr/bin/env bash
# Times `podium lint` (release build) on two hostile feeds and reports wall time and peak memory
# per run: 1,000,000 empty <item/> elements (7 MB), and 500,000 attributes on <channel> (5.9 MB).
# Usage: Benchmarks/hostile-lint.sh [folder] [runs]
# The feeds are written to the folder given, which must be new or empty (or one this script made
# before), else to Benchmarks/.work/hostile-lint. PODIUM_BUILD_PATH picks the build's scratch path
# (default .build). The figures are in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-Benchmarks/.work/hostile-lint}
runs=${2:-3}
if [ -e "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/.hostile-lint" ]; then
  echo "error: $work is not empty; give a new or empty folder" >&2
  exit 2
fi
mkdir -p "$work" && touch "$work/.hostile-lint"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/items.xml", "w") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title>\n')
    out.write("<item/>" * 1_000_000)
    out.write("\n</channel></rss>\n")
with open(f"{work}/attributes.xml", "w") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel')
    out.write("".join(f' a{i}="x"' for i in range(500_000)))
    out.write("><title>t</title></channel></rss>\n")
PY
scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
echo "podium lint, $(nproc) cores, feeds in $work:"
for feed in items attributes; do
  echo "$feed.xml ($(du -h "$work/$feed.xml" | cut -f1)):"
  for _ in $(seq "$runs"); do
    # lint exits 1 on the errors these feeds are full of; only its time and memory count here.
    /usr/bin/time -f "%e %U %S %M" -o "$work/.time" "$bin" lint "$work/$feed.xml" >/dev/null 2>&1 || true
    read -r wall user system memory < <(tail -1 "$work/.time")
    echo "  wall $wall s  (user $user s, system $system s)  peak memory $memory KB"
  done
done

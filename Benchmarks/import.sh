#!/usr/bin/env bash
# Times `podium import` (release build) of a 5,000-episode feed from a file, without
# --download-media and with --no-probe, so no network is counted: wall time, CPU time (user +
# system) and peak memory, median of the runs. The feed is generated: a hosting service's shape,
# HTML notes (paragraphs, links, emphasis, a list) that convert to Markdown, seasons and episode
# numbers, episode art on every tenth item and Podlove chapters on every fifth. In the same runs,
# interleaved, podcastparser (gPodder's feed parser, the client the round-trip tests read feeds
# with) only parses the same file, so the ratio holds on a shared machine where times alone don't.
# Usage: Benchmarks/import.sh [folder] [runs] [episodes]
# Everything generated goes into the folder given, which must be new or empty (or one this script
# made before), else Benchmarks/.work/import. PODIUM_BUILD_PATH picks the build's scratch path
# (default .build). Needs python3 with podcastparser (pip install podcastparser, as .ci/run does).
# The figures are in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-Benchmarks/.work/import}
runs=${2:-5}
episodes=${3:-5000}
if [ -e "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/.import" ]; then
  echo "error: $work is not empty; give a new or empty folder" >&2
  exit 2
fi
mkdir -p "$work" && touch "$work/.import"
scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium

python3 - "$work/feed.xml" "$episodes" <<'PY'
import sys, datetime
from xml.sax.saxutils import escape
path, count = sys.argv[1], int(sys.argv[2])
start = datetime.datetime(2010, 1, 4, 6, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
with open(path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
              'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
              'xmlns:podcast="https://podcastindex.org/namespace/1.0" '
              'xmlns:psc="http://podlove.org/simple-chapters" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
              '<atom:link href="https://feeds.host.test/bench.rss" rel="self" type="application/rss+xml"/>\n'
              '<title>Bench</title><link>https://bench.podium.test/</link><language>en</language>\n'
              '<description>A long-running show.</description><itunes:author>Bench</itunes:author>\n'
              '<itunes:image href="https://media.host.test/art.jpg"/><itunes:category text="Technology"/>\n'
              '<itunes:explicit>false</itunes:explicit>\n')
    for n in range(count, 0, -1):
        date = (start + datetime.timedelta(days=n)).strftime("%a, %d %b %Y %H:%M:%S -0500")
        notes = (f"<p>In episode {n} we talk about <strong>feeds</strong>, <em>GUIDs</em> and "
                 f"<a href=\"https://bench.podium.test/{n}\">the notes</a>.</p>"
                 f"<ul><li>First point of {n}</li><li>Second point</li></ul><p>Thanks &amp; bye.</p>")
        out.write(f'<item><title>Episode {n}: on feeds</title><guid isPermaLink="false">bench-{n:05d}</guid>'
                  f'<pubDate>{date}</pubDate>'
                  f'<enclosure url="https://media.host.test/ep/{n:05d}.mp3" length="{3000000 + n}" type="audio/mpeg"/>'
                  f'<itunes:duration>{1800 + n % 600}</itunes:duration><itunes:season>{1 + n // 100}</itunes:season>'
                  f'<itunes:episode>{n}</itunes:episode><description>{escape("Episode " + str(n))}</description>'
                  f'<content:encoded><![CDATA[{notes}]]></content:encoded>')
        if n % 10 == 0:
            out.write(f'<itunes:image href="https://media.host.test/art/{n}.jpg"/>')
        if n % 5 == 0:
            out.write('<psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Intro"/>'
                      '<psc:chapter start="00:10:00.500" title="Main"/></psc:chapters>')
        out.write('</item>\n')
    out.write('</channel>\n</rss>\n')
PY

if ! python3 -c 'import podcastparser' 2>/dev/null; then
  echo "error: python3 can't import podcastparser, the peer this benchmark runs beside podium import;" \
    "install it with: python3 -m pip install podcastparser" >&2
  exit 2
fi
cpus=(); walls=(); peak=0; pcpus=(); pwalls=(); ppeak=0
echo "podium import of $episodes episodes ($(du -k "$work/feed.xml" | cut -f1) KB feed), $(nproc) cores, $runs runs:"
measure() { # label, command...: one timed run; sets wall, cpu, kb
  local label=$1; shift
  /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null
  read -r wall user system kb <"$work/time.txt"
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}')
  printf '  %-13s wall %5.2f s  cpu %5.2f s  peak memory %7d KB\n' "$label" "$wall" "$cpu" "$kb"
}
for run in $(seq "$runs"); do
  rm -rf "$work/episodes" "$work/feeds"
  measure "run $run podium" "$bin" import "$work/feed.xml" --no-probe --catalogue "$work/episodes" --output "$work/feeds"
  cpus+=("$cpu"); walls+=("$wall")
  [ "$kb" -gt "$peak" ] && peak=$kb
  measure "      parser" python3 -c 'import sys, podcastparser
with open(sys.argv[1], "rb") as f: podcastparser.parse("file://" + sys.argv[1], f, max_episodes=0)' "$work/feed.xml"
  pcpus+=("$cpu"); pwalls+=("$wall")
  [ "$kb" -gt "$ppeak" ] && ppeak=$kb
done
files=$(find "$work/episodes" -name '*.md' | wc -l)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "podium import, median: wall $(median "${walls[@]}") s, cpu $(median "${cpus[@]}") s, peak memory $peak KB; $files episode files"
echo "podcastparser parsing only, median: wall $(median "${pwalls[@]}") s, cpu $(median "${pcpus[@]}") s, peak memory $ppeak KB"
awk -v a="$(median "${walls[@]}")" -v b="$(median "${pwalls[@]}")" -v c="$(median "${cpus[@]}")" -v d="$(median "${pcpus[@]}")" \
  'BEGIN {printf "podium import / podcastparser: wall %.2f, cpu %.2f\n", a / b, c / d}'

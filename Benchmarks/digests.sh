#!/usr/bin/env bash
# Times `podium build` with and without the digest cache (the integrity hashes of local media,
# docs/performance.md): the campaign's catalogue, then a copy of it with large local media added
# (PODIUM_BENCH_FILES episodes of PODIUM_BENCH_MB MB each, CBR MP3 made with ffmpeg). For each:
# cold (no output, no cache), warm (the cache kept, build.json removed so the build is not
# skipped whole), the cache deleted (the output kept), and a corrupt cache. Checks that every
# output is byte-identical to the cold one. Usage: Benchmarks/digests.sh
# PODIUM_BIN runs a podium built before (default: a release build into PODIUM_BUILD_PATH or .build);
# PODIUM_BENCH_DIR picks the work folder (default Benchmarks/.work/digests).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${PODIUM_BENCH_DIR:-Benchmarks/.work/digests}
files=${PODIUM_BENCH_FILES:-10}
megabytes=${PODIUM_BENCH_MB:-100}
if [ -n "${PODIUM_BIN:-}" ]; then
  bin=$PODIUM_BIN
else
  scratch=${PODIUM_BUILD_PATH:-.build}
  swift build -c release --scratch-path "$scratch" --product podium >/dev/null
  bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
fi
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
now=2026-11-27T12:00:00+01:00

# Ten minutes of CBR MP3 without headers: copies of its frames, end to end, are a longer MP3.
ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=600" -c:a libmp3lame -b:a 128k -write_xing 0 \
  -id3v2_version 0 -f mp3 "$work/piece.mp3"
piece=$(stat -c %s "$work/piece.mp3")
repeat=$(( (megabytes << 20) / piece + 1 ))

cp -r episodes "$work/campaign"
cp -r episodes "$work/large"
for i in $(seq "$files"); do
  media="$work/large/gesprekken/media/groot-$i.mp3"
  for _ in $(seq "$repeat"); do cat "$work/piece.mp3"; done >"$media"
  duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$media")
  cat >"$work/large/gesprekken/2023-01-$(printf %02d "$i")-groot-$i.md" <<MD
---
title: Groot $i
date: 2023-01-$(printf %02d "$i")T09:00:00+01:00
guid: $(python3 -c 'import uuid; print(uuid.uuid4())')
media:
  url: media/groot-$i.mp3
  length: $(stat -c %s "$media")
  type: audio/mpeg
  duration: $(printf %.0f "$duration")
---
Een lange aflevering.
MD
done

run() {  # $1: catalogue, $2: label
  local line
  line=$( { /usr/bin/time -f "%e %M" "$bin" build --catalogue "$work/$1" --output "$work/out-$1/feeds" --now "$now" \
    >/dev/null; } 2>&1 | tail -1)
  echo "  $2: wall ${line% *} s, peak memory ${line#* } KB"
}
for catalogue in campaign large; do
  cache="$work/out-$catalogue/.feeds.podium-cache"
  echo "$catalogue ($(du -sh "$work/$catalogue" | cut -f1) catalogue)"
  run "$catalogue" "cold (no output, no cache)"
  cp -r "$work/out-$catalogue/feeds" "$work/reference-$catalogue"
  for round in 1 2 3; do
    rm -f "$cache/build.json"
    run "$catalogue" "warm cache, build.json removed ($round)"
  done
  run "$catalogue" "nothing changed (build.json answers)"
  rm -rf "$cache"
  run "$catalogue" "cache deleted, output kept"
  rm -f "$cache/build.json"
  echo 'not json' >"$cache/digests.json"
  run "$catalogue" "corrupt digests.json"
  diff -r "$work/reference-$catalogue" "$work/out-$catalogue/feeds" >/dev/null && echo "  output identical to the cold build's"
done

#!/usr/bin/env bash
# Rebuilds the MP3 probe fixtures in mp3/ with ffmpeg, lame and ImageMagick, then prints each
# file's true decoded duration (samples out of ffmpeg's decoder), the value MP3FixtureTests.swift
# hardcodes.
# Deterministic: bit-exact ffmpeg output, no encoder version strings, seeded noise and images.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/mp3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
# ffmpeg options that keep output byte-identical between runs.
exact=(-fflags +bitexact -flags:a +bitexact)

# Sources: a stereo tone with quiet noise (so VBR really varies), and a plain mono tone.
ff -filter_complex "sine=frequency=440:duration=3:sample_rate=44100[l];
  anoisesrc=duration=3:colour=pink:sample_rate=44100:amplitude=0.08:seed=7[n];
  sine=frequency=554:duration=3:sample_rate=44100[r];
  [l][n]amix=inputs=2:normalize=0[ln];[ln][r]amerge=inputs=2[out]" \
  -map '[out]' "${exact[@]}" -map_metadata -1 -c:a pcm_s16le "$work/stereo.wav"
ff -f lavfi -i sine=frequency=440:duration=3:sample_rate=44100 "${exact[@]}" -map_metadata -1 \
  -c:a pcm_s16le "$work/mono.wav"
ff -f lavfi -i sine=frequency=330:duration=2:sample_rate=44100 "${exact[@]}" -map_metadata -1 \
  -c:a pcm_s16le "$work/short.wav"

enc() { lame --quiet --nohist "$@"; }
enc -b 128 --cbr "$work/stereo.wav" "$out/cbr-128k-stereo.mp3"
enc -V 4 "$work/stereo.wav" "$out/vbr-xing.mp3"
enc -V 4 -t "$work/stereo.wav" "$out/vbr-no-xing.mp3"
# MPEG-2 frames at 16 kHz and 32 kb/s are too small for LAME's Info tag: CBR without a header.
enc --resample 16 -m m -b 32 "$work/mono.wav" "$out/mpeg2-mono-16k.mp3"
# MPEG-2.5 at 8 kHz and 24 kb/s has room for it.
enc --resample 8 -m m -b 24 "$work/mono.wav" "$out/mpeg25-mono-8k.mp3"
enc -b 32 -m m "$work/short.wav" "$work/short.mp3"

# A truncated upload: the Xing header promises 3 s, the file stops part-way through a frame.
head -c 30001 "$out/vbr-xing.mp3" >"$out/truncated.mp3"

# Cover art: a ~55 KB 600x600 JPEG; a tiny JPEG that pretends to be an MP3.
convert -seed 7 -size 600x600 plasma:steelblue-orange -strip -quality 82 "$work/cover.jpg"
convert -seed 3 -size 16x16 plasma: -strip -quality 80 "jpeg:$out/jpeg-named.mp3"

tags=(-metadata "title=Café – Ünïcode title" -metadata "artist=Podium Tests" -metadata "album=Fixture Album"
  -metadata "comment=A comment" -metadata "date=2024")
for version in 3 4; do
  ff -i "$work/short.mp3" -i "$work/cover.jpg" -map 0:a -map 1:v -c copy "${exact[@]}" -map_metadata -1 \
    "${tags[@]}" -metadata:s:v "title=Album cover" -metadata:s:v "comment=Cover (front)" \
    -disposition:v attached_pic -id3v2_version "$version" -write_id3v1 1 "$out/id3v2$version-art.mp3"
done

# ID3 CHAP/CTOC chapters, from an ffmetadata file.
cat >"$work/chapters.txt" <<'EOF'
;FFMETADATA1
title=Chapters fixture
[CHAPTER]
TIMEBASE=1/1000
START=0
END=1000
title=Intro
[CHAPTER]
TIMEBASE=1/1000
START=1000
END=2000
title=Middle part
[CHAPTER]
TIMEBASE=1/1000
START=2000
END=3000
title=Outro
EOF
ff -i "$work/mono.wav" -i "$work/chapters.txt" -map 0:a -map_metadata 1 -map_chapters 1 "${exact[@]}" \
  -c:a libmp3lame -b:a 32k -id3v2_version 4 "$out/chapters.mp3"

# The decoded length, exactly: samples out of ffmpeg's decoder (downmixed to mono) over the sample rate.
for file in "$out"/*.mp3; do
  [ "$(basename "$file")" = jpeg-named.mp3 ] && continue
  rate="$(ffprobe -v error -select_streams a:0 -show_entries stream=sample_rate -of default=nw=1:nk=1 "$file")"
  # -v fatal: decoding the truncated file complains about its last frame, which is the point of it.
  samples="$(( $(ffmpeg -nostdin -v fatal -i "$file" -ac 1 -f s16le -c:a pcm_s16le - | wc -c) / 2 ))"
  printf '%-28s %6d bytes  %6d samples at %5d Hz = %s s\n' "$(basename "$file")" "$(stat -c %s "$file")" \
    "$samples" "$rate" "$(awk -v s="$samples" -v r="$rate" 'BEGIN { printf "%.6f", s / r }')"
done

#!/usr/bin/env bash
# Rebuilds the MPEG-4 family fixtures in mp4/ (M4A, M4B, MP4, M4V, MOV; a few KB each) and prints
# each file's true decoded duration, which MP4ParserTests hardcode. Needs ffmpeg with libx264,
# libx265, libsvtav1, libmp3lame and libopus (Debian 12's ffmpeg has them all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/mp4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Same bytes on every run: no encoder tags or creation times, one thread.
ff=(ffmpeg -v error -y -nostdin -threads 1)
bitexact=(-fflags +bitexact -flags:a +bitexact -flags:v +bitexact)
exact=("${bitexact[@]}" -map_metadata -1)
tone() { echo "sine=frequency=440:duration=$1:sample_rate=$2"; }
bars() { echo "testsrc2=size=$1:rate=$2:duration=$3"; }
x264=(-c:v libx264 -profile:v high -preset veryfast -b:v 40k -pix_fmt yuv420p -x264-params threads=1)

# M4A (AAC-LC), with tags and cover art and faststart, then the same audio with moov at the end.
"${ff[@]}" -f lavfi -i "color=c=blue:size=32x32" -frames:v 1 "${exact[@]}" -c:v png "$work/cover.png"
"${ff[@]}" -f lavfi -i "$(tone 2.5 22050)" -i "$work/cover.png" -map 0:a -map 1:v "${exact[@]}" \
  -c:a aac -b:a 24k -c:v copy -disposition:v attached_pic -metadata title="AAC Tone" -metadata artist="Podium" \
  -movflags +faststart "$out/aac-faststart.m4a"
"${ff[@]}" -f lavfi -i "$(tone 2.5 22050)" "${exact[@]}" -c:a aac -b:a 24k "$out/aac-moov-at-end.m4a"

# Video: H.264 High + AAC as MP4, MOV (QuickTime) and M4V (iPod brand); HEVC at 29.97 fps; AV1.
"${ff[@]}" -f lavfi -i "$(bars 160x90 25 2)" -f lavfi -i "$(tone 2 44100)" "${exact[@]}" "${x264[@]}" \
  -c:a aac -b:a 24k -movflags +faststart "$out/h264-aac.mp4"
"${ff[@]}" -f lavfi -i "$(bars 160x90 25 2)" -f lavfi -i "$(tone 2 44100)" "${exact[@]}" "${x264[@]}" \
  -c:a aac -b:a 24k -f mov "$out/h264-aac.mov"
"${ff[@]}" -f lavfi -i "$(bars 160x90 24 2)" -f lavfi -i "$(tone 2 44100)" "${exact[@]}" "${x264[@]}" \
  -c:a aac -b:a 24k -movflags +faststart -f ipod "$out/h264-aac.m4v"
"${ff[@]}" -f lavfi -i "$(bars 160x90 30000/1001 1)" "${exact[@]}" -c:v libx265 -preset ultrafast -b:v 40k \
  -pix_fmt yuv420p -tag:v hvc1 -x265-params log-level=error:pools=1:frame-threads=1 "$out/hevc.mp4"
SVT_LOG=1 "${ff[@]}" -f lavfi -i "$(bars 160x96 10 1)" "${exact[@]}" -c:v libsvtav1 -preset 12 -b:v 30k -pix_fmt yuv420p \
  -svtav1-params lp=1 "$out/av1.mp4"

# An audiobook (M4B brand) with a JPEG cover and three chapters: ffmpeg writes both a Nero chpl
# box and a QuickTime chapter track. `-map_metadata 1` brings back the chapter titles that
# `-map_metadata -1` drops (the chapter file has no other metadata); without titles ffmpeg
# writes no chapter track.
cat > "$work/chapters.txt" <<'EOF'
;FFMETADATA1
[CHAPTER]
TIMEBASE=1/1000
START=0
END=1000
title=Intro
[CHAPTER]
TIMEBASE=1/1000
START=1000
END=2200
title=Middle ☕
[CHAPTER]
TIMEBASE=1/1000
START=2200
END=3000
title=Outro
EOF
"${ff[@]}" -f lavfi -i "color=c=red:size=48x32" -frames:v 1 "${exact[@]}" -c:v mjpeg -q:v 10 "$work/cover.jpg"
"${ff[@]}" -f lavfi -i "$(tone 3 16000)" -f ffmetadata -i "$work/chapters.txt" -i "$work/cover.jpg" \
  -map 0:a -map 2:v -map_chapters 1 "${bitexact[@]}" -map_metadata 1 -c:a aac -b:a 16k -c:v copy \
  -disposition:v attached_pic -movflags +faststart -brand "M4B " -f ipod "$out/chapters.m4b"

# One second of each other audio codec MPEG-4 can carry.
"${ff[@]}" -f lavfi -i "$(tone 1 44100)" "${exact[@]}" -c:a libmp3lame -b:a 32k "$out/mp3.mp4"
"${ff[@]}" -f lavfi -i "$(tone 1 48000)" "${exact[@]}" -c:a ac3 -b:a 32k "$out/ac3.mp4"
"${ff[@]}" -f lavfi -i "$(tone 1 48000)" "${exact[@]}" -c:a eac3 -b:a 32k "$out/eac3.mp4"
"${ff[@]}" -f lavfi -i "$(tone 1 48000)" "${exact[@]}" -c:a libopus -b:a 12k "$out/opus.mp4"
"${ff[@]}" -f lavfi -i "$(tone 1 8000)" "${exact[@]}" -c:a flac -sample_fmt s16 -strict -2 "$out/flac.mp4"
"${ff[@]}" -f lavfi -i "$(tone 1 8000)" "${exact[@]}" -c:a alac -sample_fmt s16p "$out/alac.m4a"

for file in "$out"/*; do
  decoded="$(ffmpeg -v error -nostdin -i "$file" -map 0:V? -map 0:a? -f null - -stats 2>&1 | tr '\r' '\n' |
    grep -o 'time=[0-9:.]*' | tail -1)"
  printf '%-22s %7d bytes  %s\n' "$(basename "$file")" "$(stat -c %s "$file")" "$decoded"
done

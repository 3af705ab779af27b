#!/usr/bin/env bash
# Rebuilds the Ogg, FLAC, WAV and WebM fixtures in av/ (a few KB each) and prints each file's true
# decoded duration, which MediaProbeTests hardcode. Needs ffmpeg (libopus, libvorbis, libvpx).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/av"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Same bytes on every run: no encoder tags, no random serials or UIDs, one encoder thread.
ff=(ffmpeg -v error -y -nostdin)
exact=(-fflags +bitexact -flags:a +bitexact -flags:v +bitexact -map_metadata -1 -threads 1)
tone() { echo "sine=frequency=440:duration=$1:sample_rate=$2"; }

"${ff[@]}" -f lavfi -i "$(tone 2.5 48000)" "${exact[@]}" -c:a libopus -b:a 24k \
  -metadata title="Opus Tone" -metadata artist="Podium" "$out/opus.ogg"
"${ff[@]}" -f lavfi -i "$(tone 2 22050)" "${exact[@]}" -c:a libvorbis -q:a 0 \
  -metadata title="Vorbis Tone" "$out/vorbis.ogg"

"${ff[@]}" -f lavfi -i "color=c=red:size=32x32" -frames:v 1 "${exact[@]}" -c:v png "$work/cover.png"
"${ff[@]}" -f lavfi -i "$(tone 2 8000)" -i "$work/cover.png" -map 0:a -map 1:v "${exact[@]}" \
  -c:a flac -sample_fmt s16 -c:v copy -disposition:v attached_pic -metadata title="FLAC Tone" "$out/tone.flac"

"${ff[@]}" -f lavfi -i "$(tone 2 8000)" "${exact[@]}" -c:a pcm_s16le -metadata title="WAV Tone" "$out/tone.wav"
"${ff[@]}" -f lavfi -i "$(tone 0.5 8000)" "${exact[@]}" -c:a pcm_s16le -rf64 always "$out/rf64.wav"

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
END=2000
title=Outro
EOF
# Chapter titles live in chapter metadata, so only the global metadata is dropped here.
"${ff[@]}" -f lavfi -i "testsrc2=size=160x90:rate=10:duration=2" -f lavfi -i "$(tone 2 48000)" \
  -f ffmetadata -i "$work/chapters.txt" -map 0:v -map 1:a -map_chapters 2 -map_metadata:g -1 \
  -fflags +bitexact -flags:a +bitexact -flags:v +bitexact -threads 1 -metadata title="WebM Tone" \
  -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 20k -g 20 -c:a libopus -b:a 16k "$out/vp9-opus.webm"
"${ff[@]}" -f lavfi -i "$(tone 2 48000)" "${exact[@]}" -c:a libopus -b:a 16k "$out/opus.webm"
# As browsers record (MediaRecorder): unknown Segment size and no Duration.
"${ff[@]}" -f lavfi -i "$(tone 2 48000)" "${exact[@]}" -c:a libopus -b:a 16k -live 1 -f webm "$out/live.webm"

# Cut short in the middle of an Ogg page and in the middle of the WAV data chunk.
head -c 6000 "$out/opus.ogg" > "$out/opus-truncated.ogg"
head -c 20000 "$out/tone.wav" > "$out/tone-truncated.wav"

# The true decoded length: ffmpeg's last time= (to 10 ms), and to the sample from the decoded PCM.
decoded() {
  ffmpeg -v error -nostdin -i "$1" -map "0:$2" -f null - -stats 2>&1 | tr '\r' '\n' | grep -o 'time=[0-9:.]*' | tail -1
}
measure() {
  local rate samples video=""
  rate="$(ffprobe -v error -select_streams a:0 -show_entries stream=sample_rate -of csv=p=0 "$1")"
  samples=$(( $(ffmpeg -v error -nostdin -i "$1" -map 0:a -ac 1 -f s16le - 2>/dev/null | wc -c) / 2 ))
  if [ -n "$(ffprobe -v error -select_streams V -show_entries stream=index -of csv=p=0 "$1")" ]; then
    video="  video $(decoded "$1" V)"
  fi
  printf '%-26s %7d bytes  audio %s  %d samples at %d Hz%s\n' "$2" "$(stat -c %s "$1")" "$(decoded "$1" a)" \
    "$samples" "$rate" "$video"
}
for file in "$out"/*; do measure "$file" "$(basename "$file")"; done

# The tests also cut fixtures in memory at these offsets; their expected lengths come from here.
frame="$(ffprobe -v error -select_streams a -show_entries packet=pos -of csv=p=0 "$out/tone.flac" | tail -2 | head -1)"
echo "tone.flac: the next-to-last frame starts at byte $frame"
for cut in "tone.flac 10000" "tone.flac $frame" "vp9-opus.webm 9000" "live.webm 3000"; do
  set -- $cut
  head -c "$2" "$out/$1" > "$work/cut-$1"
  measure "$work/cut-$1" "$1 cut at $2"
done

#!/usr/bin/env bash
# Makes the other renditions of each video reportage from its MP4: a WebM (VP9 + Opus) for
# browsers and an audio-only M4A for listeners, both listed as `alternates:` in the episode.
# Placeholder media, like the rest of the sample: run after make-sample-media.sh.
# Needs: ffmpeg (with libvpx-vp9 and libopus).
set -euo pipefail
cd "$(dirname "$0")/../reportages"
for video in media/*.mp4; do
  base="${video%.mp4}"
  ffmpeg -v error -y -i "$video" -map_metadata -1 \
    -c:v libvpx-vp9 -b:v 0 -crf 50 -deadline good -cpu-used 4 -row-mt 0 -threads 1 -pix_fmt yuv420p \
    -c:a libopus -b:a 24k -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$base.webm"
  ffmpeg -v error -y -i "$video" -map_metadata -1 -vn -c:a aac -b:a 48k -movflags +faststart \
    -fflags +bitexact -flags:a +bitexact "$base-audio.m4a"
  printf '%-60s %8d bytes\n' "$base.webm" "$(stat -c %s "$base.webm")"
  printf '%-60s %8d bytes\n' "$base-audio.m4a" "$(stat -c %s "$base-audio.m4a")"
done

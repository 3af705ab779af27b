#!/usr/bin/env bash
# Rebuilds every media probe fixture from scratch with ffmpeg, lame and ImageMagick, then prints
# each file's true decoded duration. Needs: apt-get install -y ffmpeg lame imagemagick
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for part in "$here"/make-*.sh; do
  [ "$part" = "$here/make-fixtures.sh" ] && continue
  echo "== $(basename "$part")"
  bash "$part"
done

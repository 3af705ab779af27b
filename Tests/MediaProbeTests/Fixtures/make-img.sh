#!/usr/bin/env bash
# Rebuilds the JPEG, PNG, WebP, WebVTT and SRT fixtures in img/ (a few KB each) for MediaProbeTests.
# Needs ImageMagick (convert) and ffmpeg with libwebp. Images carry no dates or tool names (-strip),
# so every run writes the same bytes; the caption files are written out here as text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/img"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# No tIME, date or software chunks, so PNG and WebP bytes don't change from run to run.
im=(convert -define png:exclude-chunks=date,time)
ff=(ffmpeg -v error -y -nostdin -threads 1)
exact=(-fflags +bitexact -flags:v +bitexact -map_metadata -1)

# A test card with detail, so that the PNGs hold several chunks and the JPEGs a real scan.
"${ff[@]}" -f lavfi -i testsrc2=size=64x64:rate=1 -frames:v 1 "${exact[@]}" "$work/rgb.png"
"${im[@]}" "$work/rgb.png" \( -size 64x64 gradient:white-black \) -alpha off -compose copy_opacity \
  -composite -strip PNG32:"$work/rgba.png"

"${im[@]}" "$work/rgb.png" -strip -quality 85 -sampling-factor 2x2 "$out/baseline-rgb.jpg"
"${im[@]}" "$work/rgb.png" -strip -quality 85 -interlace Plane "$out/progressive.jpg"
# libjpeg stores ImageMagick's CMYK as YCCK (Adobe APP14 transform 2); the tests patch that byte for plain CMYK.
"${im[@]}" "$work/rgb.png" -strip -quality 85 -colorspace CMYK "$out/cmyk.jpg"
"${im[@]}" "$work/rgb.png" -strip -quality 85 -colorspace Gray "$out/gray.jpg"
# Artwork at Apple's minimum size: a smooth gradient at quality 30 stays a few KB.
"${im[@]}" -size 1400x1400 gradient:navy-gold -strip -quality 30 "$out/artwork-1400.jpg"

"${im[@]}" "$work/rgb.png" -strip PNG24:"$out/rgb.png"
"${im[@]}" "$work/rgba.png" -strip PNG32:"$out/rgba.png"
"${im[@]}" "$work/rgb.png" -strip -colors 16 PNG8:"$out/indexed.png"
"${im[@]}" "$work/rgb.png" -strip -colorspace Gray -interlace PNG PNG:"$out/gray-interlaced.png"

"${ff[@]}" -i "$work/rgb.png" "${exact[@]}" -c:v libwebp -lossless 0 -quality 60 "$out/lossy.webp"
"${ff[@]}" -i "$work/rgba.png" "${exact[@]}" -c:v libwebp -lossless 1 "$out/lossless-alpha.webp"
"${ff[@]}" -i "$work/rgba.png" "${exact[@]}" -c:v libwebp -lossless 0 -quality 60 "$out/lossy-alpha.webp"

# Cut short: the PNG inside its IDAT data, the JPEG inside its entropy-coded scan.
head -c 1000 "$out/rgb.png" > "$out/truncated.png"
head -c 1500 "$out/baseline-rgb.jpg" > "$out/truncated.jpg"

cat > "$out/valid.vtt" <<'EOF'
WEBVTT - Episode 12 transcript
Kind: captions

NOTE
Made by hand for the probe tests.

STYLE
::cue { color: white }

intro
00:00:00.000 --> 00:00:02.500 align:start
<v Host>Welcome to the show.

00:00:02.500 --> 00:00:05.000
<v Guest>Thanks for having me.
Glad to be here.

NOTE a note between cues

01:05.250 --> 01:07.000 position:10%
Minutes and seconds only.
EOF

cat > "$out/broken.vtt" <<'EOF'
WEBVTT

1
00:00:05.000 --> 00:00:08.000
Second cue, placed first.

2
00:00:01.000 --> 00:00:03.000
Starts before the cue above it.

3
00:00:10.000 --> 00:00:09.000
Ends before it starts.

4
00:61:00.000 --> 00:62:00.000
Minutes past 59.
EOF

printf '%s\r\n' '1' '00:00:00,000 --> 00:00:02,500' 'Welcome to the show.' '' \
  '2' '00:00:02,500 --> 00:00:05,000' 'Thanks for having me.' 'Glad to be here.' '' \
  '3' '00:01:05,250 --> 00:01:07,000' 'The end.' > "$out/valid.srt"

cat > "$out/broken.srt" <<'EOF'
1
00:00:05,000 --> 00:00:08,000
Second cue, placed first.

2
00:00:01,000 --> 00:00:03,000
Starts before the cue above it.

3
00:00:10,000 --> 00:00:09,000
Ends before it starts.

4
00:00:12,00 --> 00:00:14,000
Milliseconds cut short.
EOF

echo "img: $(find "$out" -type f | wc -l) files, $(du -sk "$out" | cut -f1) KB"

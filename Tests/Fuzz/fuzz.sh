#!/usr/bin/env bash
# Builds Podium's libFuzzer targets (the package beside this script) and runs them, seeded with
# files from the repository. See docs/fuzzing.md.
#
# Usage: Tests/Fuzz/fuzz.sh TARGET [seconds]     one target (default 60 s)
#        Tests/Fuzz/fuzz.sh all [seconds]        every target in turn, each for that long
#        Tests/Fuzz/fuzz.sh smoke                every target for 12 s (CI)
#        Tests/Fuzz/fuzz.sh build                build only
# TARGET: xml, html, catalogue, captions, media (every media fixture), mp3 or mp4 (media with one
# format's fixtures), embed (chapters written into MP3 and MPEG-4 fixtures).
#
# Everything it writes goes under Tests/Fuzz/.work/ (git-ignored). A crash, an input slower than
# -timeout or a run over -rss_limit_mb stops that target and leaves the input as
# Tests/Fuzz/.work/<target>/crash-*, timeout-* or oom-*; the script then exits non-zero.
set -euo pipefail
what=${1:-all}
seconds=${2:-60}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/.work"
mkdir -p "$work"

build() {
  # gold fails on these binaries (an internal error in its DWARF reader), so link with lld.
  swift build --package-path "$here" --scratch-path "$work/build" -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
}

# Copies the seed files for a target into $1.
seed() {
  local target=$1 seeds=$2
  rm -rf "$seeds" && mkdir -p "$seeds"
  local fixtures="$root/Tests/MediaProbeTests/Fixtures"
  case "$target" in
    xml) cp "$here"/Seeds/xml/* "$seeds/"
      find "$root/feeds" -name '*.xml' -o -name '*.opml' | while read -r f; do cp "$f" "$seeds/$(echo "${f#"$root"/}" | tr / _)"; done ;;
    html) cp "$here"/Seeds/html/* "$seeds/"
      find "$root/episodes" -name '*.md' | while read -r f; do awk 'n >= 2; /^---$/ { n++ }' "$f" > "$seeds/$(basename "$f")"; done
      find "$root/feeds" -name 'index.html' | head -3 | while read -r f; do cp "$f" "$seeds/$(echo "${f#"$root"/}" | tr / _)"; done ;;
    catalogue) cp "$here"/Seeds/yaml/* "$seeds/"
      find "$root/episodes" -name '*.md' -o -name 'show.yaml' | while read -r f; do cp "$f" "$seeds/$(echo "${f#"$root"/}" | tr / _)"; done
      # The fuzz catalogue has no media: the same episodes with remote media get past the media check.
      find "$root/episodes" -name '*.md' | while read -r f; do
        sed 's#^\(  *url: \)media/#\1https://media.example.org/#' "$f" > "$seeds/remote-$(basename "$f")"; done ;;
    captions) cp "$fixtures"/img/*.vtt "$fixtures"/img/*.srt "$seeds/"
      find "$root/episodes" -name '*.vtt' -o -name '*.srt' | while read -r f; do cp "$f" "$seeds/"; done ;;
    mp3|mp4) cp "$fixtures/$target"/* "$seeds/" ;;
    embed) cp "$fixtures"/mp3/* "$fixtures"/mp4/* "$seeds/" ;;
    media) find "$fixtures" -type f ! -name '*.sh' ! -name '*.vtt' ! -name '*.srt' -exec cp {} "$seeds/" \; ;;
  esac
}

# Runs one target for $2 seconds; returns libFuzzer's status (0: nothing found).
run() {
  local target=$1 time=$2 binary max_len options=()
  case "$target" in
    xml) binary=FuzzXML max_len=65536 options=(-dict="$here/Seeds/xml.dict") ;;
    html) binary=FuzzHTML max_len=16384 ;;
    catalogue) binary=FuzzCatalogue max_len=16384 options=(-dict="$here/Seeds/yaml.dict") ;;
    captions) binary=FuzzCaptions max_len=16384 ;;
    media|mp3|mp4) binary=FuzzMedia max_len=262144 ;;
    embed) binary=FuzzEmbed max_len=262144 ;;
    *) echo "fuzz.sh: unknown target '$target' (xml, html, catalogue, captions, media, mp3, mp4, embed)" >&2; return 2 ;;
  esac
  # A leak check after each input that allocated more than it freed scans the whole heap, and Swift's
  # caches and the linters' threads make that most inputs: off unless PODIUM_FUZZ_LEAKS=1
  # (docs/fuzzing.md has what it costs).
  options+=(-detect_leaks="${PODIUM_FUZZ_LEAKS:-0}")
  local dir="$work/$target"
  mkdir -p "$dir/corpus"
  seed "$target" "$dir/seeds"
  echo "== $target: $binary for $time s" >&2
  # The corpus folder keeps what the fuzzer learnt between runs; the seeds are refreshed each time.
  local status=0
  (cd "$dir" && "$work/build/release/$binary" -max_total_time="$time" -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$dir/" -print_final_stats=1 "${options[@]}" "$dir/corpus" "$dir/seeds") || status=$?
  rm -rf "$dir"/catalogue.* "$dir"/embed.*
  return $status
}

build
case "$what" in
  build) exit 0 ;;
  all|smoke)
    [ "$what" = smoke ] && seconds=12
    failed=()
    for target in xml html catalogue captions media embed; do
      run "$target" "$seconds" || failed+=("$target")
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "fuzz.sh: found problems in: ${failed[*]}; the inputs are in $work/<target>/ (docs/fuzzing.md)" >&2
      exit 1
    fi ;;
  *) run "$what" "$seconds" ;;
esac

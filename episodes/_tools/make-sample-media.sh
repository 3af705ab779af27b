#!/usr/bin/env bash
# make-sample-media.sh – makes the sample media of the "Allemaal politiek" catalogue.
#
# For every sample episode below it makes, in the episode's show folder:
#   podcast: media/<date>-<slug>.mp3        Dutch speech (espeak-ng), mono 44.1 kHz, 48 kbit/s CBR
#            transcripts/<date>-<slug>.vtt   WebVTT transcript, one cue per spoken line, <v Name> spans
#   video:   media/<date>-<slug>.mp4        ffmpeg test picture + episode title, H.264/AAC, faststart
#            transcripts/<date>-<slug>.vtt   WebVTT captions (nl-BE)
#            posters/<date>-<slug>.jpg       1280x720 still taken at 2 s
# and per show artwork.jpg (1400x1400, baseline JPEG).
#
# Then it rewrites, in the episode's front matter, the `length:` and `duration:` lines under
# `media:` (exact bytes; whole seconds, rounded) and, for podcasts, the whole `chapters:` block
# (start times measured from the speech, titles from the `# ...` lines in the scripts below).
# So: edit chapter titles HERE, not in the .md files.
#
# Output is deterministic for a given espeak-ng / ffmpeg / ImageMagick version; files are only
# replaced when their bytes change. Runs from any working directory; safe to run again.
#
# Needs (Debian/Ubuntu packages): espeak-ng, ffmpeg (with libmp3lame, libx264, drawtext),
# imagemagick, fonts-dejavu-core, coreutils, gawk or mawk.
set -euo pipefail
export LC_ALL=C            # decimal points, byte-wise sorting; UTF-8 text is passed through untouched

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CATALOGUE="$(cd "$HERE/.." && pwd)"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONT_BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
SR=22050                   # espeak-ng's native sample rate; all speech is assembled as raw s16le mono at this rate

die() { echo "make-sample-media: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found – apt-get install -y $2"; }
need espeak-ng espeak-ng
need ffmpeg ffmpeg
need ffprobe ffmpeg
need convert imagemagick
need awk mawk
[[ -r $FONT && -r $FONT_BOLD ]] || die "DejaVu fonts not found – apt-get install -y fonts-dejavu-core"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FF=(ffmpeg -nostdin -hide_banner -loglevel error -y)

# Voices: key -> "espeak-ng voice, words per minute, pitch (0-99)".
declare -A VOICE=(
  [host]="nl+f3 150 62"
  [reporter]="nl+f4 155 52"
  [m1]="nl+m3 145 38"
  [m2]="nl+m1 150 30"
  [m3]="nl+m2 150 45"
  [f1]="nl+f2 152 48"
  [f2]="nl+f5 148 56"
  [f3]="nl+f1 155 50"
)

SUMMARY="$TMP/summary.txt"
: >"$SUMMARY"

# ---------------------------------------------------------------------------------------------
# helpers

# replace DST by SRC only when the bytes differ (keeps mtimes stable on re-runs)
install_if_changed() {
  local src=$1 dst=$2
  mkdir -p "$(dirname "$dst")"
  if [[ -f $dst ]] && cmp -s "$src" "$dst"; then rm -f "$src"; else mv -f "$src" "$dst"; fi
}

# front-matter value of a top-level key (plain or quoted scalar)
yaml_value() {
  local file=$1 key=$2
  awk -v key="$key" '
    NR == 1 && $0 == "---" { fm = 1; next }
    fm && $0 == "---" { exit }
    index($0, key ":") == 1 {
      v = substr($0, length(key) + 2); sub(/^[ \t]+/, "", v); sub(/[ \t]+#.*$/, "", v); sub(/[ \t]+$/, "", v)
      if (v ~ /^".*"$/ || v ~ /^'\''.*'\''$/) v = substr(v, 2, length(v) - 2)
      print v; exit
    }
    !fm && NR > 1 { exit }' "$file"
}

# plain value from a flat YAML file (show.yaml); first match
yaml_file_value() {
  awk -v key="$1" 'index($0, key ":") == 1 {
      v = substr($0, length(key) + 2); sub(/^[ \t]+/, "", v); sub(/[ \t]+#.*$/, "", v); print v; exit }' "$2"
}

# bytes of a file
bytes() { stat -c %s "$1"; }

# true duration in seconds (3 decimals): decode the whole file and take the final time=
true_duration() {
  local t
  t="$(ffmpeg -nostdin -v error -stats -i "$1" -f null - 2>&1 | tr '\r' '\n' \
        | sed -n 's/.*time=\([0-9][0-9]*:[0-9][0-9]:[0-9][0-9.]*\).*/\1/p' | tail -n 1)"
  if [[ -n $t ]]; then
    awk -v t="$t" 'BEGIN { split(t, p, ":"); printf "%.3f\n", p[1] * 3600 + p[2] * 60 + p[3] }'
  else
    ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1" | awk '{ printf "%.3f\n", $1 }'
  fi
}

round() { awk -v x="$1" 'BEGIN { printf "%d\n", x + 0.5 }'; }

# a YAML scalar for a chapter title: plain when safe, double-quoted otherwise
yaml_scalar() {
  local s=$1
  case $s in
    *:* | *'#'* | *'"'* | *"'"* | *'['* | *']'* | *'{'* | *'}'* | *'&'* | *'*'* | *'!'* | *'|'* | \
    *'>'* | *'%'* | *'@'* | *'`'* | *,* | -* | '?'* | '' | *' ')
      s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s" ;;
    *) printf '%s' "$s" ;;
  esac
}

# seconds (from samples) -> WebVTT timestamp
vtt_time() { awk -v s="$1" -v r="$SR" 'BEGIN { t = s / r; h = int(t / 3600); m = int((t - h * 3600) / 60); x = t - h * 3600 - m * 60; printf "%02d:%02d:%06.3f", h, m, x }'; }

# escape text for a WebVTT cue
vtt_escape() { local s=$1; s=${s//&/&amp;}; s=${s//</&lt;}; s=${s//>/&gt;}; printf '%s' "$s"; }

# break text into lines of at most $1 bytes at spaces, as evenly as possible (0: one line)
wrap_text() {
  if (( $1 > 0 )); then
    printf '%s\n' "$2" | awk -v w="$1" '{
      n = split($0, a, " "); total = length($0)
      lines = int((total + w - 1) / w); target = total / lines; l = ""
      for (i = 1; i <= n; i++) {
        if (l != "" && (length(l) + 1 + length(a[i]) > w || length(l) + 1 + length(a[i]) / 2 > target)) { print l; l = a[i] }
        else l = (l == "" ? a[i] : l " " a[i])
      }
      if (l != "") printf "%s", l }'
  else
    printf '%s' "$2"
  fi
}

# n samples of silence, appended to raw file
silence() { head -c $(( $2 * 2 )) /dev/zero >>"$1"; }

# Speak a script (stdin-format file) into a raw s16le mono file.
#   synth SCRIPT RAW VTT CHAPTERS LEAD_SAMPLES [WRAP]
# WRAP > 0 breaks cue text into lines of at most WRAP bytes (for on-screen captions).
# Script lines:  "# Chapter title"  or  "voice|Speaker Name|text to speak"; blank lines are ignored.
# RAW must already hold the lead-in (e.g. a chime); speech starts after LEAD_SAMPLES more of silence.
synth() {
  local script=$1 raw=$2 vtt=$3 chapters=$4 lead=$5 wrap=${6:-0}
  local n=0 pending="" prev="" first_chapter=1 voice name text v wpm pitch seg samples pos
  : >"$chapters"
  printf 'WEBVTT\n\nNOTE\nGemaakt door _tools/make-sample-media.sh met espeak-ng; tijden gemeten op de audio.\n' >"$vtt"
  silence "$raw" "$lead"
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z ${line//[[:space:]]/} ]] && continue
    if [[ $line == "#"* ]]; then
      pending="${line#\#}"; pending="${pending# }"
      continue
    fi
    IFS='|' read -r voice name text <<<"$line"
    [[ -n ${VOICE[$voice]:-} ]] || die "$script: unknown voice '$voice'"
    [[ -n $name && -n $text ]] || die "$script: bad line: $line"
    # a short pause between lines, a longer one when the speaker changes
    if [[ -n $prev ]]; then
      if [[ $prev == "$name" ]]; then silence "$raw" $(( SR * 35 / 100 )); else silence "$raw" $(( SR * 70 / 100 )); fi
    fi
    prev=$name
    read -r v wpm pitch <<<"${VOICE[$voice]}"
    n=$((n + 1))
    seg="$TMP/seg-$n"
    espeak-ng -b 1 -v "$v" -s "$wpm" -p "$pitch" -w "$seg.wav" "$text"
    "${FF[@]}" -i "$seg.wav" -map_metadata -1 -ac 1 -ar "$SR" -f s16le -c:a pcm_s16le "$seg.raw"
    pos=$(( $(bytes "$raw") / 2 ))
    samples=$(( $(bytes "$seg.raw") / 2 ))
    if [[ -n $pending ]]; then
      local start
      if (( first_chapter )); then start=0; else start=$(( pos / SR )); fi
      first_chapter=0
      printf '  - start: %d\n    title: %s\n' "$start" "$(yaml_scalar "$pending")" >>"$chapters"
      pending=""
    fi
    cat "$seg.raw" >>"$raw"
    printf '\n%d\n%s --> %s\n<v %s>%s\n' "$n" "$(vtt_time "$pos")" "$(vtt_time $((pos + samples)))" \
      "$(vtt_escape "$name")" "$(wrap_text "$wrap" "$(vtt_escape "$text")")" >>"$vtt"
    rm -f "$seg.wav" "$seg.raw"
  done <"$script"
  (( n > 0 )) || die "$script: nothing to say"
}

# Rewrite length/duration under media: and (when CHAPTERS is non-empty) the chapters: block.
update_front_matter() {
  local md=$1 len=$2 dur=$3 chapters=$4 out="$TMP/fm.md"
  awk -v len="$len" -v dur="$dur" -v chapfile="$chapters" '
    BEGIN { while ((getline l < chapfile) > 0) chap = chap l "\n" }
    NR == 1 { if ($0 != "---") { print FILENAME ": no front matter" > "/dev/stderr"; bad = 1; exit 2 } fm = 1; print; next }
    fm == 1 && $0 == "---" { fm = 2; print; next }
    fm == 1 {
      if (block != "" && $0 !~ /^[ \t]/ && $0 != "") block = ""
      if (block == "chapters") next
      if ($0 ~ /^media:[ \t]*$/) { block = "media"; print; next }
      if (chap != "" && $0 ~ /^chapters:[ \t]*$/) { block = "chapters"; seen = 1; print; printf "%s", chap; next }
      if (block == "media" && $0 ~ /^  length:/)   { print "  length: " len; nl++; next }
      if (block == "media" && $0 ~ /^  duration:/) { print "  duration: " dur; nd++; next }
    }
    { print }
    END {
      if (bad) exit 2
      if (nl != 1 || nd != 1) { print FILENAME ": need exactly one `length:` and one `duration:` line under `media:`" > "/dev/stderr"; exit 3 }
      if (chap != "" && !seen) { print FILENAME ": no `chapters:` block to fill in" > "/dev/stderr"; exit 4 }
    }' "$md" >"$out" || die "could not update $md"
  install_if_changed "$out" "$md"
}

check_cues_within() {  # VTT, duration in seconds
  local last
  last="$(sed -n 's/^.* --> \([0-9:.]*\).*$/\1/p' "$1" | tail -n 1)"
  awk -v t="$last" -v d="$2" 'BEGIN { split(t, p, ":"); e = p[1] * 3600 + p[2] * 60 + p[3]; exit !(e <= d) }' \
    || die "$1: last cue ends at $last, after the end of the media ($2 s)"
}

check_chapters_within() {  # CHAPTERS, duration in seconds
  local s
  for s in $(sed -n 's/^  - start: //p' "$1"); do
    awk -v s="$s" -v d="$2" 'BEGIN { exit !(s < d) }' || die "chapter at $s s is past the end ($2 s)"
  done
}

report() {  # path, bytes, true duration, rounded
  printf '%-62s %9s bytes %9s s  (%s)\n' "${1#"$CATALOGUE"/}" "$2" "$3" "$4" >>"$SUMMARY"
}

episode_md() {  # show base -> path of the .md (must exist)
  local md="$CATALOGUE/$1/$2.md"
  [[ -f $md ]] || die "no episode file $md"
  grep -q "^  url: media/$2\.$3[[:space:]]*$" "$md" || die "$md: media url is not media/$2.$3"
  printf '%s' "$md"
}

# ---------------------------------------------------------------------------------------------
# podcast SHOW BASENAME <<'EOF' ...script... EOF
podcast() {
  local show=$1 base=$2 md title album raw="$TMP/speech.raw" vtt="$TMP/out.vtt" chap="$TMP/chapters.yaml"
  md="$(episode_md "$show" "$base" mp3)"
  title="$(yaml_value "$md" title)"
  album="$(yaml_file_value title "$CATALOGUE/$show/show.yaml")"
  cat >"$TMP/script.txt"
  : >"$raw"
  # a three-note chime (C-E-G) as the opening of every episode
  "${FF[@]}" -f lavfi -i "aevalsrc=exprs='0.22*sin(2*PI*523.25*t)*exp(-3*t)+0.2*gte(t,0.22)*sin(2*PI*659.25*t)*exp(-3*(t-0.22))+0.2*gte(t,0.44)*sin(2*PI*783.99*t)*exp(-3*(t-0.44))':s=$SR:d=1.6" \
    -ac 1 -f s16le -c:a pcm_s16le "$TMP/chime.raw"
  cat "$TMP/chime.raw" >>"$raw"
  synth "$TMP/script.txt" "$raw" "$vtt" "$chap" $(( SR * 30 / 100 ))
  silence "$raw" "$SR"                       # one second of room at the end
  "${FF[@]}" -f s16le -ar "$SR" -ac 1 -i "$raw" \
    -map_metadata -1 -metadata title="$title" -metadata artist="Socius" -metadata album="$album" \
    -ac 1 -ar 44100 -c:a libmp3lame -b:a 48k -fflags +bitexact -flags:a +bitexact "$TMP/out.mp3"
  local mp3="$CATALOGUE/$show/media/$base.mp3" dst_vtt="$CATALOGUE/$show/transcripts/$base.vtt"
  install_if_changed "$TMP/out.mp3" "$mp3"
  install_if_changed "$vtt" "$dst_vtt"
  local len dur secs
  len="$(bytes "$mp3")"; dur="$(true_duration "$mp3")"; secs="$(round "$dur")"
  check_cues_within "$dst_vtt" "$dur"
  check_chapters_within "$chap" "$secs"
  update_front_matter "$md" "$len" "$secs" "$chap"
  report "$mp3" "$len" "$dur" "duration: $secs"
  report "$dst_vtt" "$(bytes "$dst_vtt")" "-" "transcript"
}

# video SHOW BASENAME <<'EOF' ...script... EOF   (8-12 s of test picture with a spoken line or two)
video() {
  local show=$1 base=$2 md title album raw="$TMP/speech.raw" vtt="$TMP/out.vtt" chap="$TMP/chapters.yaml"
  md="$(episode_md "$show" "$base" mp4)"
  title="$(yaml_value "$md" title)"
  album="$(yaml_file_value title "$CATALOGUE/$show/show.yaml")"
  cat >"$TMP/script.txt"
  : >"$raw"
  synth "$TMP/script.txt" "$raw" "$vtt" "$chap" $(( SR * 80 / 100 )) 42
  local speech d
  speech=$(( $(bytes "$raw") / 2 ))
  d=$(( (speech + SR * 12 / 10 + SR - 1) / SR ))   # speech + 1.2 s, whole seconds
  (( d < 8 )) && d=8
  (( d <= 12 )) || die "$base: the spoken text is too long for a 12 s video"
  printf '%s' "$title" >"$TMP/title.txt"
  printf '%s' "$album" >"$TMP/show.txt"
  "${FF[@]}" -f lavfi -i "testsrc2=size=640x360:rate=25:duration=$d" -f s16le -ar "$SR" -ac 1 -i "$raw" \
    -filter_complex "[0:v]drawtext=fontfile=$FONT_BOLD:textfile=$TMP/title.txt:expansion=none:fontsize=30:fontcolor=white:box=1:boxcolor=black@0.65:boxborderw=14:x=(w-text_w)/2:y=62,drawtext=fontfile=$FONT:textfile=$TMP/show.txt:expansion=none:fontsize=18:fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=8:x=(w-text_w)/2:y=h-text_h-24[v];[1:a]aresample=44100,apad=whole_dur=$d[a]" \
    -map '[v]' -map '[a]' -t "$d" \
    -c:v libx264 -preset veryslow -crf 37 -profile:v high -pix_fmt yuv420p -threads 1 \
    -c:a aac -b:a 48k -ac 1 -ar 44100 \
    -map_metadata -1 -metadata title="$title" -metadata artist="Socius" -metadata album="$album" \
    -movflags +faststart -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$TMP/out.mp4"
  local mp4="$CATALOGUE/$show/media/$base.mp4" dst_vtt="$CATALOGUE/$show/transcripts/$base.vtt"
  local poster="$CATALOGUE/$show/posters/$base.jpg"
  install_if_changed "$TMP/out.mp4" "$mp4"
  install_if_changed "$vtt" "$dst_vtt"
  "${FF[@]}" -ss 2 -i "$mp4" -frames:v 1 -vf "scale=1280:720:flags=lanczos,format=yuvj420p" -q:v 4 \
    -map_metadata -1 -fflags +bitexact -flags +bitexact -f image2 -update 1 "$TMP/poster.jpg"
  install_if_changed "$TMP/poster.jpg" "$poster"
  local len dur secs
  len="$(bytes "$mp4")"; dur="$(true_duration "$mp4")"; secs="$(round "$dur")"
  check_cues_within "$dst_vtt" "$dur"
  : >"$chap"
  update_front_matter "$md" "$len" "$secs" "$chap"
  report "$mp4" "$len" "$dur" "duration: $secs"
  report "$dst_vtt" "$(bytes "$dst_vtt")" "-" "captions"
  report "$poster" "$(bytes "$poster")" "-" "poster 1280x720"
}

# artwork SHOW SUBTITLE COLOUR_TOP COLOUR_BOTTOM
artwork() {
  local show=$1 subtitle=$2 top=$3 bottom=$4 out="$CATALOGUE/$1/artwork.jpg"
  convert -size 1400x1400 "gradient:$top-$bottom" \
    -fill 'rgba(255,255,255,0.10)' -draw 'circle 1120,300 1120,40' -draw 'circle 250,1180 250,980' \
    -fill 'rgba(255,255,255,0.92)' -draw 'roundrectangle 130,860 1270,1010 40,40' \
    -font "$FONT_BOLD" -fill white -gravity NorthWest \
    -pointsize 190 -annotate +130+330 'Allemaal' \
    -pointsize 190 -annotate +130+560 'politiek' \
    -fill "$bottom" -pointsize 96 -gravity North -annotate +0+878 "$subtitle" \
    -font "$FONT" -fill white -pointsize 48 -gravity South -annotate +0+140 'Socius · steunpunt sociaal-cultureel werk' \
    -strip -colorspace sRGB -type TrueColor -interlace none -sampling-factor 2x2 -quality 80 "$TMP/artwork.jpg"
  install_if_changed "$TMP/artwork.jpg" "$out"
  report "$out" "$(bytes "$out")" "-" "artwork 1400x1400"
}

# ---------------------------------------------------------------------------------------------
# the sample catalogue

artwork gesprekken 'gesprekken' '#e4572e' '#3a1f5d'
artwork reportages 'reportages' '#1b998b' '#17324d'

podcast gesprekken 2024-02-22-herstellen-in-plaats-van-weggooien <<'EOF'
# Inleiding
host|Lotte Vermeulen|Dag en welkom bij Allemaal politiek. Ik ben Lotte Vermeulen.
host|Lotte Vermeulen|Vandaag ben ik in Kessel-Lo, waar buren elke derde zaterdag van de maand samen kapotte spullen herstellen.
# Hoe De Werkbank begon
host|Lotte Vermeulen|Marc Janssens, jij bent een van de oprichters van De Werkbank. Hoe is het begonnen?
m1|Marc Janssens|Met een kapotte stofzuiger, eigenlijk. Ik wilde hem niet weggooien, en mijn buurvrouw zat met hetzelfde probleem, met haar naaimachine.
m1|Marc Janssens|Vandaag komen er elke maand tientallen mensen langs, en we lenen ook gereedschap uit.
# Waarom herstellen politiek is
host|Lotte Vermeulen|Is dat politiek, volgens jou?
m1|Marc Janssens|Voor mij wel. Elke herstelling is een klein protest tegen de wegwerpcultuur. En je leert je buren kennen.
# Tot slot
host|Lotte Vermeulen|Meer over De Werkbank lees je in de shownotes. Tot de volgende keer.
EOF

podcast gesprekken 2024-04-04-een-schoolstraat-van-onderuit <<'EOF'
# Inleiding
host|Lotte Vermeulen|Welkom bij Allemaal politiek. Vandaag gaat het over de weg naar school.
host|Lotte Vermeulen|In Mechelen vonden ouders het aan de schoolpoort te druk en te gevaarlijk. Dus kwamen ze zelf in actie.
# Tellen en uitproberen
host|Lotte Vermeulen|Fatima Ouali, wat hebben jullie precies gedaan?
f1|Fatima Ouali|Eerst hebben we geteld: hoeveel auto's, hoeveel fietsen, hoeveel kinderen te voet.
f1|Fatima Ouali|Daarna hebben we zelf een proefweek georganiseerd, met hekken en vrijwilligers in fluohesjes.
# Het gesprek met de stad
f1|Fatima Ouali|Met die cijfers zijn we naar de stad gestapt. Sinds de paasvakantie is de straat autovrij als de school begint en eindigt.
# Tot slot
host|Lotte Vermeulen|Een verhaal over geduld, tellen en samen overtuigen. Meer in de shownotes.
EOF

podcast gesprekken 2024-05-16-een-zorgzame-buurt <<'EOF'
# Inleiding
host|Lotte Vermeulen|Dit is Allemaal politiek. Eenzaamheid zie je niet altijd.
host|Lotte Vermeulen|In Borgerhout besloot een groep buren er iets aan te doen, met een grote pot soep.
# Koken voor elkaar
host|Lotte Vermeulen|Wim Peeters, hoe werkt De Soepketel?
m2|Wim Peeters|Elke woensdag koken we met vrijwilligers in het buurthuis. Wie niet meer goed te been is, krijgt een portie aan huis.
# Meer dan soep
m2|Wim Peeters|De soep is eigenlijk een excuus. Het gaat om het praatje aan de deur.
m2|Wim Peeters|Zo merken we snel wanneer iemand hulp nodig heeft, en brengen we die persoon in contact met het dienstencentrum.
# Tot slot
host|Lotte Vermeulen|Zorg als iets wat we samen doen. Meer over De Soepketel lees je in de shownotes.
EOF

podcast gesprekken 2024-06-06-wie-beslist-over-het-buurtbudget <<'EOF'
# Inleiding
host|Lotte Vermeulen|Welkom bij Allemaal politiek. Over drie dagen trekken we naar de stembus.
host|Lotte Vermeulen|Maar in Winterslag, in Genk, stemmen de bewoners dit jaar ook over iets heel concreets: waar het geld van hun buurtbudget naartoe gaat.
# Hoe het buurtbudget werkt
host|Lotte Vermeulen|Elif, hoe werkt dat?
f2|Elif Yılmaz|Iedereen kan een idee indienen. Een gelote jury van bewoners maakt een selectie.
f2|Elif Yılmaz|Daarna stemt de hele wijk, ook jongeren vanaf twaalf jaar.
# Iedereen bereiken
f2|Elif Yılmaz|Het moeilijkste is iedereen bereiken. Daarom gaan we langs bij de moskee, de voetbalclub en de schoolpoort, met koffie en stembiljetten.
# Tot slot
host|Lotte Vermeulen|Democratie op wijkniveau, met koffie erbij. Meer daarover in de shownotes.
EOF

podcast gesprekken 2024-11-07-huiswerk-in-de-bib <<'EOF'
# Inleiding
host|Lotte Vermeulen|Dit is Allemaal politiek. Niet elk kind heeft thuis een rustige plek, of iemand die kan helpen met huiswerk.
host|Lotte Vermeulen|In Sint-Niklaas springen studenten bij, in de stadsbibliotheek.
# Een namiddag bij Open Boek
host|Lotte Vermeulen|Amina Diallo, hoe ziet een namiddag bij Open Boek eruit?
f3|Amina Diallo|Op dinsdag en donderdag zitten we met een twintigtal kinderen in de leeszaal. Eerst huiswerk, daarna lezen of een spelletje.
# Iets teruggeven
f3|Amina Diallo|Ik kreeg vroeger zelf die hulp. Nu geef ik iets terug. Zo werk je aan gelijke kansen, vind ik.
host|Lotte Vermeulen|Meer over Open Boek lees je in de shownotes.
EOF

podcast gesprekken 2027-01-15-vooruitblik-op-het-nieuwe-seizoen <<'EOF'
# Inleiding
host|Lotte Vermeulen|Dag allemaal. Allemaal politiek komt terug, met een nieuw seizoen.
# Wat komt er
host|Lotte Vermeulen|We gaan opnieuw op pad met mensen die hun straat, hun stad of hun vereniging mee vormgeven.
host|Lotte Vermeulen|Van energiecoöperaties tot jongerenraden: mensen die niet wachten tot iemand anders het oplost.
# Jouw tip
m3|Jonas De Smet|En we willen jullie verhalen horen. Ken je een initiatief dat in de podcast thuishoort? Laat het ons weten via de website.
# Tot slot
host|Lotte Vermeulen|Tot binnenkort, in een nieuw seizoen van Allemaal politiek.
EOF

podcast gesprekken 2026-11-19-seizoen-twee-in-het-kort <<'EOF'
# Inleiding
host|Lotte Vermeulen|Hier is Allemaal politiek, met nieuws: er komt een tweede seizoen.
# Waarover
host|Lotte Vermeulen|Opnieuw bezoeken we buren, ouders en jongeren die zelf iets in beweging zetten.
# Jouw tip
host|Lotte Vermeulen|Ken jij zo een initiatief? Vertel het ons via de website.
EOF

video reportages 2024-03-07-fietsles-voor-volwassenen <<'EOF'
reporter|Noor Benali|In het Rabot in Gent leren volwassenen fietsen, vaak voor het eerst.
reporter|Noor Benali|Vrijwilligers lopen mee tot het evenwicht er is.
EOF

video reportages 2024-05-02-een-voedselcooperatie-in-de-stad <<'EOF'
reporter|Noor Benali|In Kortrijk kopen tweehonderd gezinnen samen bij boeren uit de streek.
reporter|Noor Benali|Elk lid helpt een paar uur per maand in de winkel.
EOF

video reportages 2024-09-26-stemmen-zonder-stemrecht <<'EOF'
reporter|Noor Benali|In Molenbeek houden jongeren hun eigen verkiezing.
reporter|Noor Benali|De uitslag gaat naar de nieuwe gemeenteraad.
EOF

# ---------------------------------------------------------------------------------------------
# The chapters inside the media too, for apps that read only those (docs/catalogue.md, Chapters):
# written by Podium itself from each front matter, which also updates each media.length. Set
# PODIUM to a built podium (e.g. PODIUM=.build/debug/podium) when it is not on the PATH.
PODIUM="${PODIUM:-$(command -v podium || true)}"
if [[ -n $PODIUM ]]; then
  for md in "$CATALOGUE"/*/2*.md; do
    grep -q '^chapters:' "$md" || continue
    "$PODIUM" chapters "$md" --catalogue "$CATALOGUE" --output "$CATALOGUE/../feeds" --embed --allow-enclosure-change >/dev/null
  done
else
  echo "make-sample-media: podium not found (set PODIUM): the media have no chapters inside them" >&2
fi

echo "Sample media (bytes, decoded duration; the .md front matter has been updated to match):"
cat "$SUMMARY"
total="$(du -sb "$CATALOGUE" | cut -f1)"
echo "catalogue total: $total bytes"

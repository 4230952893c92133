#!/usr/bin/env bash
# Does extraction stay linear in the size of ONE article? For each hostile
# shape (one phrase repeated into a single article: bare words, cue-dense
# text, open quotes, glued letters, thousands of one-line paragraphs, …) it
# times `credence extract -j1` on an article of SMALL and of LARGE bytes and
# prints the ratio. Linear work gives a ratio near LARGE/SMALL (8 by default);
# quadratic work gives its square (64). Not a test: a shared machine is noisy,
# so read the ratios, and rerun a shape that looks off.
#
#   bench/linear.sh                          # every shape, 512 KB vs 4 MB
#   SMALL=1048576 LARGE=8388608 bench/linear.sh cues quotes
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${SMALL:-524288}
LARGE=${LARGE:-4194304}
TIMEOUT=${TIMEOUT:-300}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package: time)"; exit 1; }
cargo build --release --quiet
BIN=$PWD/target/release/credence
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# One article of `size` bytes, the shape's unit repeated (JSON-escaped by python).
make() { # shape size
  python3 - "$1" "$2" "$WORK/$1-$2.jsonl" <<'PY'
import json, sys
units = {
    "words": "word ",
    "sents": "The minister said on Tuesday that the plan would cost 4 billion dollars. ",
    "cues": "Smith said ",
    "quotes": '"It is fine," he said. ',
    "quotepara": '"It is fine," Mr. Smith, a senior official, said.\n',
    "lines": "Line of text here\n",
    "names": "John Smith and Mary Jones and Kyiv officials met ",
    "anon": "A senior official said that officials said. ",
    "open_quote": "\u201copen quote without close ",
    "glued": "a",
    "according": "according to Bloomberg, ",
    "hedges": "Trump reportedly is said to have appeared to allegedly ",
    "numbers": "12 million, 3.5 percent, $4 billion and 7 of 10 ",
    "dots": ".",
    "paras": "He said it.\n\n",
}
shape, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if shape not in units:
    sys.exit(f"unknown shape {shape}; one of: {' '.join(units)}")
unit = units[shape]
text = unit * (size // len(unit.encode()))
with open(path, "w") as f:
    f.write(json.dumps({"id": shape, "outlet": "X", "text": text}) + "\n")
PY
}

SHAPES=${*:-words sents cues quotes quotepara lines names anon open_quote glued according hedges numbers dots paras}
echo "machine: $(nproc) cores; $(date -u +%F); one article per run, extract -j1"
echo
echo "| shape | ${SMALL} B: s | ${LARGE} B: s | ratio | peak RSS MB (large) |"
echo "|---|---:|---:|---:|---:|"
for s in $SHAPES; do
  row="| $s"
  for size in $SMALL $LARGE; do
    make "$s" "$size"
    if /usr/bin/time -f "%e %M" -o "$WORK/time" timeout "$TIMEOUT" \
        "$BIN" extract -j1 "$WORK/$s-$size.jsonl" -o "$WORK/out" > /dev/null 2> "$WORK/stderr"; then
      read -r secs rss < <(tail -1 "$WORK/time")
    else
      secs="timeout/error"; rss=0
    fi
    row="$row | $secs"
    [ "$size" = "$SMALL" ] && small_secs=$secs
  done
  ratio=$(python3 -c "a,b='$small_secs','$secs'
print(round(float(b)/max(float(a),0.01),1) if a[0].isdigit() and b[0].isdigit() else '-')")
  echo "$row | $ratio | $((rss / 1024)) |"
  rm -f "$WORK"/*.jsonl
done

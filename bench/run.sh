#!/usr/bin/env bash
# The scale benchmark: `credence run` (release build) over the first 1k, 5k,
# 10k, 18.8k and all 37.5k articles of the AllSides corpus. Prints a Markdown
# table: wall time, articles/s, MB/s of article text per stage (from run.json),
# peak RSS (from GNU time) and the size of the output over the input text.
# Not a test: timings on a shared machine are noisy; run it more than once
# and compare medians and ratios.
#
#   bench/run.sh                      # all sizes
#   SIZES="1000 5000" bench/run.sh    # some sizes
#   THREADS=1 bench/run.sh            # one worker thread (per-core throughput)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data/allsides/articles.jsonl.gz}
SIZES=${SIZES:-"1000 5000 10000 18777 37554"}
THREADS=${THREADS:-}
[ -f "$DATA" ] || { echo "no $DATA (the benchmark reads ../shared/data)"; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package: time)"; exit 1; }
cargo build --release --quiet
BIN=$PWD/target/release/credence
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
zcat "$DATA" > "$WORK/all.jsonl"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)${THREADS:+; -j $THREADS}"
echo
echo "| articles | text MB | wall s | articles/s | read MB/s | extract MB/s | score MB/s | write MB/s | peak RSS MB | output ÷ text |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  head -n "$n" "$WORK/all.jsonl" > "$WORK/in.jsonl"
  rm -rf "$WORK/out"
  /usr/bin/time -f "%e %M" -o "$WORK/time" \
    "$BIN" run --keep-going ${THREADS:+-j "$THREADS"} "$WORK/in.jsonl" -o "$WORK/out" 2> "$WORK/stderr" \
    || { cat "$WORK/stderr"; exit 1; }
  du -sb "$WORK/out" | cut -f1 > "$WORK/size"
  python3 - "$WORK/out/run.json" "$WORK/time" "$WORK/size" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
out_bytes = int(open(sys.argv[3]).read())
wall, rss_kb = open(sys.argv[2]).read().split()[-2:]
wall = float(wall)
mb = run["articles"]["text_bytes"] / 1e6
t = run["timings_ms"]
rate = lambda stage: mb / max(t.get(stage, 0), 1) * 1000
n = run["articles"]["read"]
print(f"| {n} | {mb:.1f} | {wall:.2f} | {n / wall:.0f} | {rate('read'):.0f} | {rate('extract'):.1f} "
      f"| {rate('score'):.1f} | {rate('write'):.1f} | {int(rss_kb) / 1024:.0f} "
      f"| {out_bytes / run['articles']['text_bytes']:.2f} |")
PY
done

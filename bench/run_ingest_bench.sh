#!/usr/bin/env bash
# Runs the ingest benchmark of the foundation issue: for 1M and 10M generated
# statements, dossier's end-to-end ingest (statements/s, bytes on disk per
# statement, peak memory) and search/show latency, against the floor of the
# same CSV rows loaded by the sqlite3 command-line tool's `.import` into a
# fresh database in the same run. Builds nothing: pass the build directory.
#
# Usage: bench/run_ingest_bench.sh [BUILD_DIR]      (default: build)
# Environment: SIZES="1000000 10000000"  QUERIES=1000  SEED=20240601
#              TMPDIR (where the CSVs and stores go; needs ~3 GB for 10M)
# Generation time is not counted. Temporary files are removed on exit.
set -euo pipefail

BUILD=${1:-build}
SIZES=${SIZES:-"1000000 10000000"}
QUERIES=${QUERIES:-1000}
SEED=${SEED:-20240601}
GEN=$BUILD/bench/dossier_bench_generate
ING=$BUILD/bench/dossier_bench_ingest

for tool in "$GEN" "$ING"; do
  [[ -x $tool ]] || { echo "missing $tool: build it first (ninja -C $BUILD $(basename "$tool"))" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "the sqlite3 command-line tool is needed for the floor" >&2; exit 2; }
TIME=/usr/bin/time
[[ -x $TIME ]] || TIME=""

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
# Peak RSS in MiB from a /usr/bin/time -v report.
peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$1" 2>/dev/null || echo "?"; }
json_field() { python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); print(eval("d"+sys.argv[1]))' "$1"; }

echo "dossier ingest benchmark  $(date -u)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "build: $BUILD   sizes: $SIZES   queries: $QUERIES   seed: $SEED"
echo

declare -a SUMMARY
for n in $SIZES; do
  csv=$WORK/statements-$n.csv
  t0=$(now)
  "$GEN" --statements "$n" --seed "$SEED" --out "$csv" 2>"$WORK/gen.txt"
  printf '== %s statements: generated in %.1f s (not counted): %s\n' "$n" "$(echo "$(now) - $t0" | bc)" "$(cat "$WORK/gen.txt")"

  # dossier, through the real ingest path, then search and show on the store.
  ${TIME:+$TIME -v -o "$WORK/time-dossier.txt"} "$ING" "$csv" --store "$WORK/dossier-$n.db" \
    --queries "$QUERIES" --seed "$SEED" --json >"$WORK/dossier.txt"
  grep -v '^{' "$WORK/dossier.txt"
  json=$(grep '^{' "$WORK/dossier.txt")
  d_rate=$(json_field '["ingest"]["statements_per_s"]' <<<"$json")
  d_bytes=$(json_field '["ingest"]["bytes_per_statement"]' <<<"$json")
  d_secs=$(json_field '["ingest"]["seconds"]' <<<"$json")
  d_peak=$(json_field '["ingest"]["peak_rss_bytes"]' <<<"$json")
  s_p50=$(json_field '["search"]["p50_ms"]' <<<"$json")
  sh_p50=$(json_field '["show"]["p50_ms"]' <<<"$json")
  [[ -n $TIME ]] && echo "  /usr/bin/time -v        peak RSS $(peak_mib "$WORK/time-dossier.txt") MiB for the whole run (ingest + queries)"

  # The floor: the same rows into a fresh database by sqlite3's .import, no indexes.
  rm -f "$WORK/floor.db"
  t0=$(now)
  ${TIME:+$TIME -v -o "$WORK/time-floor.txt"} sqlite3 "$WORK/floor.db" ".mode csv" ".import $csv statements"
  f_secs=$(echo "$(now) - $t0" | bc)
  f_rows=$(sqlite3 "$WORK/floor.db" "SELECT count(*) FROM statements")
  f_size=$(stat -c %s "$WORK/floor.db")
  f_rate=$(echo "$f_rows / $f_secs" | bc)
  echo "floor: sqlite3 .import of the same CSV"
  printf '  %s rows in %.2f s = %s rows/s; %.1f bytes/row on disk; peak RSS %s MiB\n' \
    "$f_rows" "$f_secs" "$f_rate" "$(echo "$f_size / $f_rows" | bc -l)" "$(peak_mib "$WORK/time-floor.txt")"
  ratio=$(echo "$f_rate / $d_rate" | bc -l)
  printf '  dossier is %.2fx slower than the floor (target: within 3x; at least 250000 statements/s)\n\n' "$ratio"
  SUMMARY+=("$(printf '%-9s %10.0f %10.1f %9.1f %8.1f %10s %7.2fx %9.2f %9.2f' "$n" "$d_rate" "$d_secs" "$d_bytes" \
    "$(echo "$d_peak / 1048576" | bc -l)" "$f_rate" "$ratio" "$s_p50" "$sh_p50")")
  rm -f "$csv" "$WORK/floor.db" "$WORK"/dossier-"$n".db*
done

echo "summary (dossier statements/s end to end with indexes; floor = sqlite3 .import rows/s; latency p50 in ms)"
printf '%-9s %10s %10s %9s %8s %10s %8s %9s %9s\n' statements "dossier/s" seconds "bytes/st" "RSS MiB" "floor/s" ratio search show
for line in "${SUMMARY[@]}"; do echo "$line"; done

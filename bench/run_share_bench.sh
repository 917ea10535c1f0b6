#!/usr/bin/env bash
# Sharing with a partner instance, measured: a store of N generated statements
# (bench/generate_statements.cc: public lists, a partner's SECRET//REL TO DEU, EST
# reports and CONFIDENTIAL//REL TO DEU field notes) held by a German service
# (WESTINT); `export --for BALTSEC` writes the Estonian service's package (the
# rules of release over every statement, then the Ed25519 signature), and a
# second instance imports it (signature first, then one transaction), then
# imports it again (the replay check alone). Peers in the same run: the sqlite3
# command-line tool writing the same store's statements out as CSV (the floor
# for export) and `.import`ing the generated CSV into a fresh table (the floor
# for import).
#
# Usage: bench/run_share_bench.sh [BUILD_DIR]     (default: build)
# Environment: SIZE=1000000  SEED=20240601  TMPDIR
set -euo pipefail

BUILD=${1:-build}
SIZE=${SIZE:-1000000}
SEED=${SEED:-20240601}
GEN=$BUILD/bench/dossier_bench_generate
D=$BUILD/dossier
for tool in "$GEN" "$D"; do
  [[ -x $tool ]] || { echo "missing $tool: build it first" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "the sqlite3 command-line tool is needed for the floor" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-share-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
secs() { echo "$(now) - $1" | bc; }
rate() { echo "scale=0; $1 / $2" | bc; }

echo "dossier sharing benchmark  $(date -u)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $BUILD   statements: $SIZE   seed: $SEED"

csv=$WORK/statements.csv
"$GEN" --statements "$SIZE" --seed "$SEED" --out "$csv" 2>/dev/null
for side in a b; do
  "$D" --store "$WORK/$side.db" init >/dev/null
  "$D" --store "$WORK/$side.db" principals add-org WESTINT --country DEU >/dev/null
  "$D" --store "$WORK/$side.db" principals add-org BALTSEC --country EST >/dev/null
done
"$D" --store "$WORK/a.db" keys generate --org WESTINT >/dev/null
"$D" --store "$WORK/b.db" keys generate --org BALTSEC >/dev/null
"$D" --store "$WORK/a.db" partners add BALTSEC --key "$WORK/b.db.pub" >/dev/null
"$D" --store "$WORK/b.db" partners add WESTINT --key "$WORK/a.db.pub" >/dev/null
t=$(now)
"$D" --store "$WORK/a.db" ingest --format statements "$csv" >/dev/null
printf 'ingest of the source store: %.1f s (not counted)\n\n' "$(secs "$t")"

t=$(now)
"$D" --store "$WORK/a.db" --json export --for BALTSEC --out "$WORK/p.pkg" >"$WORK/export.json"
export_s=$(secs "$t")
sent=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statements"])' "$WORK/export.json")
t=$(now)
"$D" --store "$WORK/b.db" --json import "$WORK/p.pkg" >"$WORK/import.json"
import_s=$(secs "$t")
t=$(now)
"$D" --store "$WORK/b.db" --json import "$WORK/p.pkg" >/dev/null
again_s=$(secs "$t")

# Floors: the same store's statements out as CSV; the generated CSV into a fresh table.
t=$(now)
sqlite3 -csv "$WORK/a.db" "SELECT * FROM statements" >"$WORK/floor.csv"
floor_out_s=$(secs "$t")
t=$(now)
sqlite3 "$WORK/floor.db" ".import --csv $csv statements"
floor_in_s=$(secs "$t")

total=$(wc -l <"$csv")
printf '%-44s %10s %14s\n' "" "seconds" "statements/s"
printf '%-44s %10.2f %14s\n' "dossier export --for BALTSEC ($sent of $SIZE)" "$export_s" "$(rate "$SIZE" "$export_s") read, $(rate "$sent" "$export_s") sent"
printf '%-44s %10.2f %14s\n' "dossier import (signature, checks, write)" "$import_s" "$(rate "$sent" "$import_s")"
printf '%-44s %10.2f %14s\n' "dossier import again (already imported)" "$again_s" ""
printf '%-44s %10.2f %14s\n' "floor: sqlite3 SELECT * to CSV" "$floor_out_s" "$(rate "$SIZE" "$floor_out_s")"
printf '%-44s %10.2f %14s\n' "floor: sqlite3 .import of the CSV" "$floor_in_s" "$(rate "$((total - 1))" "$floor_in_s")"
printf 'package: %s bytes (%.0f per statement)\n' "$(stat -c %s "$WORK/p.pkg")" "$(echo "$(stat -c %s "$WORK/p.pkg") / $sent" | bc -l)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

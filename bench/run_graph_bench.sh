#!/usr/bin/env bash
# The link-analysis benchmark and its peers, in one run:
#   1. dossier_bench_graph_generate writes N entities and M ties with
#      heavy-tailed degrees as a statements CSV, with the same graph as edge
#      lists (all ties; the ties user "baltic" sees), the index -> id map and the
#      sources (reused when the work dir already holds them for N, M, SEED);
#   2. a fresh store: init, the sources, the statements (timed, peak RSS), and
#      the principals of the demo (analyst of WESTINT cleared TOP SECRET, sees
#      everything; baltic of BALTSEC cleared SECRET, sees about 79% of the ties);
#   3. bench/graph_peers.py (igraph; networkx too up to NX_MAX_TIES ties, each
#      operation capped at NX_CAP seconds) on the full edge list, writing the
#      sources, pairs and answers; then igraph on baltic's edge list with the
#      same sources and pairs, for baltic's answers;
#   4. dossier_bench_graph as analyst (build, bfs3, paths, visibility checks,
#      betweenness, all checked against igraph) and as baltic (the same
#      questions through the restricted view, checked against igraph on the
#      visible edges; the cost of the checks against unchecked traversals).
#
# Usage: bench/run_graph_bench.sh BUILD_DIR [ENTITIES] [TIES]
#   defaults: 100000 entities, 5 ties per entity.
# Environment:
#   TMPDIR            where the work dir goes (default /tmp); the work dir is
#                     $TMPDIR/dossier-graph-bench-N-M (WORK overrides) and is kept:
#                     its data is reused by the next run, its store (graph.db)
#                     is rebuilt each run and left for reuse
#   DATA=DIR          take graph.csv, edges.txt, visible.txt, ids.txt and
#                     graph-sources.toml from DIR (symlinked) instead of generating
#   SOURCES, PAIRS    3-hop sources and shortest-path pairs (default 100 / 1000
#                     up to 1M ties, 50 / 200 above)
#   BETWEENNESS_NODES betweenness on the subgraph induced by the first B nodes
#                     (default 20000 up to 1M ties, 100000 above)
#   NX_MAX_TIES       run networkx only up to this many ties (default 1000000)
#   NX_CAP            seconds per networkx operation (default 120)
#   THREADS           threads for betweenness (default 2)
#   REPEAT            runs per item in the visibility-overhead comparison (default 3)
#   SEED              generator seed (default 20240601)
#   CLEAN_DATA=1      delete graph.csv once ingested
#   INGEST_CHUNK_ROWS ingest the CSV in files of this many rows (default 3000000;
#                     0: one file) -- see the note at the ingest below
# Builds nothing: ninja -C BUILD_DIR dossier dossier_bench_graph dossier_bench_graph_generate
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?usage: bench/run_graph_bench.sh BUILD_DIR [ENTITIES] [TIES]}
BUILD=$(cd "$BUILD" && pwd)
N=${2:-100000}
M=${3:-$((N * 5))}
SEED=${SEED:-20240601}
THREADS=${THREADS:-2}
REPEAT=${REPEAT:-3}
NX_MAX_TIES=${NX_MAX_TIES:-1000000}
NX_CAP=${NX_CAP:-120}
if [ "$M" -le 1000000 ]; then
  SOURCES=${SOURCES:-100}; PAIRS=${PAIRS:-1000}; BETWEENNESS_NODES=${BETWEENNESS_NODES:-20000}
else
  SOURCES=${SOURCES:-50}; PAIRS=${PAIRS:-200}; BETWEENNESS_NODES=${BETWEENNESS_NODES:-100000}
fi
PY=/usr/bin/python3  # Debian's python3-igraph and python3-networkx live there
DOSSIER=$BUILD/dossier
GEN=$BUILD/bench/dossier_bench_graph_generate
BENCH=$BUILD/bench/dossier_bench_graph

for tool in "$DOSSIER" "$GEN" "$BENCH"; do
  [ -x "$tool" ] || { echo "missing $tool: ninja -C $BUILD dossier dossier_bench_graph dossier_bench_graph_generate" >&2; exit 2; }
done
"$PY" -c 'import igraph, numpy' 2>/dev/null || { echo "$PY lacks igraph/numpy (apt-get install python3-igraph python3-numpy)" >&2; exit 2; }

WORK=${WORK:-${TMPDIR:-/tmp}/dossier-graph-bench-$N-$M}
mkdir -p "$WORK"
STORE=$WORK/graph.db

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
peak_mib() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1" 2>/dev/null || echo "?"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "dossier link-analysis benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load average $(load)"
echo "peers: python-igraph $("$PY" -c 'import igraph; print(igraph.__version__)'), networkx $("$PY" -c 'import networkx; print(networkx.__version__)' 2>/dev/null || echo absent)"
echo "graph: $N entities, $M ties, seed $SEED; $SOURCES sources, $PAIRS pairs, betweenness on the first $BETWEENNESS_NODES nodes, $THREADS threads"
echo "work dir: $WORK"
echo

# 1. Data.
FILES="graph.csv edges.txt visible.txt ids.txt graph-sources.toml"
STAMP="$N $M $SEED"
if [ -n "${DATA:-}" ]; then
  for f in $FILES; do
    [ -e "$DATA/$f" ] || { echo "DATA=$DATA has no $f" >&2; exit 2; }
    ln -sf "$(cd "$DATA" && pwd)/$f" "$WORK/$f"
  done
  echo "$STAMP" > "$WORK/data.stamp"
  echo "== data: taken from $DATA (assumed to be $N entities, $M ties, seed $SEED)"
elif [ -f "$WORK/data.stamp" ] && [ "$(cat "$WORK/data.stamp")" = "$STAMP" ] &&
     (cd "$WORK" && ls $FILES >/dev/null 2>&1); then
  echo "== data: reused from $WORK"
else
  rm -f "$WORK/data.stamp"
  t0=$(now)
  "$GEN" --entities "$N" --ties "$M" --seed "$SEED" --out "$WORK/graph.csv" --edges "$WORK/edges.txt" \
    --visible-edges "$WORK/visible.txt" --ids "$WORK/ids.txt" --sources "$WORK/graph-sources.toml" 2>"$WORK/generate.txt"
  echo "$STAMP" > "$WORK/data.stamp"
  printf '== data: generated in %.1f s (not counted)\n' "$(since "$t0")"
  grep -v '^  ' "$WORK/generate.txt" | sed 's/^/   /'
fi
echo "   CSV $(du -Dh "$WORK/graph.csv" | cut -f1), $(wc -l < "$WORK/edges.txt") ties, $(wc -l < "$WORK/visible.txt") visible to baltic"

# 2. A fresh store.
rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE-journal"
D=("$DOSSIER" --store "$STORE")
"${D[@]}" init >/dev/null
"${D[@]}" ingest --format sources "$WORK/graph-sources.toml" >"$WORK/ingest-sources.txt" 2>&1
ROWS=$(($(wc -l < "$WORK/graph.csv") - 1))
# One `dossier ingest` that meets more than 4M distinct entity ids never ends:
# the writer then calls IdTable::Clear() (src/store/id_table.h), whose
# Rehash(kInitialSlots) puts every old slot back into a 65536-slot table, and
# Place() probes forever for a free slot. At 1M entities / 5M ties (6M ids) the
# CSV is therefore ingested in files of INGEST_CHUNK_ROWS rows (at most ~3.6
# distinct ids per 3 rows), one `dossier ingest` each; 0 ingests it whole.
CHUNK_ROWS=${INGEST_CHUNK_ROWS:-3000000}
INPUTS=("$WORK/graph.csv")
if [ "$CHUNK_ROWS" -gt 0 ] && [ "$ROWS" -gt "$CHUNK_ROWS" ]; then
  rm -rf "$WORK/chunks"; mkdir -p "$WORK/chunks"
  t0=$(now)
  HEADER=$(head -n 1 "$WORK/graph.csv") && export HEADER
  tail -n +2 "$WORK/graph.csv" | split -l "$CHUNK_ROWS" -d -a 3 --filter='{ printf "%s\n" "$HEADER"; cat; } > "$FILE.csv"' - "$WORK/chunks/part-"
  INPUTS=("$WORK"/chunks/part-*.csv)
  printf '== ingest in %d files of %s rows (split in %.1f s, not counted): one ingest of more than 4M ids hangs (IdTable::Clear)\n' \
    "${#INPUTS[@]}" "$CHUNK_ROWS" "$(since "$t0")"
fi
echo "== ingest (load average $(load))"
INGEST_S=0
PEAK=0
for input in "${INPUTS[@]}"; do
  t0=$(now)
  /usr/bin/time -v -o "$WORK/time-ingest.txt" "${D[@]}" ingest --format statements "$input" >>"$WORK/ingest.txt" 2>&1
  INGEST_S=$(echo "$INGEST_S + $(since "$t0")" | bc)
  p=$(peak_mib "$WORK/time-ingest.txt"); [ "$p" -gt "$PEAK" ] && PEAK=$p
done
rm -rf "$WORK/chunks"
printf '   %s statement rows in %.1f s = %.0f rows/s, peak RSS %s MiB; store %s\n' "$ROWS" "$INGEST_S" \
  "$(echo "$ROWS / $INGEST_S" | bc -l)" "$PEAK" "$(du -h "$STORE" | cut -f1)"
echo "RESULT engine=dossier op=ingest rows=$ROWS files=${#INPUTS[@]} seconds=$INGEST_S peak_rss_mb=$PEAK store_bytes=$(stat -c %s "$STORE")"
"${D[@]}" principals add-org WESTINT --country DEU >/dev/null
"${D[@]}" principals add-org BALTSEC --country EST >/dev/null
"${D[@]}" principals add-user analyst --org WESTINT --clearance "TOP SECRET" --role admin >/dev/null
"${D[@]}" --as analyst principals add-user baltic --org BALTSEC --clearance SECRET >/dev/null
[ "${CLEAN_DATA:-0}" = 1 ] && rm -f "$WORK/graph.csv"

# 3. The peers.
if [ "$M" -gt "$NX_MAX_TIES" ]; then
  NX=(--no-networkx); NX_NOTE="(networkx left out above $NX_MAX_TIES ties)"
else
  NX=(--networkx-cap "$NX_CAP"); NX_NOTE="and networkx, capped at $NX_CAP s per operation"
fi
echo
echo "== peers: igraph $NX_NOTE (load average $(load))"
STATUS=0
"$PY" "$ROOT/bench/graph_peers.py" "$WORK/edges.txt" --nodes "$N" --sources "$SOURCES" --pairs "$WORK/pairs.txt" \
  --make-pairs "$PAIRS" --seed "$SEED" --betweenness-nodes "$BETWEENNESS_NODES" --answers "$WORK/answers.json" \
  "${NX[@]}" >"$WORK/peers.out" 2>"$WORK/peers.err" || STATUS=$?
sed 's/^/   /' "$WORK/peers.out"; sed 's/^/   /' "$WORK/peers.err"
[ -f "$WORK/answers.json" ] || { echo "graph_peers.py wrote no answers" >&2; exit 1; }
echo "   igraph on baltic's edges (the same sources and pairs):"
"$PY" "$ROOT/bench/graph_peers.py" "$WORK/visible.txt" --nodes "$N" --sources "$SOURCES" --pairs "$WORK/pairs.txt" \
  --seed "$SEED" --no-betweenness --no-networkx --answers "$WORK/answers-visible.json" \
  >"$WORK/peers-visible.out" 2>"$WORK/peers-visible.err" || STATUS=$?
sed 's/^/   /' "$WORK/peers-visible.out"

# 4. dossier, as each reader.
echo
echo "== dossier as analyst (load average $(load))"
"$BENCH" --store "$STORE" --as analyst --ids "$WORK/ids.txt" --answers "$WORK/answers.json" --peers "$WORK/peers.out" \
  --edges "$WORK/edges.txt" --betweenness-nodes "$BETWEENNESS_NODES" --threads "$THREADS" --repeat "$REPEAT" \
  | tee "$WORK/analyst.out" || STATUS=1
echo
echo "== dossier as baltic (load average $(load))"
"$BENCH" --store "$STORE" --as baltic --ids "$WORK/ids.txt" --answers "$WORK/answers.json" \
  --visible-answers "$WORK/answers-visible.json" --peers "$WORK/peers-visible.out" --threads "$THREADS" \
  --repeat "$REPEAT" --no-breakdown | tee "$WORK/baltic.out" || STATUS=1

echo
echo "== done $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(load); store kept at $STORE"
[ "$STATUS" -eq 0 ] || echo "SOME CHECKS FAILED (status $STATUS): see MISMATCH lines above"
exit "$STATUS"

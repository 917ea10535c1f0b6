#!/usr/bin/env bash
# The matching benchmark and its peer, in one run:
#   1. dossier_bench_match synthetic: generates N entities and Q queries, writes
#      them as CSV, builds the candidate index and measures it;
#   2. PostgreSQL 15 with pg_trgm on the same names and queries: a throwaway
#      cluster (initdb into a temp dir, listening on 127.0.0.1 only, on a free
#      port), COPY of the names, a GIN trigram index, then every query as
#        SELECT entity FROM names WHERE name % q [AND class] GROUP BY entity
#        ORDER BY max(similarity(name, q)) DESC LIMIT 10
#      in one backend (one core), timed;
#   3. recall@10 and queries/s side by side, and the ratio;
#   4. dossier_bench_match sanctions on the OFAC SDN and UN lists.
#
# Usage: bench/run_match_bench.sh [build-dir] [entities] [queries] [pg-queries]
#   defaults: build-index 1000000 20000 2000
# PostgreSQL is a benchmark-only dependency: scripts/install-deps.sh --bench.
# Run as root, the cluster runs as user postgres (initdb refuses root).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build-index}
N=${2:-1000000}
Q=${3:-20000}
PGQ=${4:-2000}
THREADS=${THREADS:-2}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
BENCH=$BUILD/bench/dossier_bench_match

[ -x "$BENCH" ] || { echo "build $BENCH first (ninja -C $BUILD dossier_bench_match)"; exit 2; }
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 not found in $PGBIN: scripts/install-deps.sh --bench"; exit 2; }

WORK=$(mktemp -d /tmp/dossier-match-bench.XXXXXX)
chmod 755 "$WORK"
PGDATA=$WORK/pgdata
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then RUNAS=(runuser -u postgres --); fi
cleanup() {
  if [ -f "$PGDATA/postmaster.pid" ]; then "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== dossier: $N entities, $Q queries, $THREADS threads"
"$BENCH" synthetic --entities "$N" --queries "$Q" --threads "$THREADS" --xref "${XREF:-100000}" --csv "$WORK/csv" | tee "$WORK/dossier.out"
chmod -R a+rX "$WORK/csv"

# A free port on loopback.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 54329)
mkdir -p "$PGDATA"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA" "$WORK"
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U bench --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=1GB -c fsync=off -c max_parallel_workers_per_gather=0" start >/dev/null
PSQL=("${RUNAS[@]}" "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U bench -d postgres -v ON_ERROR_STOP=1 -q -At)

head -n "$PGQ" "$WORK/csv/queries.csv" > "$WORK/csv/pg_queries.csv"
T0=$(date +%s.%N)
"${PSQL[@]}" <<SQL
CREATE EXTENSION pg_trgm;
CREATE TABLE names (entity int NOT NULL, class char(1) NOT NULL, name text NOT NULL);
CREATE TABLE queries (qid int PRIMARY KEY, entity int, kind text, class char(1), text text);
\copy names FROM '$WORK/csv/names.csv' WITH (FORMAT csv)
\copy queries FROM '$WORK/csv/pg_queries.csv' WITH (FORMAT csv)
CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops);
ANALYZE names;
SQL
T1=$(date +%s.%N)
echo "== pg_trgm: loaded and indexed $(wc -l < "$WORK/csv/names.csv") names in $(echo "$T1 - $T0" | bc) s"

# Every query in one backend: one core, like a per-core figure.
T0=$(date +%s.%N)
"${PSQL[@]}" -F, > "$WORK/pg_results.csv" <<'SQL'
SELECT q.qid, r.entity
FROM queries q
CROSS JOIN LATERAL (
  SELECT n.entity
  FROM names n
  WHERE n.name % q.text
    AND (q.class = 'L' AND n.class IN ('P', 'O') OR n.class = q.class)
  GROUP BY n.entity
  ORDER BY max(similarity(n.name, q.text)) DESC, n.entity
  LIMIT 10) r;
SQL
T1=$(date +%s.%N)
PG_SECONDS=$(echo "$T1 - $T0" | bc)

# Recall@10 (overall and by kind) of the pg answers.
awk -F, 'NR==FNR { want[$1] = $2; kind[$1] = $3; n[$3]++; total++; next }
         ($1 in want) && want[$1] == $2 && !hit[$1]++ { found[kind[$1]]++; all++ }
         END { for (k in n) printf "pg %-10s %6d queries  recall@10 %.4f\n", k, n[k], found[k] / n[k];
               printf "PGRECALL %.4f %d\n", all / total, total }' \
  "$WORK/csv/pg_queries.csv" "$WORK/pg_results.csv" | sort > "$WORK/pg.out"
grep -v PGRECALL "$WORK/pg.out"
PG_RECALL=$(awk '/PGRECALL/ { print $2 }' "$WORK/pg.out")
PG_QPS=$(echo "scale=1; $PGQ / $PG_SECONDS" | bc)

# The same first PGQ queries through dossier, on one thread, for a like-for-like recall.
DOSSIER_LINE=$(grep '^RESULT ' "$WORK/dossier.out")
val() { echo "$DOSSIER_LINE" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
D_RECALL=$(val recall10)
D_QPS_CORE=$(val qps_per_core)

echo
echo "== side by side ($N entities; dossier over $Q queries, pg_trgm over the first $PGQ of them)"
printf "%-28s %12s %16s\n" "engine" "recall@10" "queries/s/core"
printf "%-28s %12s %16s\n" "dossier (index + scorer)" "$D_RECALL" "$D_QPS_CORE"
printf "%-28s %12s %16s\n" "PostgreSQL 15 pg_trgm GIN" "$PG_RECALL" "$PG_QPS"
if [ "$(echo "$PG_RECALL > 0" | bc -l)" -eq 1 ]; then RRATIO="$(echo "scale=2; $D_RECALL / $PG_RECALL" | bc -l)x"; else RRATIO="n/a (pg recall 0)"; fi
echo "ratio (dossier / pg_trgm): recall $RRATIO, speed $(echo "scale=1; $D_QPS_CORE / $PG_QPS" | bc -l)x"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -f /work/shared/data/sanctions/us_ofac_sdn/sdn.csv ] || [ -n "${OFAC:-}" ]; then
  echo
  echo "== sanctions lists"
  "$BENCH" sanctions --ofac "${OFAC:-/work/shared/data/sanctions/us_ofac_sdn/sdn.csv}" \
                     --un "${UN:-/work/shared/data/sanctions/un_sc/consolidated.xml}"
fi

#!/usr/bin/env bash
# The server under load (issue 6), with wrk from Debian, on one machine: a store
# of SIZE generated statements (5M: about 1.1M entities; bench/generate_statements.cc),
# one user (WESTINT, TOP SECRET) whose API token every request carries, so each
# answer goes through the visibility rule.
#   1. entity fetch: GET /api/entities/{id}, ids at random from 10,000 persons and
#      companies; target >= 5,000 requests/s with p99 <= 20 ms;
#   2. screening: POST /match/default, one query a request, names from the store,
#      half of them misspelt; target p99 <= 10 ms, measured with MATCH_CONNECTIONS (4)
#      clients at once (with 16, the same throughput queues: reported too);
#   3. a 60 s soak, four fetches to one screening: no errors, flat memory (the
#      server's RSS every 5 s).
# The peer in the same run: Python's standard HTTP server over the same SQLite
# file (bench/server/peer_server.py), for the entity fetch. wrk and the server
# share the machine's cores, as a client on the same box would.
#
# Usage: bench/run_server_bench.sh [BUILD_DIR]      (default: build)
# Environment: SIZE=5000000 SEED=20240601 DURATION=20 SOAK=60 CONNECTIONS=16 THREADS=16
set -euo pipefail

BUILD=${1:-build}
SIZE=${SIZE:-5000000}
SEED=${SEED:-20240601}
DURATION=${DURATION:-20}
SOAK=${SOAK:-60}
CONNECTIONS=${CONNECTIONS:-16}
MATCH_CONNECTIONS=${MATCH_CONNECTIONS:-4}
THREADS=${THREADS:-16}
HERE=$(cd "$(dirname "$0")" && pwd)
GEN=$BUILD/bench/dossier_bench_generate
D=$BUILD/dossier
for tool in "$GEN" "$D"; do [[ -x $tool ]] || { echo "missing $tool: build it first" >&2; exit 2; }; done
command -v wrk >/dev/null || { echo "wrk is needed (scripts/install-deps.sh installs it)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-server-bench.XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 600); do curl -sf -o /dev/null -H "Authorization: Bearer ${2:-}" "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
now() { date +%s.%N; }
rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

echo "dossier server benchmark  $(date -u)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $BUILD   statements: $SIZE   seed: $SEED   wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s   server threads: $THREADS"

csv=$WORK/statements.csv
"$GEN" --statements "$SIZE" --seed "$SEED" --out "$csv" 2>/dev/null
store=$WORK/s.db
"$D" --store "$store" init >/dev/null
"$D" --store "$store" principals add-org WESTINT --country DEU >/dev/null
"$D" --store "$store" principals add-user analyst --org WESTINT --clearance "TOP SECRET" --role admin >/dev/null
t=$(now)
"$D" --store "$store" --as analyst ingest --format statements "$csv" >/dev/null
printf 'ingest: %.1f s (not counted)\n' "$(echo "$(now) - $t" | bc)"
token=$("$D" --store "$store" --as analyst --json principals token analyst | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
entities=$("$D" --store "$store" --as analyst --json stats | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["entities"])')
awk -F, 'NR > 1 && ($2 == "Person" || $2 == "Company") {print $1}' "$csv" | sort -u | shuf -n 10000 --random-source=<(yes) >"$WORK/ids"
awk -F, 'NR > 1 && $2 == "Person" && $3 == "name" && $6 == "" {print $4}' "$csv" | shuf -n 5000 --random-source=<(yes) >"$WORK/names"
echo "entities: $entities"

port=$(free_port)
t=$(now)
"$D" --store "$store" serve --listen "127.0.0.1:$port" --threads "$THREADS" 2>"$WORK/serve.err" &
server=$!
PIDS+=("$server")
wait_for "http://127.0.0.1:$port/api/me" "$token"
printf 'server start (graph built): %.1f s, RSS %d MB\n' "$(echo "$(now) - $t" | bc)" "$(rss_mb $server)"
t=$(now)
curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"queries":{"q":{"schema":"Person","properties":{"name":["warm up"]}}}}' "http://127.0.0.1:$port/match/default"
printf 'first /match (the reader'"'"'s match corpus built): %.1f s, RSS %d MB\n\n' "$(echo "$(now) - $t" | bc)" "$(rss_mb $server)"

# wrk's summary as one line: requests/s, p50, p99, errors.
run_wrk() {
  local label=$1 script=$2 url=$3 duration=$4 connections=${5:-$CONNECTIONS}
  IDS=$WORK/ids NAMES=$WORK/names TOKEN=$token PEER=${PEER:-0} \
    wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$script" "$url" >"$WORK/wrk.out" 2>&1
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")
  errors=$(awk '/Socket errors/ {print $0}' "$WORK/wrk.out")
  printf '%-52s %10s req/s   p50 %-9s p99 %-9s non-2xx %s %s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors}"
}

run_wrk "dossier GET /api/entities/{id}, $CONNECTIONS clients" "$HERE/server/entity.lua" "http://127.0.0.1:$port" "$DURATION"
run_wrk "dossier POST /match (1 query), $MATCH_CONNECTIONS clients" "$HERE/server/match.lua" "http://127.0.0.1:$port" "$DURATION" "$MATCH_CONNECTIONS"
run_wrk "dossier POST /match (1 query), $CONNECTIONS clients" "$HERE/server/match.lua" "http://127.0.0.1:$port" "$DURATION"

echo
echo "soak: ${SOAK}s, 4 fetches : 1 screening; server RSS (MB) every 5 s:"
IDS=$WORK/ids NAMES=$WORK/names TOKEN=$token wrk -t2 -c"$CONNECTIONS" -d"${SOAK}s" --latency -s "$HERE/server/soak.lua" \
  "http://127.0.0.1:$port" >"$WORK/soak.out" 2>&1 &
soak=$!
samples=""
while kill -0 "$soak" 2>/dev/null; do samples+="$(rss_mb $server) "; sleep 5; done
echo "  $samples"
awk '/Requests\/sec|Non-2xx|Socket errors|requests in/ {print "  " $0}' "$WORK/soak.out"
awk '$1 == "99%" {print "  p99 " $2}' "$WORK/soak.out"
kill -0 "$server" && echo "  server still up"

echo
port2=$(free_port)
/usr/bin/python3 "$HERE/server/peer_server.py" "$store" "$port2" &
PIDS+=("$!")
wait_for "http://127.0.0.1:$port2/entity/$(head -1 "$WORK/ids")"
PEER=1 run_wrk "peer: Python http.server + sqlite3, $CONNECTIONS clients" "$HERE/server/entity.lua" "http://127.0.0.1:$port2" "$DURATION"

#!/usr/bin/env bash
# Installs everything dossier needs to build, test and benchmark on Debian 12.
# Idempotent: packages already present are left alone, so a second run costs one dpkg query.
# This script is the only place anything gets installed.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3          # the store, and the sqlite3 CLI as the benchmark floor
  libicu-dev                      # transliteration, case folding, country names
  libfmt-dev                      # formatting (g++ 12 has no <format>)
  nlohmann-json3-dev              # JSON in and out
  libcli11-dev                    # command line
  libsodium-dev                   # BLAKE2b statement ids (and signatures later)
  libtomlplusplus-dev             # CSV mapping files
  libpugixml-dev                  # UN consolidated list XML
  libgtest-dev libgmock-dev librapidcheck-dev   # tests
  libbenchmark-dev time           # benchmarks, peak memory
  python3-igraph python3-networkx # link analysis is cross-checked against both (tests, run by /usr/bin/python3)
  graphviz                        # the DOT export is checked by Graphviz itself
)

# Optional, with --bench: the peer of the matching benchmark (bench/run_match_bench.sh
# runs PostgreSQL 15 with pg_trgm in a throwaway cluster). Not needed to build or test;
# CI does not install it. (Debian's package also sets up a default cluster, unused here.)
BENCH_PACKAGES=(
  postgresql-15 postgresql-contrib bc   # pg_trgm peer; bc for the script's arithmetic
)
for arg in "$@"; do
  case "$arg" in
    --bench) PACKAGES+=("${BENCH_PACKAGES[@]}") ;;
    *) echo "usage: $0 [--bench]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

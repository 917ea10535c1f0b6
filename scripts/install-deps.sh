#!/usr/bin/env bash
# Installs everything dossier needs to build, test and benchmark on Debian 12.
# Idempotent: packages already present are left alone, so a second run costs one dpkg query.
# This script is the only place anything gets installed.
set -euo pipefail
cd "$(dirname "$0")/.."

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
  libcpp-httplib-dev              # `dossier serve`: the HTTP server (and the client in API tests)
  chromium                        # the web page's browser tests (driven by playwright-core from web/)
  wrk                             # HTTP load generator: bench/run_server_bench.sh
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
else
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The web page (web/): its npm packages, exactly as web/package-lock.json pins them.
# Node.js 20 comes with the machine; Debian 12's own nodejs (18) is too old for Vite 8.
if [ -f web/package-lock.json ]; then
  if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "install-deps: the web page needs Node.js 20 or later (found: $(node --version 2>/dev/null || echo none))" >&2
    exit 1
  fi
  if [ ! -f web/node_modules/.package-lock.json ] || ! cmp -s web/package-lock.json web/node_modules/.lock-installed; then
    echo "install-deps: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.lock-installed)
  fi
fi

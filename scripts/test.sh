#!/usr/bin/env bash
# Builds and runs every test: once in a normal build, once under
# AddressSanitizer and UndefinedBehaviorSanitizer; and the web page's tests,
# in a real browser, against the server of the normal build. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
jobs="$(nproc)"

echo "== build (RelWithDebInfo) =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build -j "$jobs"
echo "== tests =="
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== web page: build, unit tests, browser tests (Debian's chromium) =="
(cd web && npm run build && DOSSIER_BIN=../build/dossier npm test)

echo "== build (ASan + UBSan) =="
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_SANITIZE=ON -DDOSSIER_BENCH=OFF >/dev/null
ninja -C build-asan -j "$jobs"
echo "== tests under sanitizers =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

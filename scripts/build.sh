#!/usr/bin/env bash
# Configures and builds dossier into build/ (Release with debug info), and the
# web page into web/dist.
# Usage: scripts/build.sh [extra cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C build -j "$(nproc)"
# The web page `dossier serve` serves (web/dist).
(cd web && npm run build --silent >/dev/null)

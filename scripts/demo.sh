#!/usr/bin/env bash
# The main job: install what is missing, build, and run `dossier demo`, which
# makes a fresh store from the shipped sample and prints the findings twice.
# Usage: scripts/demo.sh [dossier demo options]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
exec ./build/dossier demo "$@"

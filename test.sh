#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. Exit status is the tests'.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh test
cmake --preset release >/dev/null
cmake --build --preset release -- -j2
ctest --preset release -j2

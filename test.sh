#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test twice: the Release build, then the
# same suite built with AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer on).
# Exit status is the tests'. DT_SANITIZERS=0 skips the second run (a quicker local check).
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh test
cmake --preset release >/dev/null
cmake --build --preset release -- -j2
ctest --preset release -j2
# Server mode: the service, report and server tests again against PostgreSQL, in a throwaway
# cluster that pg_virtualenv starts and removes (nothing stays running). If PostgreSQL cannot
# start, the run fails.
echo "== The service, report and server tests against PostgreSQL (pg_virtualenv) =="
scripts/pg_tests.sh build/release
if [ "${DT_SANITIZERS:-1}" != 0 ]; then
  echo "== The same tests under AddressSanitizer + UndefinedBehaviorSanitizer =="
  cmake --preset asan >/dev/null
  cmake --build --preset asan -- -j2
  ctest --preset asan -j2
fi

#!/usr/bin/env bash
# Runs the tests that take DT_TEST_PG (service, report, store/pg_server: dtrack_service_tests; the
# GUI on a server, ui/server_*: dtrack_gui_tests) against a throwaway
# PostgreSQL cluster made by Debian's pg_virtualenv (postgresql-common), which sets PGHOST,
# PGPORT, PGUSER and PGPASSWORD for it and stops and removes it afterwards.
# Usage: scripts/pg_tests.sh BUILD_DIR [doctest options]
set -euo pipefail
build=${1:?usage: scripts/pg_tests.sh BUILD_DIR}
shift
command -v pg_virtualenv >/dev/null || { echo "pg_virtualenv is missing: scripts/deps.sh test installs postgresql" >&2; exit 1; }
service=$(realpath "$build/dtrack_service_tests")
gui=$(realpath "$build/dtrack_gui_tests")
# As root, pg_virtualenv runs the cluster as the postgres user: the tests' temporary files must be theirs to read.
exec pg_virtualenv -- sh -c '
  set -e
  test -n "$PGPORT" && pg_isready -q || { echo "PostgreSQL did not start" >&2; exit 1; }
  export DT_TEST_PG="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/postgres"
  service=$1 gui=$2
  shift 2
  cd "$(dirname "$service")"
  "$service" -sf="*service/*,*report/*,*store/pg_server*" "$@"
  # The GUI on a server: sign-in, other clients commits, a lost connection (headless, no display).
  "$gui" -sf="*ui/server_*" "$@"
' sh "$service" "$gui" "$@"

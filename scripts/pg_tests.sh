#!/usr/bin/env bash
# Runs the tests that take DT_TEST_PG against a throwaway PostgreSQL cluster made by Debian's
# pg_virtualenv (postgresql-common), which sets PGHOST, PGPORT, PGUSER, PGPASSWORD and PGVERSION
# for it and stops and removes it afterwards:
#   dtrack_service_tests: service/, report/, store/pg_server* (the service on PostgreSQL);
#   dtrack_gui_tests:     ui/server_* (the GUI on a server: sign-in, other clients' commits,
#                         a lost connection; headless).
#   dtrack_cli_tests:     cli/server_* (dtrack itself: sign-in, viewers, processes, the server
#                         stopped and started, migrate, backup and restore).
# A test that says "SKIPPED (nothing was checked)" here is a failure: this pass must check them all.
# Usage: scripts/pg_tests.sh BUILD_DIR [doctest options]
set -euo pipefail
build=${1:?usage: scripts/pg_tests.sh BUILD_DIR}
shift
command -v pg_virtualenv >/dev/null || { echo "pg_virtualenv is missing: scripts/deps.sh test installs postgresql" >&2; exit 1; }
build=$(realpath "$build")
# As root, pg_virtualenv's cluster is the machine's NN/regress, one at a time: on a machine that
# several test runs share, wait (up to 15 minutes) while another run holds it.
if [ "$(id -u)" = 0 ]; then
  for _ in $(seq 180); do
    ls -d /etc/postgresql/*/regress >/dev/null 2>&1 || break
    echo "pg_tests.sh: another pg_virtualenv cluster (regress) is running; waiting" >&2
    sleep 5
  done
fi
# As root, pg_virtualenv runs the cluster as the postgres user: the tests' temporary files must be theirs to read.
exec pg_virtualenv -- bash -c '
  set -eo pipefail
  test -n "$PGPORT" && pg_isready -q || { echo "PostgreSQL did not start" >&2; exit 1; }
  export DT_TEST_PG="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/postgres"
  # The cluster the "server stopped" test may stop and start (pg_virtualenv names it regress).
  export DT_TEST_PG_CLUSTER="$PGVERSION regress"
  build=$1; shift
  cd "$build"
  log=$(mktemp)
  status=0
  ./dtrack_service_tests -sf="*service/*,*report/*,*store/pg_server*" "$@" 2>&1 | tee "$log" || status=1
  ./dtrack_cli_tests -sf="*cli/server_*" "$@" 2>&1 | tee -a "$log" || status=1
  ./dtrack_gui_tests -sf="*ui/server_*" "$@" 2>&1 | tee -a "$log" || status=1
  if grep -q "SKIPPED (nothing was checked)" "$log"; then
    echo "pg_tests.sh: a server test was skipped in the PostgreSQL pass" >&2
    status=1
  fi
  rm -f "$log"
  exit $status
' bash "$build" "$@"

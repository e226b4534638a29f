#!/usr/bin/env bash
# Installs what is missing, builds (Release), creates the default database on first start,
# then starts Directive Tracker. Arguments are passed on (e.g. --db PATH).
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh build
cmake --preset release >/dev/null
cmake --build --preset release --target dtrack -- -j2

db_args=()
if [ "${1:-}" = "--db" ] && [ -n "${2:-}" ]; then db_args=(--db "$2"); fi
dtrack=build/release/dtrack
db=$("$dtrack" "${db_args[@]}" where 2>/dev/null || true)
if [ -z "$db" ] || [ ! -f "$db" ]; then
  "$dtrack" "${db_args[@]}" init
fi
# Until the desktop application lands, show the directive's state on the command line.
exec "$dtrack" "${db_args[@]}" summary

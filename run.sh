#!/usr/bin/env bash
# Installs what is missing, builds (Release), creates the default database on first start
# (seeded with the Cao Bằng agencies and Chỉ thị 07/CT-UBND), then starts the desktop
# application. Arguments go to the application, e.g. ./run.sh --user admin --lang en
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh gui
cmake --preset release >/dev/null
cmake --build --preset release --target dtrack directive-tracker -- -j2

db_args=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--db" ] && [ $((i + 1)) -lt ${#args[@]} ]; then db_args=(--db "${args[$((i + 1))]}"); fi
done
db=$(build/release/dtrack "${db_args[@]}" where)
if [ ! -f "$db" ]; then
  build/release/dtrack "${db_args[@]}" init
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: here is the directive's summary from the command line (build/release/dtrack)." >&2
  exec build/release/dtrack "${db_args[@]}" summary
fi
exec build/release/directive-tracker "$@"

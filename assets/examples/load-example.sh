#!/usr/bin/env bash
# Loads the fictitious disbursement example into a database, through dtrack like any user.
# Usage: DTRACK_PASSWORD=… assets/examples/load-example.sh DB ADMIN_USER
# The investors and projects are invented ("giả định"): they are not real figures of Cao Bằng.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=${1:?database path}
user=${2:?administrator user name}
# $DTRACK, else the build tree's dtrack (a checkout), else the installed one
# (/usr/share/directive-tracker/examples → /usr/bin/dtrack).
dtrack=${DTRACK:-$here/../../build/release/dtrack}
if [ -z "${DTRACK:-}" ] && [ ! -x "$dtrack" ]; then dtrack=$(command -v dtrack || echo "$here/../../../bin/dtrack"); fi
run() { "$dtrack" --db "$db" --user "$user" "$@" >/dev/null; }
tail -n +2 "$here/investors.csv" | while IFS=, read -r name agency; do
  if [ -n "$agency" ]; then run invest investor add "$name" --agency "$agency"; else run invest investor add "$name"; fi
done
tail -n +2 "$here/projects.csv" | while IFS=, read -r code investor name year source assigned total; do
  run invest project add "$code" --investor "$investor" --name "$name" --year "$year" \
    --plan-assigned "$assigned" --plan-total "$total" --source "$source"
done
"$dtrack" --db "$db" --user "$user" invest import "$here/entries.csv"

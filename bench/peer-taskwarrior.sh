#!/usr/bin/env bash
# The peer run of docs/PERFORMANCE.md: the same N tasks (default 10,000) in dtrack and in
# Taskwarrior 2.6, the same three questions asked of both and timed by hyperfine in one run.
# Prints each pair, its ratio (Taskwarrior's median ÷ dtrack's), and last `ratio min: X`.
#
#   scripts/deps.sh bench && cmake --preset release && cmake --build --preset release
#   bench/peer-taskwarrior.sh [N]            # DTRACK_BUILD=folder of dtrack and dtrack-bench
#
# dtrack runs as a signed-in user (admin) through a session: `dtrack login` checks the
# password once, then every timed command presents the session token instead.
set -euo pipefail

n=${1:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DTRACK_BUILD:-$root/build/release}
dtrack=$build/dtrack
bench=$build/dtrack-bench
for tool in task hyperfine; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/deps.sh bench" >&2; exit 1; }
done
[ -x "$dtrack" ] && [ -x "$bench" ] || { echo "No $dtrack or $bench: build first (Release)" >&2; exit 1; }

work=$(mktemp -d /tmp/dtrack-peer-XXXXXX)
trap 'rm -rf "$work"' EXIT
db=$work/province.db
password=${DTRACK_PASSWORD:-bench-password}
unset DTRACK_PASSWORD

echo "Generating $n tasks (assignments) with dtrack-bench ..."
DTRACK_PASSWORD=$password "$bench" generate --out "$db" --assignments "$n" --quiet >/dev/null

# Taskwarrior: its own configuration and data, in the temporary folder.
export TASKRC=$work/taskrc TASKDATA=$work/task
mkdir -p "$TASKDATA"
cat >"$TASKRC" <<EOF
data.location=$TASKDATA
confirmation=off
verbose=nothing
hooks=off
color=off
news.version=$(task --version)
EOF
"$bench" export-taskwarrior --db "$db" --out "$work/tasks.json"
task import "$work/tasks.json" >/dev/null 2>&1
echo "Taskwarrior $(task --version): $(task count) tasks imported (one per assignment: description = title," \
     "project = agency, due, done = completed)."

# dtrack: sign in once; from here on no password is given, so each command uses the session.
export XDG_RUNTIME_DIR=$work/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
DTRACK_PASSWORD=$password "$dtrack" --db "$db" --user admin login >"$work/login.txt"
d="$dtrack --db $db --user admin"
if ! $d list --bucket open_overdue </dev/null >/dev/null; then
  echo "The session was not accepted: dtrack would ask for a password." >&2
  exit 1
fi
echo "dtrack runs as admin through a session ($(sed -n 's/^Session file: \(.*\) (mode 0600)\.$/\1/p' "$work/login.txt")): no password is asked or checked."

# The three questions, and how many rows each tool answers (they should agree).
q1_d="$d list --bucket open_overdue </dev/null | tail -n 1"
q1_t="task +OVERDUE count"
q2_d="$d list --search 'giải ngân' </dev/null"
q2_t="task '/giải ngân/' list"
q3_d="$d list --agency 'Sở Tài chính' </dev/null | grep -v ' done '"
q3_t="task project:stc list"
last_count() { sed -n 's/^\([0-9]*\) assignment(s)$/\1/p' | tail -n 1; }
c1_d=$($d list --bucket open_overdue </dev/null | last_count)
c1_t=$(task +OVERDUE count)
c2_d=$($d list --search 'giải ngân' </dev/null | last_count)
c2_t=$(task '/giải ngân/' count)
c3_all=$($d list --agency 'Sở Tài chính' </dev/null | last_count)
c3_done=$($d list --agency 'Sở Tài chính' --status done </dev/null | last_count)
c3_t=$(task project:stc status:pending count)
echo "Answers: overdue $c1_d (dtrack) / $c1_t (Taskwarrior); matching 'giải ngân' $c2_d / $c2_t;" \
     "open tasks of Sở Tài chính $((c3_all - c3_done)) / $c3_t."
echo "(dtrack's list has no 'open' filter: it lists the agency's assignments and grep drops the done ones.)"

echo "Timing with hyperfine (3 warm-up runs, 20 runs each; output read through a pipe) ..."
hyperfine --style basic --output=pipe --warmup 3 --runs 20 --export-csv "$work/times.csv" \
  -n "dtrack count overdue" "$q1_d" -n "task count overdue" "$q1_t" \
  -n "dtrack list matching a word" "$q2_d" -n "task list matching a word" "$q2_t" \
  -n "dtrack one agency's open tasks" "$q3_d" -n "task one agency's open tasks" "$q3_t" \
  -n "dtrack word search with the password" "DTRACK_PASSWORD='$password' $q2_d" \
  >"$work/hyperfine.txt" || { cat "$work/hyperfine.txt" >&2; exit 1; }

echo
awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) if ($i == "median") col = i; next }
  { name[NR] = $1; median[NR] = $col * 1000 }
  END {
    min = -1
    for (r = 2; r <= 7; r += 2) {
      what = name[r]; sub(/^dtrack /, "", what)
      ratio = median[r + 1] / median[r]
      printf "%-24s dtrack %8.1f ms   Taskwarrior %8.1f ms   ratio %5.1f\n", what, median[r], median[r + 1], ratio
      if (min < 0 || ratio < min) min = ratio
    }
    printf "(the word search signing in with the password instead of the session: %.1f ms)\n", median[8]
    printf "ratio min: %.1f\n", min
  }' "$work/times.csv" >"$work/pairs.txt"
"$dtrack" --db "$db" logout >/dev/null
cat "$work/pairs.txt"

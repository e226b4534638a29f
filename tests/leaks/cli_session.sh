#!/usr/bin/env bash
# The CLI's main commands, one after the other on a new database, each under a leak checker.
# Usage: tests/leaks/cli_session.sh lsan|valgrind DTRACK_EXE [OUT_DIR]
#   lsan:     DTRACK_EXE is a -fsanitize=address build (the asan preset); LeakSanitizer is on,
#             with tests/lsan.supp (system libraries only).
#   valgrind: DTRACK_EXE is any build (Release); valgrind --leak-check=full (following `report`
#             into dtrack-report, which dtrack execs), with
#             tests/valgrind.supp (fontconfig's and pango's font caches only) and GLib's own.
# Prints one line per command (exit status, leaks) and a total; exits 1 when anything leaked
# or a command that should succeed did not.
set -uo pipefail

mode=${1:?lsan or valgrind}
exe=${2:?path to dtrack}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${3:-$(mktemp -d /tmp/dtrack-leaks-XXXXXX)}
mkdir -p "$out"
work=$(mktemp -d /tmp/dtrack-leaks-work-XXXXXX)
trap 'rm -rf "$work"' EXIT

# Nothing of the user's own: configuration, data and the session file live in the work folder.
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export DTRACK_PASSWORD='mật khẩu quản trị' DTRACK_NEW_PASSWORD='mật khẩu của sở'
db=$work/tracker.db
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

n=0 bad=0
total_definite=0 total_indirect=0 total_possible=0
step() {  # step NAME ARGS… : runs dtrack ARGS under the checker
  local name=$1
  shift
  n=$((n + 1))
  local log="$out/$(printf '%02d' $n)-$name.log" status=0 leak
  local env=(env)
  [ -n "${NO_PASSWORD:-}" ] && env=(env -u DTRACK_PASSWORD)  # signs in through the session file
  if [ "$mode" = valgrind ]; then
    local glib_supp=()
    [ -f /usr/share/glib-2.0/valgrind/glib.supp ] && glib_supp=(--suppressions=/usr/share/glib-2.0/valgrind/glib.supp)
    "${env[@]}" valgrind --suppressions="$root/tests/valgrind.supp" "${glib_supp[@]}" --trace-children=yes --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite \
      --error-exitcode=99 --log-file="$log.vg" "$exe" --db "$db" "$@" >"$log" 2>&1 || status=$?
    local d i p r
    d=$(sed -nE 's/.*definitely lost: ([0-9,]+) bytes.*/\1/p' "$log.vg" | tr -d ,)
    i=$(sed -nE 's/.*indirectly lost: ([0-9,]+) bytes.*/\1/p' "$log.vg" | tr -d ,)
    p=$(sed -nE 's/.*possibly lost: ([0-9,]+) bytes.*/\1/p' "$log.vg" | tr -d ,)
    r=$(sed -nE 's/.*still reachable: ([0-9,]+) bytes.*/\1/p' "$log.vg" | tr -d ,)
    grep -q 'All heap blocks were freed' "$log.vg" && d=0 i=0 p=0 r=0
    total_definite=$((total_definite + ${d:-0})) total_indirect=$((total_indirect + ${i:-0}))
    total_possible=$((total_possible + ${p:-0}))
    leak="definitely lost ${d:-?} B, indirectly ${i:-?} B, possibly ${p:-?} B, still reachable ${r:-?} B"
    [ "${d:-1}" = 0 ] && [ "${i:-1}" = 0 ] || bad=1
    [ "$status" = 99 ] && bad=1
  else
    "${env[@]}" "$exe" --db "$db" "$@" >"$log" 2>&1 || status=$?
    if grep -qE 'ERROR: LeakSanitizer|LeakSanitizer has encountered a fatal error' "$log"; then
      leak="LEAK: $(grep -E '^SUMMARY: AddressSanitizer' "$log")"
      bad=1
    elif grep -qE 'ERROR: AddressSanitizer|runtime error:' "$log"; then
      leak="SANITIZER ERROR: $(grep -E 'ERROR: AddressSanitizer|runtime error:' "$log" | head -n 1)"
      bad=1
    else
      leak="no leak"
    fi
  fi
  [ "$status" = 0 ] || bad=1
  printf '%-28s exit %-3s %s\n' "$name" "$status" "$leak"
}

step init init --admin admin
step import-dry-run import "$root/tests/data/directives/ct-12-ubnd-official-roman.txt" --dry-run --json
step import --user admin import "$root/tests/data/directives/ct-12-ubnd-official-roman.txt"
step list --user admin list --search "giai ngan" --as-of 01/07/2025
step list-json --user admin list --agency "Sở Tài chính" --json
id=$(grep -oE '"id": *[0-9]+' "$out/$(printf '%02d' $n)-list-json.log" | head -n 1 | grep -oE '[0-9]+')
id=${id:-1}
step show --user admin show "$id"
step update --user admin update "$id" --status in_progress --progress 40 --owner "Nguyễn Văn A"
printf 'biên bản' >"$work/bien-ban.pdf"
step evidence-add --user admin evidence add "$id" --note "Đã gửi văn bản cam kết" --doc-ref 112/CK-STC \
  --doc-date 17/04/2025 --file "$work/bien-ban.pdf"
step update-done --user admin update "$id" --status done
step history --user admin history "$id"
step user-add --user admin user add stc --role agency --agency "Sở Tài chính"
step user-list --user admin user list
step summary --user admin summary --as-of 30/09/2025
step investor-add --user admin invest investor add "Ban QLDA Ví dụ" \
  --agency "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"
step project-add --user admin invest project add GT-01 --investor "Ban QLDA Ví dụ" --name "Đường ví dụ" \
  --year 2025 --plan-assigned 120.000.000.000 --plan-total 135.000.000.000 --source domestic
step invest-record --user admin invest record GT-01 --date 27/06/2025 --amount 1.250.000.000 --note "Tạm ứng"
printf 'project_code,date,amount,note\nGT-01,04/07/2025,2.000.000.000,Tuần 27\nGT-01,2025-07-11,500000000,"Tuần 28, đợt 2"\n' \
  >"$work/entries.csv"
step invest-import --user admin invest import "$work/entries.csv"
step invest-status --user admin invest status --as-of 30/09/2025
step invest-status-json --user admin invest status --as-of 30/09/2025 --json
step ladder-list --user admin invest ladder list
for f in pdf xlsx html csv; do
  step "report-$f" --user admin report --as-of 30/09/2025 --format "$f" --out "$work/bao-cao.$f"
done
step report-since --user admin report --as-of 31/12/2025 --since 30/09/2025 --format html --out "$work/q4.html"
step backup --user admin backup "$work/sao-luu.db"
step check check
step restore --user admin restore "$work/sao-luu.db"
step login --user admin login
NO_PASSWORD=1 step list-with-session --user admin list --bucket open_overdue --as-of 30/09/2025
step logout logout

echo "== $mode: $n commands; $([ "$bad" = 0 ] && echo 'no leak, every command succeeded' || echo 'SOMETHING LEAKED OR FAILED')"
[ "$mode" = valgrind ] && echo "   totals: definitely lost $total_definite B, indirectly $total_indirect B, possibly $total_possible B"
echo "   logs: $out"
exit "$bad"

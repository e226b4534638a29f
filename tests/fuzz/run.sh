#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DDT_FUZZ=ON) and runs each for SECONDS, one after the
# other on one core. Usage: tests/fuzz/run.sh SECONDS [TARGET…]  (targets: importer
# disbursement_csv date amount; default all).
#
# Environment: DT_FUZZ_BUILD (build folder, default build/fuzz), DT_FUZZ_WORK (working
# corpora and artifacts, default $DT_FUZZ_BUILD/work: the generated corpus grows there from
# run to run, seeded from tests/fuzz/corpus/<target>/), DT_FUZZ_JOBS (build parallelism).
# Exit status: 0 when no target found anything; 1 when one crashed, hung (-timeout=10 s),
# leaked or ran out of memory (-rss_limit_mb=2048): its input is in the artifacts folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: $0 SECONDS [importer|disbursement_csv|date|amount …]" >&2
  exit 2
fi
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(importer disbursement_csv date amount)

build=${DT_FUZZ_BUILD:-$root/build/fuzz}
work=${DT_FUZZ_WORK:-$build/work}

"$root/scripts/deps.sh" fuzz
CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja -DDT_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Werror" >/dev/null
cmake --build "$build" --parallel "${DT_FUZZ_JOBS:-$(nproc)}" >/dev/null

failed=0
summary=()
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$t"
  if [ ! -x "$exe" ]; then
    echo "unknown fuzz target: $t" >&2
    exit 2
  fi
  corpus="$work/$t/corpus"
  artifacts="$work/$t/artifacts"
  log="$work/$t/fuzz.log"
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  cp -f "$here/corpus/$t"/* "$corpus"/
  dict=()
  [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
  echo "== fuzz_$t: ${seconds} s (log: $log)"
  status=0
  started=$(date +%s)
  "$exe" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - started ))
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$log" | tail -n 1 || true)
  runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/cov: \1 ft: \2 corpus: \3/p' <<<"$done_line")
  found=$(find "$artifacts" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    verdict="FOUND (exit $status): $(grep -E '^(SUMMARY|==[0-9]+== ERROR|ALARM|invariant violated)' "$log" | head -n 2 | tr '\n' ' ')"
    verdict+=" artifacts: $(find "$artifacts" -type f | tr '\n' ' ')"
  else
    verdict="nothing found"
  fi
  files=$(find "$corpus" -type f | wc -l)
  line="fuzz_$t: ${elapsed} s, ${runs:-?} runs, ${cov:-no stats} ($files files in $corpus); $verdict"
  echo "$line"
  summary+=("$line")
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"

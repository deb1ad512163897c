#!/usr/bin/env bash
# Runs the BPMN-import fuzzer for a bounded time on a corpus seeded from Crosswalk's BPMN fixtures,
# its regressions and, where present, the MIWG reference models (read in place; copied only into
# the build folder's corpus). Usage: run_fuzz_bpmn.sh FUZZER WORKDIR [MIWG_DIR] [SECONDS]
# SECONDS defaults to $CROSSWALK_FUZZ_SECONDS, else 60. A crash leaves its input in
# WORKDIR/artifacts; add it to tests/fuzz/regressions-bpmn so the core tests keep it fixed.
set -euo pipefail
fuzzer=$1
work=$2
miwg=${3:-}
seconds=${4:-${CROSSWALK_FUZZ_SECONDS:-60}}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$root"/tests/core/interchange/data/*.bpmn "$work/corpus/"
cp "$here"/regressions-bpmn/* "$work/corpus/" 2>/dev/null || true
if [ -n "$miwg" ] && [ -d "$miwg" ]; then cp "$miwg"/*.bpmn "$work/corpus/"; fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -dict="$here/bpmn.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  "$work/corpus" >"$work/last-run.log" 2>&1 || status=$?
grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added)" \
  "$work/last-run.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzzer failed (exit $status); its report:"
  grep -v -E "^#[0-9]+ " "$work/last-run.log" | tail -80
  exit "$status"
fi

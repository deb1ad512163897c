#!/usr/bin/env bash
# Runs an import fuzzer for a bounded time on a seeded corpus: the JSON one on the demo maps
# and the JSON test files; the draw.io one (a fuzzer named *drawio*) on tests/fuzz/seeds/drawio
# and the draw.io templates in ../shared/interop when present; the step-table one (*steptable*)
# on tests/fuzz/seeds/steptable. Usage: run_fuzz.sh FUZZER WORKDIR [SECONDS]
# SECONDS defaults to $CROSSWALK_FUZZ_SECONDS, else 60. A crash leaves its input in
# WORKDIR/artifacts; add it to tests/fuzz/regressions (JSON) or regressions-interchange (.drawio,
# .csv) so the core tests keep it fixed.
set -euo pipefail
fuzzer=$1
work=$2
seconds=${3:-${CROSSWALK_FUZZ_SECONDS:-60}}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$work/corpus" "$work/artifacts"
# The corpus grows across runs in the same build directory; the seeds are always there.
case "$(basename "$fuzzer")" in
  *drawio*)
    dict="$here/drawio.dict"
    cp "$here"/seeds/drawio/* "$work/corpus/"
    cp "$root"/../shared/interop/drawio-templates/*.xml "$work/corpus/" 2>/dev/null || true
    cp "$here"/regressions-interchange/*.drawio "$work/corpus/" 2>/dev/null || true
    ;;
  *steptable*)
    dict="$here/steptable.dict"
    cp "$here"/seeds/steptable/* "$work/corpus/"
    cp "$here"/regressions-interchange/*.csv "$work/corpus/" 2>/dev/null || true
    ;;
  *)
    dict="$here/json.dict"
    cp "$root"/resources/demo/*.json "$root"/tests/core/json/data/*.json "$work/corpus/"
    cp "$here"/regressions/* "$work/corpus/" 2>/dev/null || true
    ;;
esac
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -dict="$dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  "$work/corpus" >"$work/last-run.log" 2>&1 || status=$?
grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added)" \
  "$work/last-run.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzzer failed (exit $status); its report:"
  grep -v -E "^#[0-9]+ " "$work/last-run.log" | tail -80
  exit "$status"
fi

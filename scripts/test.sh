#!/usr/bin/env bash
# README command 2: set up, build with warnings as errors, and run every test through CTest;
# then build the core again with AddressSanitizer + UndefinedBehaviorSanitizer and run the
# core tests (the data-safety tests among them) and, with clang, the JSON-import fuzzer under
# them (docs/reliability.md). Any sanitizer report fails the run.
#
# Knobs for longer local runs: CROSSWALK_KILL_ROUNDS (default 200), CROSSWALK_POWERCUT_ROUNDS
# (300), CROSSWALK_FUZZ_SECONDS (60); CROSSWALK_SKIP_SANITIZERS=1 skips the second build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DBUILD_TESTING=ON -DCROSSWALK_WERROR=ON
(cd build && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)")

if [ "${CROSSWALK_SKIP_SANITIZERS:-0}" = 1 ]; then
  echo "Sanitizer build skipped (CROSSWALK_SKIP_SANITIZERS=1)"
  exit 0
fi
# clang when present (setup.sh installs it): it also builds the libFuzzer target, and the
# core is instrumented for it (-fsanitize=fuzzer-no-link). Without clang, GCC's sanitizers.
# Warnings are errors in the GCC build above; clang's -Wshadow and friends differ, so here
# they stay warnings.
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if command -v clang++ >/dev/null; then
  compiler=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCROSSWALK_FUZZ=ON)
  sanitize+=" -fsanitize=fuzzer-no-link"
else
  compiler=(-DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ -DCROSSWALK_FUZZ=OFF)
  echo "clang++ not found: sanitizer build with GCC, no fuzzing"
fi
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DCROSSWALK_WERROR=OFF \
  -DCROSSWALK_BUILD_UI=OFF -DCROSSWALK_BUILD_BENCH=OFF "${compiler[@]}" "-DCMAKE_CXX_FLAGS=$sanitize"
cmake --build build-sanitize --parallel "$(nproc)"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cd build-sanitize
ctest --output-on-failure --parallel "$(nproc)"

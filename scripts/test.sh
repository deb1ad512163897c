#!/usr/bin/env bash
# README command 2: set up, build with warnings as errors, and run every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DBUILD_TESTING=ON -DCROSSWALK_WERROR=ON
cd build
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)"

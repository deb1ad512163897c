#!/usr/bin/env bash
# README command 1: set up, build, and launch Crosswalk on the bundled demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DBUILD_TESTING=OFF
demo=build/demo.crosswalk
[ -f "$demo" ] || build/src/app/crosswalk demo "$demo"
exec build/src/app/crosswalk "$demo"

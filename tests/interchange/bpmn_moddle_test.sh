#!/usr/bin/env bash
# bpmn-moddle (npm; the model layer of bpmn.io and Camunda Modeler) reads every BPMN file Crosswalk
# exports without a warning: the demo maps, our own BPMN fixtures and the MIWG reference models
# after a trip through Crosswalk. bpmn-moddle is installed into the build folder at test time
# (never committed); the test is skipped (exit 77) only when npm cannot reach its registry.
# Usage: bpmn_moddle_test.sh PATH/TO/crosswalk NPM_DIR FIXTURE_DIR [MIWG_DIR]
set -uo pipefail
cw=$1
npm_dir=$2
fixtures=$3
miwg=${4:-}
here="$(cd "$(dirname "$0")" && pwd)"

if [ ! -f "$npm_dir/node_modules/bpmn-moddle/package.json" ]; then
  if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    echo "SKIPPED: node and npm are not installed, so bpmn-moddle cannot be installed"
    exit 77
  fi
  mkdir -p "$npm_dir"
  if ! npm install --prefix "$npm_dir" bpmn-moddle --no-audit --no-fund >"$npm_dir/install.log" 2>&1; then
    if grep -qiE "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network|offline|getaddrinfo" "$npm_dir/install.log"; then
      echo "SKIPPED: npm cannot reach its registry to install bpmn-moddle:"
      tail -5 "$npm_dir/install.log"
      exit 77
    fi
    echo "npm install bpmn-moddle failed:"
    cat "$npm_dir/install.log"
    exit 1
  fi
fi
# Node resolves a module from the script's folder, so the check runs from where bpmn-moddle is.
cp "$here/moddle_check.mjs" "$npm_dir/moddle_check.mjs"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ws="$tmp/maps.crosswalk"
"$cw" demo "$ws" >/dev/null || exit 1
sources=("$fixtures"/*.bpmn)
if [ -n "$miwg" ] && [ -d "$miwg" ]; then
  sources+=("$miwg"/*.bpmn)
else
  echo "note: the MIWG reference models are not at '$miwg'; checking the demo maps and fixtures only"
fi
for f in "${sources[@]}"; do
  "$cw" import "$ws" "$f" >/dev/null 2>"$tmp/err" || { echo "import of $f failed: $(cat "$tmp/err")"; exit 1; }
done
n=0
while IFS=$'\t' read -r id _; do
  "$cw" export "$ws" --map "$id" --format bpmn -o "$tmp/$id.bpmn" || exit 1
  n=$((n + 1))
done < <("$cw" list "$ws")
echo "exported $n maps as BPMN"
node "$npm_dir/moddle_check.mjs" "$tmp"/*.bpmn

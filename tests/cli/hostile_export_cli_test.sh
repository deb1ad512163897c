#!/usr/bin/env bash
# Issue 19, finding 5, on the command line: a hostile map that import accepts exports in
# bounded time. The map sits at the limits of docs/file-format.md: 500 lanes and 500 phases of
# 1,000,000 units with 2,000-byte names, steps of 2,000 x 2,000 units spread over
# x = +-10,000,000 and the whole height of their lanes with 2,000-byte labels (half one word, half words), flows between steps far
# apart with 2,000-byte labels, and a 2,000-byte title: a drawing 20,000,000 units wide and
# 500,000,000 tall. It has fewer steps and flows than the
# limits (500 and 2,000) so that the test fits CI; tests/bench/ui/bench_hostile.cpp measures
# the maps at every limit. Each export must finish within $limit seconds (it takes a few).
# Usage: hostile_export_cli_test.sh PATH/TO/crosswalk
set -uo pipefail
cw="$1"
limit=60
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"

python3 - "$tmp/hostile.json" <<'PY'
import json, random, sys
rnd = random.Random(20261204)
MAX_SIZE, MAX_COORD, MAX_STEP, MAX_LABEL = 1000000, 10000000, 2000, 2000
def label(one_word):
    letters = rnd.choices("abcdefghijklmnopqrstuvwxyz", k=MAX_LABEL)
    if not one_word:
        for at in range(rnd.randrange(1, 8), MAX_LABEL - 1, rnd.randrange(4, 12)):
            letters[at] = " "
    return "".join(letters)
lanes = [{"id": "l%d" % i, "name": label(i % 2 == 0), "color": "#E8F0FE", "height": MAX_SIZE} for i in range(500)]
phases = [{"id": "p%d" % i, "name": label(i % 2 == 1), "color": "#FFFFFF", "width": MAX_SIZE} for i in range(500)]
steps = []
for i in range(500):
    steps.append({"id": "s%d" % i, "lane": lanes[i % 500]["id"], "phase": "p0",
                  "kind": "activity", "label": label(i % 2 == 0), "notes": "",
                  "x": -MAX_COORD + rnd.randrange(2 * MAX_COORD - MAX_STEP + 1),
                  "y": rnd.randrange(MAX_SIZE - MAX_STEP - 40), "w": MAX_STEP, "h": MAX_STEP})
# The corners too: the extreme coordinates the limits allow (an import keeps a step inside its
# lane with a margin below it, which is why y stays within the lane).
steps[0].update(x=-MAX_COORD, y=0)
steps[1].update(x=MAX_COORD - MAX_STEP, y=MAX_SIZE - MAX_STEP - 40)
flows = [{"id": "f%d" % i, "from": steps[rnd.randrange(500)]["id"], "to": steps[rnd.randrange(500)]["id"],
          "label": label(i % 2 == 0)} for i in range(2000)]
flows[0].update({"from": "s0", "to": "s1"})
m = {"id": "m-hostile", "title": "T" * MAX_LABEL, "district": "D" * MAX_LABEL, "focus": "", "state": "current",
     "notes": "", "lanes": lanes, "phases": phases, "steps": steps, "flows": flows, "annotations": []}
json.dump({"format": "crosswalk-map", "version": 1, "map": m}, open(sys.argv[1], "w"))
PY
ws="$tmp/hostile.crosswalk"
expect 0 "" -- "$cw" import "$ws" "$tmp/hostile.json"

# Each export within the limit (timeout ends it otherwise: status 124), with a file that is
# the format it says.
for format in svg pdf; do
  start=$(date +%s)
  expect 0 "" -- timeout "$limit" "$cw" export "$ws" --map m-hostile --format "$format" -o "$tmp/out.$format"
  took=$(($(date +%s) - start))
  echo "export --format $format of the hostile map: ${took} s, $(($(stat -c %s "$tmp/out.$format" 2>/dev/null || echo 0) / 1024)) KB"
  [ -s "$tmp/out.$format" ] && ok || fail "export --format $format wrote nothing"
done
head -c 5 "$tmp/out.pdf" | grep -q '%PDF-' && ok || fail "the PDF does not start as one"
grep -q '</svg>' "$tmp/out.svg" && ok || fail "the SVG is not complete"
# A PNG of a map 500,000,000 units across is refused at once, naming what to do instead.
expect 1 "too large to make" -- timeout "$limit" "$cw" export "$ws" --map m-hostile --format png -o "$tmp/out.png"
finish "hostile export"

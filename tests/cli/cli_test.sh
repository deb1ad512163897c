#!/usr/bin/env bash
# The command line as users and scripts call it: exit codes, messages, and files left
# untouched. Usage: cli_test.sh PATH/TO/crosswalk
set -uo pipefail
cw="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"

# Version, help, usage
expect 0 "" -- "$cw" --version
grep -qE '^crosswalk [0-9]+\.[0-9]+' "$tmp/out" && ok || fail "--version prints no version"
expect 0 "" -- "$cw" --help
grep -q 'crosswalk export WORKSPACE' "$tmp/out" && ok || fail "--help does not describe export"
expect 2 "unknown option" -- "$cw" --frobnicate
expect 2 "usage" -- "$cw" list
expect 2 "needs a value" -- "$cw" export "$tmp/x" --map
expect 2 "exactly one --map" -- "$cw" export "$tmp/x" --format json -o "$tmp/y"

# The demo workspace: six districts
ws="$tmp/demo.crosswalk"
expect 0 "" -- "$cw" demo "$ws"
expect 1 "already exists" -- "$cw" demo "$ws"
expect 0 "" -- "$cw" list "$ws"
cp "$tmp/out" "$tmp/list.before"
[ "$(wc -l <"$tmp/list.before")" -eq 6 ] && ok || fail "demo lists $(wc -l <"$tmp/list.before") maps, not 6"
[ "$(cut -f2 "$tmp/list.before" | sort -u | wc -l)" -eq 6 ] && ok || fail "demo does not hold six districts"
awk -F'\t' 'NF != 4 || $4 < 25 || $4 > 45 { bad = 1 } END { exit bad }' "$tmp/list.before" && ok ||
  fail "list lines must be id, district, title, steps (25-45): $(cat "$tmp/list.before")"
expect 0 "" -- "$cw" check "$ws"
grep -q "ok, 6 maps" "$tmp/out" && ok || fail "check does not report 6 maps"

# Round trip: export each map, import it into a new workspace, export again: identical JSON
ws2="$tmp/second.crosswalk"
while IFS=$'\t' read -r id district title steps; do
  expect 0 "" -- "$cw" export "$ws" --map "$id" --format json -o "$tmp/$id.json"
  expect 0 "" -- "$cw" import "$ws2" "$tmp/$id.json"
  [ "$(cat "$tmp/out")" = "$id" ] && ok || fail "import of $id printed $(cat "$tmp/out"), not the kept id"
  expect 0 "" -- "$cw" export "$ws2" --map "$id" --format json -o "$tmp/$id.again.json"
  cmp -s "$tmp/$id.json" "$tmp/$id.again.json" && ok || fail "$id: JSON differs after a round trip"
done <"$tmp/list.before"
# By exact title, and to standard output
first_title=$(head -1 "$tmp/list.before" | cut -f3)
expect 1 "matches [0-9]+ maps.*use a map id" -- "$cw" export "$ws" --map "$first_title" --format json -o "$tmp/t.json"
expect 1 "no map" -- "$cw" export "$ws" --map "no such map" --format json -o "$tmp/t.json"
first_id=$(head -1 "$tmp/list.before" | cut -f1)
expect 0 "" -- "$cw" export "$ws" --map "$first_id" --format json -o -
cmp -s "$tmp/out" "$tmp/$first_id.json" && ok || fail "export to - differs from export to a file"
# Importing the same map again keeps the workspace's map and gives the new one a new id
expect 0 "new id|taken|already" -- "$cw" import "$ws2" "$tmp/$first_id.json"
[ "$(cat "$tmp/out")" != "$first_id" ] && ok || fail "a clashing map id was kept"

# Bad imports: exit 1 naming the problem; the workspace is unchanged and healthy
cp "$tmp/$first_id.json" "$tmp/good.json"
head -c 2000 "$tmp/good.json" >"$tmp/truncated.json"
sed '0,/"lane": "[^"]*"/s//"lane": "l-nowhere"/' "$tmp/good.json" >"$tmp/dangling.json"
sed 's/"format": "crosswalk-map"/"format": "bpmn-xml"/' "$tmp/good.json" >"$tmp/wrongformat.json"
{ printf '{"format": "crosswalk-map", "version": 1, "map": {"title": "deep", "notes": '
  for _ in $(seq 70); do printf '['; done
  for _ in $(seq 70); do printf ']'; done
  printf '}}\n'; } >"$tmp/nested.json"
sha_before=$(sha256sum "$ws" | cut -d' ' -f1)
expect 1 "truncat|end of input|unexpected end" -- "$cw" import "$ws" "$tmp/truncated.json"
expect 1 'steps\[0\]\.lane.*l-nowhere' -- "$cw" import "$ws" "$tmp/dangling.json"
expect 1 'format.*bpmn-xml' -- "$cw" import "$ws" "$tmp/wrongformat.json"
expect 1 'deep|nest|depth' -- "$cw" import "$ws" "$tmp/nested.json"
expect 1 "no file" -- "$cw" import "$ws" "$tmp/missing.json"
expect 0 "" -- "$cw" check "$ws"
grep -q "ok, 6 maps" "$tmp/out" && ok || fail "check after failed imports does not report 6 healthy maps"

# A step whose phase and position disagree (written behind Crosswalk's back) is reported by
# check; importing such a map places the step by its phase, and says so.
cp "$ws" "$tmp/phase.crosswalk"
sqlite3 "$tmp/phase.crosswalk" "UPDATE steps SET x = 0 WHERE map_id = 'm-harbor-city' AND id = (SELECT id FROM steps s WHERE s.map_id = 'm-harbor-city' AND s.phase <> (SELECT id FROM phases p WHERE p.map_id = 'm-harbor-city' ORDER BY pos LIMIT 1) ORDER BY pos LIMIT 1)"
expect 1 "is in phase .* but drawn in phase" -- "$cw" check "$tmp/phase.crosswalk"
expect 0 "" -- "$cw" export "$tmp/phase.crosswalk" --map m-harbor-city --format json -o "$tmp/phase.json"
expect 0 "moved into its phase's column" -- "$cw" import "$tmp/phase2.crosswalk" "$tmp/phase.json"
expect 0 "" -- "$cw" check "$tmp/phase2.crosswalk"
expect 0 "" -- "$cw" list "$ws"
cmp -s "$tmp/out" "$tmp/list.before" && ok || fail "the map list changed after failed imports"
[ "$(sha256sum "$ws" | cut -d' ' -f1)" = "$sha_before" ] && ok || fail "failed imports changed the workspace file"
# A failed import into a workspace that does not exist yet creates nothing
expect 1 "" -- "$cw" import "$tmp/never.crosswalk" "$tmp/truncated.json"
[ ! -e "$tmp/never.crosswalk" ] && ok || fail "a failed import created a workspace"

# Files that are not workspaces: exit 1, clear message, not one byte changed
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0' >"$tmp/picture.crosswalk"
head -c 4000 /dev/urandom >>"$tmp/picture.crosswalk"
sqlite3 "$tmp/other.crosswalk" "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('hello');"
cp "$ws" "$tmp/newer.crosswalk"
sqlite3 "$tmp/newer.crosswalk" "PRAGMA user_version = 99;"
for f in picture other newer; do
  sum=$(sha256sum "$tmp/$f.crosswalk" | cut -d' ' -f1)
  case $f in
    picture) pattern="not an SQLite|not a Crosswalk" ;;
    other) pattern="another program|not a Crosswalk" ;;
    newer) pattern="newer" ;;
  esac
  expect 1 "$pattern" -- "$cw" list "$tmp/$f.crosswalk"
  expect 1 "$pattern" -- "$cw" check "$tmp/$f.crosswalk"
  expect 1 "$pattern" -- "$cw" import "$tmp/$f.crosswalk" "$tmp/good.json"
  [ "$(sha256sum "$tmp/$f.crosswalk" | cut -d' ' -f1)" = "$sum" ] && ok || fail "$f.crosswalk was changed"
done
expect 1 "no workspace" -- "$cw" list "$tmp/absent.crosswalk"

# Export: an unwritable place gives a message and leaves the old file intact
echo "keep" >"$tmp/keep.json"
expect 1 "cannot write" -- "$cw" export "$ws" --map "$first_id" --format json -o "$tmp/no/such/folder/x.json"
expect 1 "folder" -- "$cw" export "$ws" --map "$first_id" --format json -o "$tmp"
[ "$(cat "$tmp/keep.json")" = "keep" ] && ok || fail "keep.json was changed"

# Compare: the JSON contract, pairwise in the order given, read-only
sha_before=$(sha256sum "$ws" | cut -d' ' -f1)
ids=($(cut -f1 "$tmp/list.before"))
expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format json -o "$tmp/cmp2.json"
for key in '"maps"' '"pairs"' '"lanes"' '"matches"' '"only_a"' '"only_b"' '"score"' '"decided"'; do
  grep -q "$key" "$tmp/cmp2.json" && ok || fail "compare JSON has no $key"
done
[ "$(grep -c '"only_a"' "$tmp/cmp2.json")" -eq 1 ] && ok || fail "two maps must give one pair"
grep -A3 '"maps"' "$tmp/cmp2.json" | tr -d ' \n' | grep -q "\"${ids[0]}\",\"${ids[1]}\"" && ok ||
  fail "compare lists the maps out of order"
args=()
for id in "${ids[@]}"; do args+=(--map "$id"); done
expect 0 "" -- "$cw" compare "$ws" "${args[@]}" --format json -o "$tmp/cmp6.json"
[ "$(grep -c '"only_a"' "$tmp/cmp6.json")" -eq 15 ] && ok || fail "six maps must give 15 pairs"
if command -v python3 >/dev/null; then
  python3 - "$tmp/cmp6.json" <<'PY' && ok || fail "compare JSON is not valid or scores are out of [0, 1]"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["maps"]) == 6 and len(d["pairs"]) == 15
order = [(p["a"], p["b"]) for p in d["pairs"]]
maps = d["maps"]
assert order == [(maps[i], maps[j]) for i in range(6) for j in range(i + 1, 6)], order
for p in d["pairs"]:
    for x in p["lanes"] + p["matches"]:
        assert 0.0 <= x["score"] <= 1.0
PY
fi
expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format json -o -
cmp -s "$tmp/out" "$tmp/cmp2.json" && ok || fail "compare is not deterministic"
expect 2 "at least two" -- "$cw" compare "$ws" --map "${ids[0]}" --format json -o "$tmp/c.json"
expect 1 "named twice" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[0]}" --format json -o "$tmp/c.json"
expect 1 "no map" -- "$cw" compare "$ws" --map "${ids[0]}" --map nothing --format json -o "$tmp/c.json"
# compare --min-score and --candidates (issue 15): a least score, next-best partners, and
# "lexical" saying whether WordNet helped
expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format json --min-score 0.99 \
  --candidates 2 -o "$tmp/cmp-strict.json"
if command -v python3 >/dev/null; then
  python3 - "$tmp/cmp-strict.json" "$tmp/cmp2.json" <<'PY' && ok || fail "--min-score or --candidates do not hold"
import json, sys
strict = json.load(open(sys.argv[1]))["pairs"][0]
plain = json.load(open(sys.argv[2]))["pairs"][0]
assert strict["lexical"] in ("wordnet", "words-only") and plain["lexical"] == strict["lexical"]
assert all(m["score"] >= 0.99 or m["decided"] for m in strict["matches"])
assert len(strict["matches"]) <= len(plain["matches"])
assert "candidates" not in plain
for side in ("a", "b"):
    for entry in strict["candidates"][side]:
        assert len(entry["partners"]) <= 2
        scores = [p["score"] for p in entry["partners"]]
        assert scores == sorted(scores, reverse=True)
PY
fi
expect 2 "min-score must be a number from 0 to 1" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" \
  --format json --min-score 1.5 -o "$tmp/c.json"
expect 2 "min-score must be a number from 0 to 1" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" \
  --format json --min-score high -o "$tmp/c.json"
expect 2 "candidates must be a whole number" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" \
  --format json --candidates -1 -o "$tmp/c.json"
expect 2 "is for --format json" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" \
  --format pdf --candidates 2 -o "$tmp/c.pdf"
expect 2 "min-score must be a number from 0 to 1" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" \
  --format pdf --min-score 2 -o "$tmp/c.pdf"
[ -e "$tmp/c.pdf" ] && fail "a refused compare wrote a PDF" || ok
# compare --format pdf --min-score: the report shows the matches the JSON lists, and says the least score
if command -v pdftotext >/dev/null; then
  expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf -o "$tmp/cmp-plain.pdf"
  expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf --min-score 0.99 \
    -o "$tmp/cmp-strict.pdf"
  pdftotext -layout "$tmp/cmp-plain.pdf" "$tmp/cmp-plain.txt"
  pdftotext -layout "$tmp/cmp-strict.pdf" "$tmp/cmp-strict.txt"
  grep -q "from a score of 0.50" "$tmp/cmp-plain.txt" && ok || fail "the report does not name the default least score"
  grep -q "from a score of 0.99" "$tmp/cmp-strict.txt" && ok || fail "the report does not name --min-score"
  grep -Eq "proposed, 0\.[5-8][0-9]" "$tmp/cmp-plain.txt" && ok || fail "the plain report has no proposal under 0.99"
  grep -Eq "proposed, 0\.([0-8][0-9]|9[0-8])" "$tmp/cmp-strict.txt" && fail "--min-score 0.99 kept a weaker proposal in the PDF" || ok
  if command -v python3 >/dev/null; then
    # As many matched steps as the JSON lists at the same least score.
    python3 - "$tmp/cmp-strict.txt" "$tmp/cmp-strict.json" "$tmp/cmp-plain.txt" "$tmp/cmp2.json" <<'PY' && ok || fail "the PDF's matched steps differ from the JSON's"
import json, re, sys
for text, data in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
    counts = [int(n) for n in re.findall(r"Matched steps \((\d+)\)", open(text).read())]
    matches = len(json.load(open(data))["pairs"][0]["matches"])
    assert counts and counts[0] == matches, (text, counts, matches)
PY
  fi
fi
[ -e "$tmp/c.json" ] && fail "a refused compare wrote a file" || ok
[ "$(sha256sum "$ws" | cut -d' ' -f1)" = "$sha_before" ] && ok || fail "compare changed the workspace"

# Export to PDF, SVG and PNG: every demo map, offscreen (no display needed), files checked
# with poppler's tools where they are installed
unset DISPLAY WAYLAND_DISPLAY
have_poppler=0
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && have_poppler=1
for id in "${ids[@]}"; do
  expect 0 "" -- "$cw" export "$ws" --map "$id" --format pdf -o "$tmp/$id.pdf"
  head -c 5 "$tmp/$id.pdf" | grep -q '%PDF-' && ok || fail "$id.pdf is not a PDF"
  [ -s "$tmp/err" ] && fail "export $id to pdf wrote to stderr: $(cat "$tmp/err")" || ok
  expect 0 "" -- "$cw" export "$ws" --map "$id" --format svg -o "$tmp/$id.svg"
  grep -q '<svg' "$tmp/$id.svg" && ok || fail "$id.svg is not an SVG"
  expect 0 "" -- "$cw" export "$ws" --map "$id" --format png -o "$tmp/$id.png"
  head -c 8 "$tmp/$id.png" | grep -q 'PNG' && ok || fail "$id.png is not a PNG"
  if [ $have_poppler -eq 1 ]; then
    pdfinfo "$tmp/$id.pdf" >"$tmp/$id.info"
    grep -q 'Page size: *1224 x 792 pts' "$tmp/$id.info" && ok || fail "$id.pdf is not tabloid landscape"
    pdffonts "$tmp/$id.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } NR > 2 { n++ } END { exit bad || !n }' && ok ||
      fail "$id.pdf has fonts that are not embedded: $(pdffonts "$tmp/$id.pdf")"
    # Every step label is in the PDF as text (the step index lists them in full)
    pdftotext -raw "$tmp/$id.pdf" - | tr -d ' \n' >"$tmp/$id.txt"
    "$cw" export "$ws" --map "$id" --format json -o - | python3 -c '
import json, sys
for s in json.load(sys.stdin)["map"]["steps"]:
    print(s["label"].replace(" ", ""))' >"$tmp/$id.labels" 2>/dev/null || true
    missing=0
    while IFS= read -r label; do grep -qF -- "$label" "$tmp/$id.txt" || missing=$((missing + 1)); done <"$tmp/$id.labels"
    [ "$missing" -eq 0 ] && ok || fail "$id.pdf lacks $missing step labels as text"
  fi
done
# Paper, orientation, tiles: the page count is overview + tiles + appendix
expect 0 "" -- "$cw" export "$ws" --map "$first_id" --format pdf --paper a4 --orientation portrait --tiles 2x2 \
  --revision "After session 3" -o "$tmp/tiles.pdf"
if [ $have_poppler -eq 1 ]; then
  # (grep reads files here, not pipes: grep -q closing a pipe early fails it under pipefail)
  pdfinfo "$tmp/tiles.pdf" >"$tmp/tiles.info"
  grep -qE 'Page size: *595(\.[0-9]+)? x 84[12](\.[0-9]+)? pts' "$tmp/tiles.info" && ok || fail "tiles.pdf is not A4 portrait"
  pages=$(awk '/^Pages:/ { print $2 }' "$tmp/tiles.info")
  [ "$pages" -ge 6 ] && ok || fail "2x2 tiles gave $pages pages, not overview + 4 + appendix"
  pdftotext "$tmp/tiles.pdf" "$tmp/tiles.txt"
  grep -q "page 3 of $pages" "$tmp/tiles.txt" && ok || fail "tiles.pdf has no 'page 3 of $pages'"
  pdftotext -f 1 -l 1 "$tmp/tiles.pdf" "$tmp/tiles1.txt"
  grep -q "Overview" "$tmp/tiles1.txt" && ok || fail "tiles.pdf does not start with the overview"
  grep -q "Revision: After session 3" "$tmp/tiles.txt" && ok || fail "tiles.pdf has no revision name"
fi
expect 0 "" -- "$cw" export "$ws" --map "$first_id" --format pdf --fit --no-annotations harm,black_box --greyscale -o "$tmp/clean.pdf"
if [ $have_poppler -eq 1 ]; then
  pdftotext "$tmp/clean.pdf" "$tmp/clean.txt"
  grep -q "Harm point" "$tmp/clean.txt" && fail "harm points left in a clean export" || ok
fi
expect 0 "" -- "$cw" export "$ws" --map "$first_id" --format png --dpi 96 -o "$tmp/one.png"
expect 0 "" -- "$cw" export "$ws" --map "$first_id" --format pdf -o - && head -c 5 "$tmp/out" | grep -q '%PDF-' && ok ||
  fail "export pdf to - does not write a PDF to standard output"
# Layouts (issue 20): the default is the fewest pages with step labels at 8 pt or more, so a
# wide map tiles; --fit keeps one map page; --pages-wide N gives N columns
harbor=m-harbor-city
expect 0 "" -- "$cw" export "$ws" --map "$harbor" --format pdf -o "$tmp/legible.pdf"
expect 0 "" -- "$cw" export "$ws" --map "$harbor" --format pdf --fit -o "$tmp/fit.pdf"
expect 0 "" -- "$cw" export "$ws" --map "$harbor" --format pdf --pages-wide 4 -o "$tmp/wide.pdf"
if [ $have_poppler -eq 1 ]; then
  pdftotext -f 1 -l 1 "$tmp/legible.pdf" "$tmp/legible1.txt"
  grep -q "Overview" "$tmp/legible1.txt" && ok || fail "the default layout of a wide map does not tile"
  pdftotext -f 1 -l 1 "$tmp/fit.pdf" "$tmp/fit1.txt"
  grep -q "Overview" "$tmp/fit1.txt" && fail "--fit tiled the map" || ok
  pdftotext "$tmp/wide.pdf" "$tmp/wide.txt"
  grep -q "D1" "$tmp/wide.txt" && ok || fail "--pages-wide 4 has no tile D1"
  grep -q "E1" "$tmp/wide.txt" && fail "--pages-wide 4 has a fifth column" || ok
fi
expect 2 "pages-wide must" -- "$cw" export "$ws" --map "$harbor" --format pdf --pages-wide 0 -o "$tmp/x.pdf"
expect 2 "one of --fit, --tiles and --pages-wide" -- "$cw" export "$ws" --map "$harbor" --format pdf --fit --pages-wide 2 -o "$tmp/x.pdf"
expect 0 "labels are .* px high" -- "$cw" export "$ws" --map "$harbor" --format png --width 1280 -o "$tmp/slide.png"
expect 2 "width is for" -- "$cw" export "$ws" --map "$harbor" --format pdf --width 1280 -o "$tmp/x.pdf"
# Votes and the parking lot only when asked
expect 0 "" -- "$cw" export "$ws" --map "$harbor" --format pdf --votes --parking-lot -o "$tmp/session.pdf"
# A character no export font has: a warning naming the step, and the export still made
cat >"$tmp/glyph.json" <<'JSON'
{"format": "crosswalk-map", "version": 1, "map": {"id": "m-glyph", "title": "Glyphs",
 "lanes": [{"id": "l1", "name": "Principal"}],
 "steps": [{"id": "s1", "lane": "l1", "label": "Visit 𓀀 school"},
           {"id": "s2", "lane": "l1", "label": "اجتماع 校长"}],
 "flows": [{"from": "s1", "to": "s2"}]}}
JSON
"$cw" import "$ws.glyph" "$tmp/glyph.json" >/dev/null 2>&1
expect 0 "step s1 .*U\+13000" -- "$cw" export "$ws.glyph" --map m-glyph --format pdf -o "$tmp/glyph.pdf"
grep -q "s2" "$tmp/err" && fail "Arabic and Chinese labels were reported as uncovered" || ok
[ -s "$tmp/glyph.pdf" ] && ok || fail "an export with an uncovered character wrote no file"
# Wrong usage: exit 2 naming the option
expect 2 "paper must" -- "$cw" export "$ws" --map "$first_id" --format pdf --paper b5 -o "$tmp/x.pdf"
expect 2 "orientation must" -- "$cw" export "$ws" --map "$first_id" --format pdf --orientation sideways -o "$tmp/x.pdf"
expect 2 "tiles must" -- "$cw" export "$ws" --map "$first_id" --format pdf --tiles 3by2 -o "$tmp/x.pdf"
expect 2 "either --fit or --tiles" -- "$cw" export "$ws" --map "$first_id" --format pdf --fit --tiles 2x2 -o "$tmp/x.pdf"
expect 2 "kudos" -- "$cw" export "$ws" --map "$first_id" --format pdf --no-annotations harm,kudos -o "$tmp/x.pdf"
expect 2 "dpi must" -- "$cw" export "$ws" --map "$first_id" --format png --dpi lots -o "$tmp/x.png"
expect 2 "format must" -- "$cw" export "$ws" --map "$first_id" --format docx -o "$tmp/x.docx"
[ ! -e "$tmp/x.pdf" ] && ok || fail "a refused export wrote a file"
# Unwritable places and images too large: exit 1, message, the old file intact
echo "keep" >"$tmp/keep.pdf"
expect 1 "cannot write" -- "$cw" export "$ws" --map "$first_id" --format pdf -o "$tmp/no/such/folder/x.pdf"
expect 1 "folder" -- "$cw" export "$ws" --map "$first_id" --format svg -o "$tmp"
cp "$tmp/keep.pdf" "$tmp/keep.png"
expect 1 "too large|dpi" -- "$cw" export "$ws" --map "$first_id" --format png --dpi 1200 -o "$tmp/keep.png"
[ "$(cat "$tmp/keep.pdf")" = "keep" ] && [ "$(cat "$tmp/keep.png")" = "keep" ] && ok || fail "a failed export changed the old file"

# The comparison report: PDF of two and of six districts; the workspace and the JSON as they were
sha_before=$(sha256sum "$ws" | cut -d' ' -f1)
expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf -o "$tmp/report2.pdf"
[ -s "$tmp/err" ] && fail "compare to pdf wrote to stderr: $(cat "$tmp/err")" || ok
head -c 5 "$tmp/report2.pdf" | grep -q '%PDF-' && ok || fail "compare --format pdf did not write a PDF"
expect 0 "" -- "$cw" compare "$ws" "${args[@]}" --format pdf --paper letter --orientation portrait --greyscale \
  --revision "Network meeting" -o "$tmp/report6.pdf"
if [ "$have_poppler" -eq 1 ]; then
  for n in 2 6; do
    pdftotext "$tmp/report$n.pdf" - | tr -d ' \n' >"$tmp/report$n.txt"
    cut -f2 "$tmp/list.before" | head -n "$n" | while IFS= read -r district; do
      grep -qF "$(printf '%s' "$district" | tr -d ' ')" "$tmp/report$n.txt" ||
        echo "report of $n districts does not name $district"
    done >"$tmp/missing"
    [ -s "$tmp/missing" ] && fail "$(cat "$tmp/missing")" || ok
    for word in Overlay Grid Differences Legend "Onlyin" "Markedinonedistrictonly"; do
      grep -q "$word" "$tmp/report$n.txt" && ok || fail "report of $n districts has no $word"
    done
    pdffonts "$tmp/report$n.pdf" | tail -n +3 | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' && ok ||
      fail "report of $n districts has a font that is not embedded"
  done
  grep -q "Comparison:" "$tmp/report2.txt" && ok || fail "the report of two districts has no title"
  grep -q "Revision:Networkmeeting" "$tmp/report6.txt" && ok || fail "the report has no revision name"
  pdfinfo "$tmp/report2.pdf" | grep -q "1224 x 792 pts" && ok || fail "the report is not Tabloid landscape by default"
  pdfinfo "$tmp/report6.pdf" | grep -q "612 x 792 pts" && ok || fail "--paper letter --orientation portrait ignored"
fi
expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format json -o -
cmp -s "$tmp/out" "$tmp/cmp2.json" && ok || fail "the compare JSON changed"
expect 0 "" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf -o - &&
  head -c 5 "$tmp/out" | grep -q '%PDF-' && ok || fail "compare pdf to - does not write a PDF"
expect 2 "for --format pdf" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format json --paper a4 -o "$tmp/c.json"
expect 2 "paper must" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf --paper b5 -o "$tmp/keep.pdf"
expect 2 "format must be json or pdf" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format svg -o "$tmp/c.svg"
expect 1 "cannot write.*no/such/folder" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf \
  -o "$tmp/no/such/folder/report.pdf"
expect 1 "folder" -- "$cw" compare "$ws" --map "${ids[0]}" --map "${ids[1]}" --format pdf -o "$tmp"
[ "$(cat "$tmp/keep.pdf")" = "keep" ] && ok || fail "a refused report changed the old file"
[ "$(sha256sum "$ws" | cut -d' ' -f1)" = "$sha_before" ] && ok || fail "the report changed the workspace"

# Issue 19: hardening
h="$tmp/harden"; mkdir -p "$h"
# crosswalk demo X must not delete a file of the user's named X.part
echo "mine" > "$h/d.crosswalk.part"
expect 0 "" -- "$cw" demo "$h/d.crosswalk"
[ "$(cat "$h/d.crosswalk.part")" = "mine" ] && ok || fail "demo deleted an existing X.part"
# a title with a tab, a newline and a terminal escape cannot forge a row or reach the terminal
python3 - "$h/forge.json" <<'PY'
import json, sys
doc = {"format": "crosswalk-map", "version": 1, "map": {"id": "m-forge", "title": "A\tfake\nm-x\tX\tY\t9", "district": "D",
       "lanes": [{"id": "l1", "name": "L", "color": "#FFFFFF", "height": 160}], "phases": [], "steps": [], "flows": [], "annotations": []}}
json.dump(doc, open(sys.argv[1], "w"))
PY
expect 0 "" -- "$cw" import "$h/forge.crosswalk" "$h/forge.json"
expect 0 "" -- "$cw" list "$h/forge.crosswalk"
[ "$(wc -l < "$tmp/out")" -eq 1 ] && ok || fail "a title forged a row in list: $(cat "$tmp/out")"
grep -qF 'A\tfake\nm-x' "$tmp/out" && ok || fail "list does not escape tab and newline: $(cat "$tmp/out")"
# a refused import leaves the workspace byte for byte as it was (old deleted maps are not purged)
cp "$ws" "$h/keep.crosswalk"
sqlite3 "$h/keep.crosswalk" "UPDATE maps SET deleted = '2000-01-01T00:00:00Z' WHERE rowid = 1" && ok || fail "sqlite3 failed"
before=$(sha256sum "$h/keep.crosswalk" | cut -d' ' -f1)
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["version"]=999; json.dump(d, open(sys.argv[2],"w"))' \
  "$h/forge.json" "$h/v999.json"
expect 1 "cannot be imported" -- "$cw" import "$h/keep.crosswalk" "$h/v999.json"
[ "$(sha256sum "$h/keep.crosswalk" | cut -d' ' -f1)" = "$before" ] && ok || fail "a refused import changed the workspace"
# concurrent imports into a new workspace: all succeed, every map is there
for i in 1 2 3 4 5 6; do "$cw" import "$h/many.crosswalk" "$h/forge.json" >"$h/imp$i.out" 2>"$h/imp$i.err" & done
wait
n=$(cat "$h"/imp*.out | sort -u | wc -l)
[ "$n" -eq 6 ] && ok || fail "concurrent imports: $n distinct ids, expected 6: $(cat "$h"/imp*.err)"
expect 0 "" -- "$cw" check "$h/many.crosswalk"
# export -o: a link is written through, a private file stays private, a pipe is refused
expect 0 "" -- "$cw" export "$ws" --map "${ids[0]}" --format json -o "$h/private.json"
chmod 600 "$h/private.json"; ln -s "$h/private.json" "$h/link.json"
expect 0 "" -- "$cw" export "$ws" --map "${ids[0]}" --format json -o "$h/link.json"
[ -L "$h/link.json" ] && ok || fail "export replaced a link with a file"
[ "$(stat -c %a "$h/private.json")" = "600" ] && ok || fail "export changed a 0600 file's mode"
mkfifo "$h/pipe"
expect 1 "not a regular file" -- "$cw" export "$ws" --map "${ids[0]}" --format json -o "$h/pipe"
[ -p "$h/pipe" ] && ok || fail "export replaced a pipe"

# new: an empty workspace, and never over an existing file
expect 0 "" -- "$cw" new "$h/empty.crosswalk"
[ -f "$h/empty.crosswalk" ] && ok || fail "new made no workspace"
expect 0 "" -- "$cw" list "$h/empty.crosswalk"
expect 1 "exists" -- "$cw" new "$h/empty.crosswalk"
expect 1 "exists" -- "$cw" new "$ws"
expect 0 "" -- "$cw" check "$ws"

finish

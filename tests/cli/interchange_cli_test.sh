#!/usr/bin/env bash
# Other tools' formats on the command line: `crosswalk import` recognises a file by its content,
# prints each new map's id and reports what it made and left out; `crosswalk export --format bpmn`
# writes a file that imports back to the same map; refused files leave the workspace as it was.
# Usage: interchange_cli_test.sh PATH/TO/crosswalk FIXTURE_DIR [MIWG_DIR]
set -uo pipefail
cw="$1"
fixtures="$2"
miwg="${3:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"

# BPMN by content, whatever the file is called; the report names what was made and left out
ws="$tmp/ws.crosswalk"
cp "$fixtures/bpmnio-collaboration.bpmn" "$tmp/from-camunda.xml"
expect 0 "BPMN 2.0, 1 map" -- "$cw" import "$ws" "$tmp/from-camunda.xml"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && ok || fail "import printed $(cat "$tmp/out"), not one map id"
grep -q '"Principal evaluation": 2 lanes, 8 steps, 7 flows, 1 annotation' "$tmp/err" && ok ||
  fail "the report does not say what was made: $(cat "$tmp/err")"
grep -q "left out 3 element" "$tmp/err" && grep -q "bpmn:group id=Group_1" "$tmp/err" && ok ||
  fail "the report does not name what was left out: $(cat "$tmp/err")"
bpmn_id=$(cat "$tmp/out")
expect 0 "" -- "$cw" list "$ws"
grep -q "^$bpmn_id	.*Principal evaluation	8$" "$tmp/out" && ok || fail "list does not show the imported map"

# A file with several maps imports each
if [ -n "$miwg" ] && [ -f "$miwg/C.4.0.bpmn" ]; then
  expect 0 "4 maps" -- "$cw" import "$ws" "$miwg/C.4.0.bpmn"
  [ "$(wc -l <"$tmp/out")" -eq 4 ] && ok || fail "C.4.0 gave $(wc -l <"$tmp/out") ids, not 4"
  expect 0 "" -- "$cw" check "$ws"
else
  echo "note: MIWG models not found at '$miwg'; several-maps check skipped"
fi

# Export as BPMN, and back: the same map (JSON identical), through a fresh workspace
demo="$tmp/demo.crosswalk"
"$cw" demo "$demo" >/dev/null
while IFS=$'\t' read -r id _; do
  expect 0 "" -- "$cw" export "$demo" --map "$id" --format bpmn -o "$tmp/$id.bpmn"
  head -c 38 "$tmp/$id.bpmn" | grep -q '<?xml version="1.0" encoding="UTF-8"?>' && ok || fail "$id.bpmn is not XML"
  expect 0 "BPMN 2.0, 1 map" -- "$cw" import "$tmp/back.crosswalk" "$tmp/$id.bpmn"
  [ "$(cat "$tmp/out")" = "$id" ] && ok || fail "the map id did not survive BPMN: $(cat "$tmp/out") for $id"
  grep -q "left out" "$tmp/err" && fail "Crosswalk's own BPMN left something out: $(cat "$tmp/err")" || ok
  "$cw" export "$demo" --map "$id" --format json -o "$tmp/$id.a.json"
  "$cw" export "$tmp/back.crosswalk" --map "$id" --format json -o "$tmp/$id.b.json"
  cmp -s "$tmp/$id.a.json" "$tmp/$id.b.json" && ok || fail "$id: JSON differs after a trip through BPMN"
  last="$id"
done < <("$cw" list "$demo")
id="$last"
expect 0 "" -- "$cw" export "$demo" --map "$id" --format bpmn -o -
cmp -s "$tmp/out" "$tmp/$id.bpmn" && ok || fail "export bpmn to - differs from export to a file"
expect 2 "are for pdf" -- "$cw" export "$demo" --map "$id" --format bpmn --paper a4 -o "$tmp/x.bpmn"
expect 2 "format must be json, pdf, svg, png, bpmn" -- "$cw" export "$demo" --map "$id" --format visio -o "$tmp/x.vsdx"

# Refusals: exit 1 with a message naming the problem; the workspace exactly as it was
cat >"$tmp/xxe.bpmn" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="&secret;"/></process></definitions>
XML
{ printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
  for i in 1 2 3 4 5 6 7 8 9; do printf '<!ENTITY lol%d "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' "$i"; done
  printf ']>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="&lol9;"/></process></definitions>\n'
} >"$tmp/bomb.bpmn"
printf '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<process id="p">\n<task>' >"$tmp/truncated.bpmn"
printf '<mxfile host="drawio"><diagram id="d" name="Page-1"/></mxfile>' >"$tmp/map.drawio"
printf '\xEF\xBB\xBFProcess Step ID;Process Step Description;Next Step ID\n1;Start;2\n' >"$tmp/steps.csv"
printf '<svg xmlns="http://www.w3.org/2000/svg"/>' >"$tmp/picture.svg"
printf 'just some words\n' >"$tmp/notes.txt"
"$cw" list "$ws" >"$tmp/list.before"
sha_before=$(sha256sum "$ws" | cut -d' ' -f1)
expect 1 "DOCTYPE.*entit" -- "$cw" import "$ws" "$tmp/xxe.bpmn"
grep -q "root:" "$tmp/err" && fail "the external entity was read" || ok
expect 1 "DOCTYPE.*entit" -- "$cw" import "$ws" "$tmp/bomb.bpmn"
expect 1 "line 3.*well-formed|well-formed.*line 3|line 3" -- "$cw" import "$ws" "$tmp/truncated.bpmn"
expect 1 "Function" -- "$cw" import "$ws" "$tmp/steps.csv" # a step table needs its lane column
expect 1 "cannot tell what this file is.*<svg>" -- "$cw" import "$ws" "$tmp/picture.svg"
expect 1 "cannot tell what this file is" -- "$cw" import "$ws" "$tmp/notes.txt"
expect 2 "format must be" -- "$cw" export "$ws" --map "$bpmn_id" --format vsdx -o "$tmp/x.vsdx"
[ ! -e "$tmp/x.vsdx" ] && ok || fail "a refused export wrote a file"
[ "$(sha256sum "$ws" | cut -d' ' -f1)" = "$sha_before" ] && ok || fail "refused imports changed the workspace file"
"$cw" list "$ws" >"$tmp/list.after"
cmp -s "$tmp/list.before" "$tmp/list.after" && ok || fail "the map list changed after refused imports"
expect 1 "" -- "$cw" import "$tmp/never.crosswalk" "$tmp/xxe.bpmn"
[ ! -e "$tmp/never.crosswalk" ] && ok || fail "a refused import created a workspace"

# draw.io and step tables, out and back in: every demo map keeps its lanes, steps and flows.
while IFS=$'\t' read -r id _district _title steps; do
  for format in drawio csv; do
    expect 0 "" -- "$cw" export "$demo" --map "$id" --format "$format" -o "$tmp/$id.$format"
    expect 0 "" -- "$cw" import "$tmp/others.crosswalk" "$tmp/$id.$format"
    back=$(cat "$tmp/out")
    got=$("$cw" list "$tmp/others.crosswalk" | awk -F'\t' -v id="$back" '$1 == id { print $4 }')
    [ "$got" = "$steps" ] && ok || fail "$id: $steps steps went out as $format, $got came back"
  done
done < <("$cw" list "$demo")
expect 0 "" -- "$cw" check "$tmp/others.crosswalk"

finish

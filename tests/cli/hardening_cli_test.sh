#!/usr/bin/env bash
# Issue 19 on the command line (the cases of cli_test.sh's hardening block are not repeated):
# a workspace in a sync folder gets a note on stderr and the command goes on; strict JSON
# (a key given twice, no lanes, a phase without id, a blank map id) is refused naming the
# path; UTF-16 JSON imports; a map of too many flows is refused; a -wal from another
# workspace is named. Usage: hardening_cli_test.sh PATH/TO/crosswalk
set -uo pipefail
cw="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"

ws="$tmp/plain.crosswalk"
expect 0 "" -- "$cw" demo "$ws"
[ -s "$tmp/err" ] && fail "demo in a plain folder wrote to stderr: $(cat "$tmp/err")" || ok
id=$("$cw" list "$ws" | head -1 | cut -f1)
"$cw" export "$ws" --map "$id" --format json -o "$tmp/map.json" || fail "export failed"

# Sync folders: a note, once per command, and the command does its work.
mkdir -p "$tmp/Dropbox/maps" "$tmp/Nextcloud"
expect 0 "note: .*Dropbox/maps/ws.crosswalk is in a folder that Dropbox keeps in sync" -- \
  "$cw" import "$tmp/Dropbox/maps/ws.crosswalk" "$tmp/map.json"
[ "$(grep -c 'note:' "$tmp/err")" -eq 1 ] && ok || fail "the sync note was not given exactly once"
expect 0 "Nextcloud keeps in sync" -- "$cw" demo "$tmp/Nextcloud/demo.crosswalk"
expect 0 "Dropbox keeps in sync" -- "$cw" list "$tmp/Dropbox/maps/ws.crosswalk"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && ok || fail "list in a sync folder printed $(cat "$tmp/out")"
ln -s "$tmp/Dropbox/maps/ws.crosswalk" "$tmp/link.crosswalk"
expect 0 "Dropbox keeps in sync" -- "$cw" check "$tmp/link.crosswalk"
expect 0 "" -- "$cw" check "$ws"
grep -q "note:" "$tmp/err" && fail "a plain folder got a sync note" || ok

# Strict JSON: each refusal names the path.
python3 - "$tmp/map.json" "$tmp" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
d = json.load(open(src))
text = json.dumps(d, indent=1)
# a second "map": the parser would keep the last one
open(out + "/twomaps.json", "w").write(text[:-2] + ', "map": {"title": "Empty", "lanes": []}\n}')
lane = d["map"]["lanes"][1]
t = json.dumps(d, indent=1).replace('"id": "%s"' % lane["id"], '"id": "%s", "id": "other"' % lane["id"], 1)
open(out + "/dupid.json", "w").write(t)
e = json.loads(json.dumps(d)); del e["map"]["lanes"]; json.dump(e, open(out + "/nolanes.json", "w"))
e = json.loads(json.dumps(d)); del e["map"]["phases"][0]["id"]; json.dump(e, open(out + "/phaseid.json", "w"))
e = json.loads(json.dumps(d)); e["map"]["id"] = " "; json.dump(e, open(out + "/blankid.json", "w"))
e = json.loads(json.dumps(d)); e["map"]["id"] = "m-utf16"; e["map"]["title"] = "\u00c9valuation 2025/26"
open(out + "/utf16.json", "w", encoding="utf-16").write(json.dumps(e, ensure_ascii=False))
e = json.loads(json.dumps(d)); s = e["map"]["steps"]
e["map"]["flows"] = [{"id": "f%d" % i, "from": s[0]["id"], "to": s[1]["id"]} for i in range(40001)]
json.dump(e, open(out + "/flows.json", "w"))
PY
expect 1 '^duplicate key "map"' -- "$cw" import "$tmp/strict.crosswalk" "$tmp/twomaps.json"
expect 1 'map.lanes\[1\]: duplicate key "id"' -- "$cw" import "$tmp/strict.crosswalk" "$tmp/dupid.json"
expect 1 'map.lanes: required, but missing' -- "$cw" import "$tmp/strict.crosswalk" "$tmp/nolanes.json"
expect 1 'map.phases\[0\].id: required, but missing' -- "$cw" import "$tmp/strict.crosswalk" "$tmp/phaseid.json"
expect 1 'map.id: blank' -- "$cw" import "$tmp/strict.crosswalk" "$tmp/blankid.json"
expect 1 'map.flows: the map has 40001 flows; a map may have at most 40000' -- \
  "$cw" import "$tmp/strict.crosswalk" "$tmp/flows.json"
[ -e "$tmp/strict.crosswalk" ] && fail "a refused import created the workspace" || ok
expect 0 "UTF-16" -- "$cw" import "$tmp/strict.crosswalk" "$tmp/utf16.json"
"$cw" list "$tmp/strict.crosswalk" | grep -q $'m-utf16\t.*\t\xc3\x89valuation 2025/26\t' && ok ||
  fail "the UTF-16 map did not import as written: $("$cw" list "$tmp/strict.crosswalk")"

# A -wal from another workspace: the message names it, and the file is untouched.
cp "$tmp/map.json" "$tmp/one.json"
"$cw" import "$tmp/one.crosswalk" "$tmp/one.json" >/dev/null 2>&1
python3 - "$ws" <<'PY'
import sqlite3, shutil, sys, os
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_autocheckpoint = 0")
for i in range(20):
    c.execute("UPDATE steps SET label = label || 'x'"); c.commit()
shutil.copy(sys.argv[1] + "-wal", sys.argv[1] + ".foreign-wal")
os._exit(0)
PY
cp "$ws.foreign-wal" "$tmp/one.crosswalk-wal"
before=$(sha256sum "$tmp/one.crosswalk" | cut -d' ' -f1)
expect 1 "is intact, but the file .*one.crosswalk-wal beside it does not belong with it" -- "$cw" list "$tmp/one.crosswalk"
[ "$(sha256sum "$tmp/one.crosswalk" | cut -d' ' -f1)" = "$before" ] && ok || fail "a foreign -wal changed the file"


# Issue 19 regression tests added after the audit (proof-19 GAPS 1-3). The files are edited
# with Python's sqlite3 module, as a person with the sqlite3 shell would edit them.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["version"]=999; json.dump(d, open(sys.argv[2],"w"))' \
  "$tmp/map.json" "$tmp/v999.json"

# Finding 10: a title holding terminal escape codes (import refuses them, so they are written
# into the file directly) is printed by list escaped: no raw ESC reaches the terminal.
cp "$ws" "$tmp/esc.crosswalk"
python3 - "$tmp/esc.crosswalk" "$id" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE maps SET title = ?, district = ? WHERE id = ?",
          ("Plan\x1b]0;owned\x07\x1b[2J\x1b[31mred\x1b[0m", "D\x1b[1mist", sys.argv[2]))
c.commit(); c.close()
PY
expect 0 "" -- "$cw" list "$tmp/esc.crosswalk"
LC_ALL=C grep -q $'\x1b' "$tmp/out" && fail "list printed a raw ESC: $(od -c "$tmp/out" | head -5)" || ok
LC_ALL=C grep -q $'\x07' "$tmp/out" && fail "list printed a raw BEL" || ok
grep -qF "$id"$'\t''D\x1b[1mist'$'\t''Plan\x1b]0;owned\x07\x1b[2J\x1b[31mred\x1b[0m'$'\t' "$tmp/out" && ok ||
  fail "list did not escape the codes as \\xNN: $(grep -F "$id" "$tmp/out")"
[ "$(wc -l <"$tmp/out")" -eq "$("$cw" list "$ws" | wc -l)" ] && ok || fail "escape codes changed the row count"
# The same with a C1 control character: U+009B (CSI) opens an escape sequence in some terminals.
python3 - "$tmp/esc.crosswalk" "$id" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE maps SET title = ? WHERE id = ?", ("Plan\u009b2Jcleared \u00e9t\u00e9", sys.argv[2]))
c.commit(); c.close()
PY
expect 0 "" -- "$cw" list "$tmp/esc.crosswalk"
LC_ALL=C grep -q $'\xc2\x9b' "$tmp/out" && fail "list printed a raw U+009B" || ok
grep -qF 'Plan\u009b2Jcleared été' "$tmp/out" && ok || fail "list did not escape U+009B as \\u009b: $(grep -F "$id" "$tmp/out")"

# Finding 2: a trigger that would wipe the other maps on an import. The import is refused
# naming it, the file keeps its bytes and every map.
cp "$ws" "$tmp/trig.crosswalk"
python3 - "$tmp/trig.crosswalk" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("CREATE TRIGGER wipe_on_import AFTER INSERT ON maps BEGIN DELETE FROM maps WHERE id <> NEW.id; END;")
c.close()
PY
maps_before=$("$cw" list "$tmp/trig.crosswalk" | wc -l)
before=$(sha256sum "$tmp/trig.crosswalk" | cut -d' ' -f1)
expect 1 'schema that Crosswalk did not make \(trigger "wipe_on_import"' -- "$cw" import "$tmp/trig.crosswalk" "$tmp/map.json"
[ "$(sha256sum "$tmp/trig.crosswalk" | cut -d' ' -f1)" = "$before" ] && ok || fail "a refused import changed the tampered file"
[ "$("$cw" list "$tmp/trig.crosswalk" | wc -l)" -eq "$maps_before" ] && [ "$maps_before" -gt 1 ] && ok ||
  fail "maps were lost: $maps_before before, $("$cw" list "$tmp/trig.crosswalk" | wc -l) after"
expect 1 "" -- "$cw" check "$tmp/trig.crosswalk"
grep -qF 'trigger "wipe_on_import"' "$tmp/out" "$tmp/err" && ok || fail "check did not name the trigger: $(cat "$tmp/out" "$tmp/err")"

# Finding 9: a refused import into an OLDER-schema workspace leaves it byte for byte, not
# upgraded. Schema 3 (which opens read-only as it is) and schema 1 (which does not), made the
# way tests/core/storage/workspace_open_test.cpp and store_sessions_test.cpp make them.
for old in 3 1; do
  cp "$ws" "$tmp/old$old.crosswalk"
  python3 - "$tmp/old$old.crosswalk" "$old" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
if sys.argv[2] == "3":
    c.executescript("DROP TABLE sessions; DROP TABLE district_colors;"
                    " ALTER TABLE map_sessions DROP COLUMN deadline; PRAGMA user_version = 3;")
else:
    c.executescript("DELETE FROM maps WHERE deleted IS NOT NULL; ALTER TABLE maps DROP COLUMN deleted;"
                    " DROP TABLE sticky_notes; DROP TABLE parking_lot; DROP TABLE step_votes;"
                    " DROP TABLE map_sessions; DROP TABLE district_colors; DROP TABLE sessions;"
                    " PRAGMA user_version = 1;")
c.close()
PY
  before=$(sha256sum "$tmp/old$old.crosswalk" | cut -d' ' -f1)
  expect 1 "cannot be imported" -- "$cw" import "$tmp/old$old.crosswalk" "$tmp/v999.json"
  [ "$(sha256sum "$tmp/old$old.crosswalk" | cut -d' ' -f1)" = "$before" ] && ok ||
    fail "a refused import changed (upgraded?) the schema-$old workspace"
  v=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' \
    "$tmp/old$old.crosswalk")
  [ "$v" = "$old" ] && ok || fail "the schema-$old workspace is now schema $v after a refused import"
  # The same workspace is upgraded by an import that is accepted: the check above can see it.
  expect 0 "" -- "$cw" import "$tmp/old$old.crosswalk" "$tmp/map.json"
  v=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' \
    "$tmp/old$old.crosswalk")
  [ "$v" != "$old" ] && ok || fail "an accepted import did not upgrade the schema-$old workspace"
done

finish

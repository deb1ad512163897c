#!/usr/bin/env bash
# The network library's command line (docs/command-line.md): library init/add-district/
# add-facilitator/share/unshare/push/pull, list/import/export/check on a URI, and watch.
# Needs a PostgreSQL server: CROSSWALK_TEST_PG_URI (a superuser's URI; scripts/test.sh sets
# it). Without it the test passes with a notice, unless CROSSWALK_TEST_PG_REQUIRED=1.
# Usage: library_cli_test.sh PATH/TO/crosswalk SOURCE_DIR
set -uo pipefail
cw="$1"
src="$2"
if [ -z "${CROSSWALK_TEST_PG_URI:-}" ]; then
  if [ "${CROSSWALK_TEST_PG_REQUIRED:-0}" = 1 ]; then echo "FAIL: CROSSWALK_TEST_PG_URI is not set"; exit 1; fi
  echo "CROSSWALK_TEST_PG_URI is not set: skipped (scripts/test.sh sets it)"
  exit 0
fi
admin="$CROSSWALK_TEST_PG_URI"
db="cw_cli_$$"
tmp=$(mktemp -d)
cleanup() {
  [ -n "${watcher:-}" ] && kill "$watcher" 2>/dev/null
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP DATABASE IF EXISTS ${db}_foreign WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS ${db}_demo WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS ${db}_harbor" -c "DROP ROLE IF EXISTS ${db}_kestrel" -c "DROP ROLE IF EXISTS ${db}_fac" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
# The URI of the same server for another database and user.
uri() {
  local rest="${admin#*://}"
  local host="${rest#*@}"
  host="${host%%/*}"
  local query=""
  case "$rest" in *\?*) query="?${rest#*\?}" ;; esac
  echo "postgresql://$1@$host/$2$query"
}

psql -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE DATABASE $db" -c "CREATE DATABASE ${db}_foreign" -c "CREATE ROLE ${db}_harbor LOGIN" \
  -c "CREATE ROLE ${db}_kestrel LOGIN" -c "CREATE ROLE ${db}_fac LOGIN" >/dev/null || { echo "FAIL: setup"; exit 1; }
owner_user="$(psql -At "$admin" -c 'SELECT current_user')"
owner="$(uri "$owner_user" "$db")"
harbor="$(uri "${db}_harbor" "$db")"
kestrel="$(uri "${db}_kestrel" "$db")"
fac="$(uri "${db}_fac" "$db")"
psql -q "$(uri "$owner_user" "${db}_foreign")" -c "CREATE TABLE public.payroll (id int)" >/dev/null

# init: an empty database; again: nothing to do; a foreign database: refused
expect 0 "" -- "$cw" library init "$owner"
grep -q "created the network library" "$tmp/out" && ok || fail "init says: $(cat "$tmp/out")"
expect 0 "" -- "$cw" library init "$owner"
grep -q "already a network library" "$tmp/out" && ok || fail "second init says: $(cat "$tmp/out")"
expect 1 "holds other tables \(public.payroll\)" -- "$cw" library init "$(uri "$owner_user" "${db}_foreign")"
[ "$(psql -At "$(uri "$owner_user" "${db}_foreign")" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'crosswalk'")" = 0 ] &&
  ok || fail "init changed a foreign database"
expect 2 "not a network library URI" -- "$cw" library init "$tmp/file.crosswalk"
expect 1 "not a Crosswalk network library" -- "$cw" list "$(uri "$owner_user" template1)"

expect 0 "" -- "$cw" library add-district "$owner" --district "Harbor City Public Schools" --role "${db}_harbor"
expect 0 "" -- "$cw" library add-district "$owner" --district "Kestrel Bay Unified School District" --role "${db}_kestrel"
expect 0 "" -- "$cw" library add-facilitator "$owner" --role "${db}_fac"
expect 1 "only the owner" -- "$cw" library add-facilitator "$harbor" --role "${db}_kestrel"
expect 2 "needs exactly one --role" -- "$cw" library add-district "$owner" --district X

# import as a district: its own map yes, another district's no
expect 0 "" -- "$cw" import "$harbor" "$src/resources/demo/01-harbor-city.crosswalk.json"
[ "$(cat "$tmp/out")" = "m-harbor-city" ] && ok || fail "import printed $(cat "$tmp/out")"
expect 1 "may not add a map of district" -- "$cw" import "$harbor" "$src/resources/demo/02-kestrel-bay.crosswalk.json"
expect 0 "" -- "$cw" list "$kestrel"
[ ! -s "$tmp/out" ] && ok || fail "kestrel sees an unshared map: $(cat "$tmp/out")"

# share / unshare
expect 1 "no map with id or title" -- "$cw" library share "$kestrel" --map m-harbor-city  # hidden from it
expect 0 "" -- "$cw" library share "$harbor" --map m-harbor-city
expect 0 "" -- "$cw" list "$fac"
[ "$(cut -f1 "$tmp/out")" = "m-harbor-city" ] && ok || fail "the facilitator lists: $(cat "$tmp/out")"
expect 1 "may not unshare.*permission denied" -- "$cw" library unshare "$fac" --map m-harbor-city
expect 1 "may read it but not change it" -- "$cw" library unshare "$kestrel" --map m-harbor-city
expect 0 "" -- "$cw" export "$kestrel" --map m-harbor-city --format json -o "$tmp/harbor.json"
grep -q '"m-harbor-city"' "$tmp/harbor.json" && ok || fail "export wrote no map"
expect 0 "" -- "$cw" library unshare "$harbor" --map m-harbor-city
expect 1 "no map" -- "$cw" export "$kestrel" --map m-harbor-city --format json -o "$tmp/no.json"
[ ! -e "$tmp/no.json" ] && ok || fail "a refused export wrote a file"
expect 0 "" -- "$cw" check "$harbor"

# push a local map (with its revisions) and pull a copy into a local file
"$cw" demo "$tmp/demo.crosswalk" >/dev/null
expect 0 "pushed map m-kestrel-bay" -- "$cw" library push "$tmp/demo.crosswalk" "$kestrel" --map m-kestrel-bay
expect 1 "already has a map" -- "$cw" library push "$tmp/demo.crosswalk" "$kestrel" --map m-kestrel-bay
expect 0 "" -- "$cw" library pull "$kestrel" --map m-kestrel-bay "$tmp/train.crosswalk"
expect 0 "" -- "$cw" export "$tmp/train.crosswalk" --map m-kestrel-bay --format json -o "$tmp/pulled.json"
"$cw" export "$tmp/demo.crosswalk" --map m-kestrel-bay --format json -o "$tmp/local.json"
cmp -s "$tmp/pulled.json" "$tmp/local.json" && ok || fail "the pulled map differs from the pushed one"

# pull brings the map's revisions (ids, names, times) into the local file; push keeps them
psql -q -v ON_ERROR_STOP=1 "$kestrel" >/dev/null <<'SQL' || fail "adding revisions with SQL failed"
INSERT INTO crosswalk.revisions (id, map_id, name, created_at, doc)
  SELECT 'r-cli-1', id, 'Before session 2', '2026-01-05T10:00:00Z', doc FROM crosswalk.maps WHERE id = 'm-kestrel-bay';
INSERT INTO crosswalk.revisions (id, map_id, name, created_at, doc)
  SELECT 'r-cli-2', id, 'After session 2', '2026-02-05T10:00:00Z', doc FROM crosswalk.maps WHERE id = 'm-kestrel-bay';
SQL
expect 0 "pulled map m-kestrel-bay with 2 revision" -- "$cw" library pull "$kestrel" --map m-kestrel-bay "$tmp/history.crosswalk"
expect 1 "already has map m-kestrel-bay" -- "$cw" library pull "$kestrel" --map m-kestrel-bay "$tmp/history.crosswalk"
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$tmp/history.crosswalk" "SELECT id || '|' || name || '|' || created FROM revisions ORDER BY created")" = \
    "r-cli-1|Before session 2|2026-01-05T10:00:00Z
r-cli-2|After session 2|2026-02-05T10:00:00Z" ] && ok || fail "pulled revisions: $(sqlite3 "$tmp/history.crosswalk" 'SELECT * FROM revisions')"
else
  echo "note: no sqlite3 command; the pulled revisions are checked by library_moves_test.cpp only"
fi

# every read command takes the URI where it takes a file: export in every format, compare (json and pdf)
expect 0 "" -- "$cw" export "$kestrel" --map m-kestrel-bay --format pdf -o "$tmp/lib.pdf"
head -c 5 "$tmp/lib.pdf" | grep -q '%PDF-' && ok || fail "export --format pdf on a URI wrote no PDF"
expect 0 "" -- "$cw" export "$kestrel" --map m-kestrel-bay --format svg -o "$tmp/lib.svg"
grep -q '<svg' "$tmp/lib.svg" && ok || fail "export --format svg on a URI wrote no SVG"
expect 0 "" -- "$cw" export "$kestrel" --map m-kestrel-bay --format png -o "$tmp/lib.png"
[ "$(head -c 4 "$tmp/lib.png" | tail -c 3)" = "PNG" ] && ok || fail "export --format png on a URI wrote no PNG"
expect 0 "" -- "$cw" export "$kestrel" --map m-kestrel-bay --format bpmn -o "$tmp/lib.bpmn"
grep -q 'bpmn' "$tmp/lib.bpmn" && ok || fail "export --format bpmn on a URI wrote no BPMN"
"$cw" export "$tmp/demo.crosswalk" --map m-kestrel-bay --format pdf -o "$tmp/local.pdf" 2>/dev/null
[ "$(stat -c %s "$tmp/local.pdf")" -gt 1000 ] && [ "$(stat -c %s "$tmp/lib.pdf")" -gt 1000 ] && ok ||
  fail "the PDFs are empty"
expect 0 "" -- "$cw" library share "$harbor" --map m-harbor-city
expect 0 "" -- "$cw" compare "$kestrel" --map m-kestrel-bay --map m-harbor-city --format json -o "$tmp/cmp.json"
grep -q '"m-harbor-city"' "$tmp/cmp.json" && ok || fail "compare json on a URI: $(head -c 200 "$tmp/cmp.json")"
expect 0 "" -- "$cw" compare "$kestrel" --map m-kestrel-bay --map m-harbor-city --format pdf -o "$tmp/cmp.pdf"
head -c 5 "$tmp/cmp.pdf" | grep -q '%PDF-' && ok || fail "compare --format pdf on a URI wrote no PDF"
expect 1 "no map" -- "$cw" export "$fac" --map m-kestrel-bay --format pdf -o "$tmp/hidden.pdf" # not shared
[ ! -e "$tmp/hidden.pdf" ] && ok || fail "a refused PDF export wrote a file"
# import of another tool's format into a library (the owner, whom no district binds)
expect 0 "BPMN 2.0, 1 map" -- "$cw" import "$owner" "$tmp/lib.bpmn"
bpmn_id="$(cat "$tmp/out")"
expect 0 "" -- "$cw" list "$owner"
grep -q "^$bpmn_id	" "$tmp/out" && ok || fail "the imported BPMN map is not listed: $(cat "$tmp/out")"
expect 1 "may not add a map" -- "$cw" import "$harbor" "$tmp/lib.bpmn"
expect 0 "" -- "$cw" check "$owner"
grep -q "ok, 3 maps" "$tmp/out" && ok || fail "check on the owner's URI: $(cat "$tmp/out")"

# demo into a library (its own database): by its owner; a district may store only its own
# maps, and then nothing is added
psql -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE DATABASE ${db}_demo" >/dev/null || fail "creating ${db}_demo"
demo_owner="$(uri "$owner_user" "${db}_demo")"
expect 0 "" -- "$cw" library init "$demo_owner"
expect 0 "" -- "$cw" library add-district "$demo_owner" --district "Harbor City Public Schools" --role "${db}_harbor"
expect 1 "may not add a map of district" -- "$cw" demo "$(uri "${db}_harbor" "${db}_demo")"
expect 0 "" -- "$cw" list "$demo_owner"
[ ! -s "$tmp/out" ] && ok || fail "a refused demo left maps: $(cat "$tmp/out")"
expect 0 "" -- "$cw" demo "$demo_owner"
grep -q "added the demo maps (6)" "$tmp/out" && ok || fail "demo on a URI says: $(cat "$tmp/out")"
expect 0 "" -- "$cw" list "$demo_owner"
[ "$(wc -l <"$tmp/out")" -eq 6 ] && ok || fail "the library does not list 6 maps after demo: $(cat "$tmp/out")"
expect 1 "already has the demo map m-harbor-city; nothing was added" -- "$cw" demo "$demo_owner"
expect 0 "" -- "$cw" check "$demo_owner"
grep -q "ok, 6 maps" "$tmp/out" && ok || fail "check after demo: $(cat "$tmp/out")"

# watch: one JSON line per committed change (here committed with plain SQL, as the server records it)
"$cw" watch "$harbor" --map m-harbor-city --count 1 >"$tmp/watch" 2>"$tmp/watch.err" &
watcher=$!
sleep 1
psql -q -v ON_ERROR_STOP=1 "$harbor" >/dev/null <<'SQL' || fail "the SQL commit failed"
BEGIN;
UPDATE crosswalk.maps SET version = version + 1 WHERE id = 'm-harbor-city';
INSERT INTO crosswalk.changes (map_id, version, client, changes)
  SELECT id, version, 'c-sql', '{"steps":["s1"]}' FROM crosswalk.maps WHERE id = 'm-harbor-city';
NOTIFY crosswalk;
COMMIT;
SQL
for _ in $(seq 1 50); do kill -0 "$watcher" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$watcher" 2>/dev/null; then fail "watch did not print the change within 5 s"; else ok; fi
wait "$watcher" 2>/dev/null
watcher=""
grep -q "^{\"map\":\"m-harbor-city\",\"version\":1,\"role\":\"${db}_harbor\",\"client\":\"c-sql\",\"changed\":{\"steps\":\[\"s1\"\]}}$" "$tmp/watch" &&
  ok || fail "watch printed: $(cat "$tmp/watch") $(cat "$tmp/watch.err")"

# the password is never printed
expect 1 "" -- "$cw" list "$(uri "nobody_here:s3cret" "$db")"
grep -q "s3cret" "$tmp/err" && fail "the password was printed: $(cat "$tmp/err")" || ok

finish "library cli"

#!/usr/bin/env bash
# Sessions on the command line (issue 17): the demo's session listed, its record exported as
# JSON and PDF, refusals with clear messages, and a schema-3 workspace still listed.
# Usage: session_cli_test.sh PATH/TO/crosswalk
set -uo pipefail
cw="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"

ws="$tmp/demo.crosswalk"
expect 0 "" -- "$cw" demo "$ws"
grep -q -- '--sessions' <("$cw" --help) && ok || fail "--help does not describe list --sessions"

# list --sessions: id, title, date, tab-separated
expect 0 "" -- "$cw" list "$ws" --sessions
[ "$(wc -l <"$tmp/out")" -eq 1 ] && ok || fail "the demo lists $(wc -l <"$tmp/out") sessions, not 1"
[ "$(cat "$tmp/out")" = $'s-monthly-03\tThird monthly session of the six districts\t2026-03-12' ] && ok ||
  fail "list --sessions printed: $(cat "$tmp/out")"
# The map list is as it was.
expect 0 "" -- "$cw" list "$ws"
[ "$(wc -l <"$tmp/out")" -eq 6 ] && ok || fail "list without --sessions no longer lists the 6 maps"
expect 0 "" -- "$cw" check "$ws"

# export --session as JSON, by id and by title, to a file and to standard output
expect 0 "" -- "$cw" export "$ws" --session s-monthly-03 --format json -o "$tmp/record.json"
grep -q '"format": "crosswalk-session-record"' "$tmp/record.json" && ok || fail "record JSON has no format"
grep -q '"kind": "comparison"' "$tmp/record.json" && ok || fail "record JSON has no comparison item"
grep -q 'Which districts let principals see the rubric evidence' "$tmp/record.json" && ok ||
  fail "record JSON has no parking lot"
[ "$(grep -c '"kind": "map"' "$tmp/record.json")" -eq 6 ] && ok || fail "record JSON does not have six map items"
grep -q '"known": false' "$tmp/record.json" && ok || fail "an unstarted session's changes must be unknown"
expect 0 "" -- "$cw" export "$ws" --session "Third monthly session of the six districts" --format json -o -
cmp -s "$tmp/out" "$tmp/record.json" && ok || fail "export by title to stdout differs from by id"

# export --session as PDF (offscreen)
expect 0 "" -- "$cw" export "$ws" --session s-monthly-03 --format pdf -o "$tmp/record.pdf"
[ "$(head -c 5 "$tmp/record.pdf")" = "%PDF-" ] && ok || fail "record.pdf is not a PDF"
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/record.pdf" "$tmp/record.txt"
  grep -q "Session record" "$tmp/record.txt" && ok || fail "record.pdf has no title"
  grep -q "Agenda" "$tmp/record.txt" && ok || fail "record.pdf has no agenda"
  grep -q "Parking lot" "$tmp/record.txt" && ok || fail "record.pdf has no parking lot"
fi

# Refusals: wrong usage exits 2, a missing session 1; nothing written
expect 2 "json or pdf" -- "$cw" export "$ws" --session s-monthly-03 --format svg -o "$tmp/x"
expect 2 "one --session" -- "$cw" export "$ws" --session s-monthly-03 --map m-harbor-city --format json -o "$tmp/x"
expect 2 "needs -o" -- "$cw" export "$ws" --session s-monthly-03 --format json
expect 2 "only --paper" -- "$cw" export "$ws" --session s-monthly-03 --format pdf --tiles 2x2 -o "$tmp/x"
expect 1 'no session with id or title "nope"' -- "$cw" export "$ws" --session nope --format json -o "$tmp/x"
[ ! -e "$tmp/x" ] && ok || fail "a refused export wrote a file"
expect 2 "unknown option" -- "$cw" list "$ws" --session x

# A workspace of schema 3 (before sessions) is listed read-only, with no sessions.
if command -v sqlite3 >/dev/null; then
  cp "$ws" "$tmp/old.crosswalk"
  sqlite3 "$tmp/old.crosswalk" "DROP TABLE sessions; DROP TABLE district_colors; ALTER TABLE map_sessions DROP COLUMN deadline; PRAGMA user_version = 3;"
  expect 0 "" -- "$cw" list "$tmp/old.crosswalk" --sessions
  [ ! -s "$tmp/out" ] && ok || fail "a schema-3 workspace lists sessions: $(cat "$tmp/out")"
  expect 0 "" -- "$cw" list "$tmp/old.crosswalk"
  [ "$(wc -l <"$tmp/out")" -eq 6 ] && ok || fail "a schema-3 workspace does not list its maps"
fi

finish

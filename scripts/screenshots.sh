#!/usr/bin/env bash
# Makes the screenshots in docs/images from the running app under Xvfb at the size a
# shared screen has (1920x1080). Run after a build (scripts/run-demo.sh or scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
app=${CROSSWALK_APP:-build/src/app/crosswalk}
out=docs/images
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$app" demo "$tmp/demo.crosswalk" >/dev/null
# Settings of the person running the script must not change what the pictures show.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
grab() { # grab PNG SCREEN APP-OPTIONS...: the app on the demo workspace, grabbed to PNG
  local png=$1 screen=$2
  shift 2
  xvfb-run -a -s "-screen 0 ${screen}x24" "$app" "$tmp/demo.crosswalk" "$@" --screenshot "$png" 2>/dev/null
}
shot() { # shot NAME MAP
  grab "$out/$1.png" 1920x1080 --map "$2" --size 1920x1080
  echo "wrote $out/$1.png"
}
shot editor-harbor-city m-harbor-city
shot editor-kestrel-bay m-kestrel-bay
shot editor-granite-hollow m-granite-hollow
fitshot() { # fitshot NAME MAP: the whole map fitted to the window
  grab "$out/$1.png" 1920x1080 --map "$2" --size 1920x1080 --fit
  echo "wrote $out/$1.png"
}
fitshot editor-harbor-city-fit m-harbor-city
# The start page of an empty workspace, and what a video-call participant sees of it.
"$app" new "$tmp/empty.crosswalk" >/dev/null
xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "$tmp/empty.crosswalk" --size 1920x1080 \
  --screenshot "$out/start-page.png" 2>/dev/null
/usr/bin/convert "$out/start-page.png" -resize 960x540 "$out/start-page-960.png"
echo "wrote $out/start-page.png and $out/start-page-960.png"
# The improvement layer: Harbor City's map at 100 % on a screen wide enough to hold all of
# it (every annotation kind is on it), cropped to the canvas, then the same converted to
# greyscale to check that every kind still reads without colour.
convert=/usr/bin/convert
grab "$tmp/wide.png" 5600x1200 --map m-harbor-city --size 5600x1160
"$convert" "$tmp/wide.png" -crop "${CROSSWALK_ANNOTATED_CROP:-4250x1040+285+48}" +repage \
  -resize 45% "$out/annotations-harbor-city.png"
"$convert" "$out/annotations-harbor-city.png" -colorspace Gray "$out/annotations-harbor-city-grey.png"
# A detail at 100 % (then 70 %): the badges read at the size the canvas shows them.
"$convert" "$tmp/wide.png" -crop 2200x800+1130+180 +repage -resize 70% "$out/annotations-detail.png"
"$convert" "$out/annotations-detail.png" -colorspace Gray "$out/annotations-detail-grey.png"
echo "wrote $out/annotations-harbor-city{,-grey}.png and $out/annotations-detail{,-grey}.png"
# Facilitation in edit mode: Harbor City with sticky notes, dot votes and a parked question
# added as a team would in a session (through the exchange format), at 100 %, cropped to
# the steps that carry them.
"$app" export "$tmp/demo.crosswalk" --map m-harbor-city --format json -o "$tmp/harbor.json" >/dev/null
python3 - "$tmp/harbor.json" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path))
m = doc["map"]
m["sticky_notes"] = [
    {"id": "n1", "step": "s7", "text": "Ask HR who reads the goals", "color": "#FFE680"},
    {"id": "n2", "step": "s7", "text": "Conference often slips to October because the region sets the calendar",
     "color": "#C7F0D8"},
    {"id": "n3", "step": "s9", "text": "Who approves?", "color": "#FFD1E0"},
    {"id": "n4", "step": "s13", "text": "Same form as 2019", "color": "#CFE3FF"},
    {"id": "n5", "step": "s12", "text": "Coach pool is short", "color": "#FFD8A8"},
]
m["votes"] = {"s5": 1, "s7": 3, "s9": 8, "s12": 6, "s13": 2}
m["parking_lot"] = [{"id": "q1", "text": "Who owns the district calendar?", "created": "2026-03-05T15:04:00Z",
                     "done": False}]
json.dump(doc, open(path, "w"), indent=2)
PY
"$app" import "$tmp/session.crosswalk" "$tmp/harbor.json" >/dev/null 2>&1
xvfb-run -a -s "-screen 0 3000x1200x24" "$app" "$tmp/session.crosswalk" --map m-harbor-city --size 3000x1160 \
  --screenshot "$tmp/session.png" 2>/dev/null
"$convert" "$tmp/session.png" -crop "${CROSSWALK_SESSION_CROP:-1500x520+1100+330}" +repage "$out/session-notes-votes.png"
echo "wrote $out/session-notes-votes.png"
# Comparison: each view of the comparison window for two districts, and the overlay and
# grid for all six.
compareshot() { # compareshot NAME TAB REF,REF[,...]
  grab "$out/$1.png" 1920x1080 --compare "$3" --tab "$2" --size 1920x1080
  echo "wrote $out/$1.png"
}
two=m-harbor-city,m-kestrel-bay
six=m-harbor-city,m-kestrel-bay,m-ironbridge-county,m-sable-ridge,m-lindenport,m-granite-hollow
compareshot compare-overlay-2 overlay "$two"
compareshot compare-side-by-side-2 side "$two"
compareshot compare-grid-2 grid "$two"
compareshot compare-differences-2 differences "$two"
compareshot compare-overlay-6 overlay "$six"
compareshot compare-grid-6 grid "$six"
# Export: PDF pages as a reader sees them (pdftoppm, 72 dpi): Harbor City's map fitted to
# one page, a tile of the default (legible) layout, a tile and the annotation appendix of a
# 2x2 tiling, and the comparison report
# of Harbor City and Kestrel Bay (an overlay page, the grid, a page of differences).
pagenamed() { # pagenamed PDF NAME: the first page whose title block names it NAME
  local n i
  n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  for i in $(seq 1 "$n"); do
    pdftotext -f "$i" -l "$i" -layout "$1" - | sed -n 1p | grep -qE "$2\$" && { echo "$i"; return; }
  done
  echo 1
}
pageshot() { # pageshot PDF NAME PAGE-NAME
  pdftoppm -png -r 72 -singlefile -f "$(pagenamed "$1" "$3")" -l "$(pagenamed "$1" "$3")" "$1" "$out/$2"
  echo "wrote $out/$2.png"
}
"$app" export "$tmp/demo.crosswalk" --map m-harbor-city --format pdf --fit -o "$tmp/fit.pdf"
"$app" export "$tmp/demo.crosswalk" --map m-harbor-city --format pdf -o "$tmp/legible.pdf"
"$app" export "$tmp/demo.crosswalk" --map m-harbor-city --format pdf --tiles 2x2 -o "$tmp/tiles.pdf"
"$app" compare "$tmp/demo.crosswalk" --map m-harbor-city --map m-kestrel-bay --format pdf -o "$tmp/report.pdf"
pageshot "$tmp/fit.pdf" export-pdf-fit Map
pageshot "$tmp/legible.pdf" export-pdf-legible B1
pageshot "$tmp/tiles.pdf" export-pdf-tile A1
pageshot "$tmp/tiles.pdf" export-pdf-appendix Annotations
pageshot "$tmp/report.pdf" report-overlay Overlay
pageshot "$tmp/report.pdf" report-grid Grid
pageshot "$tmp/report.pdf" report-differences Differences
# Issue 15: six districts at a glance on a 1920x1080 screen and scaled to 960x540 (as a video
# call shows it), presenting with the spotlight on one lane row, and the report's network
# summary for all six.
"$convert" "$out/compare-overlay-6.png" -resize 960x540 "$out/compare-overlay-6-960.png"
echo "wrote $out/compare-overlay-6-960.png"
grab "$out/compare-present-row.png" 1920x1080 --compare "$six" --tab present \
  --spotlight-lane "Principal Supervisor" --size 1920x1080
echo "wrote $out/compare-present-row.png"
sixmaps=()
for ref in ${six//,/ }; do sixmaps+=(--map "$ref"); done
"$app" compare "$tmp/demo.crosswalk" "${sixmaps[@]}" --format pdf -o "$tmp/report6.pdf"
pageshot "$tmp/report6.pdf" report-summary-6 "Network summary"
# The last page of the two-district report: the marks, with their words and who is affected.
last=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/ { print $2 }')
pdftoppm -png -r 72 -singlefile -f "$last" -l "$last" "$tmp/report.pdf" "$out/report-marks"
echo "wrote $out/report-marks.png"
# The Lanes tab: Harbor City and Sable Ridge with two lane decisions a team would make
# (stored straight into the demo workspace, so this shot comes last): Sable Ridge's
# superintendent does what Harbor City's chief of schools does (added), and its area
# superintendent is Harbor City's principal supervisor (confirmed).
sqlite3 "$tmp/demo.crosswalk" "INSERT INTO match_decisions (map_a, map_b, kind, a, b, decision) VALUES
  ('m-harbor-city', 'm-sable-ridge', 'lane', 'l3', 'l3', 'added'),
  ('m-harbor-city', 'm-sable-ridge', 'lane', 'l2', 'l2', 'confirmed');"
compareshot compare-lanes-2 lanes m-harbor-city,m-sable-ridge
# Presentation mode at the size of a shared screen, each also checked scaled to 960x540.
presentshot() { # presentshot NAME MAP PRESENT-OPTIONS...
  local name=$1 map=$2
  shift 2
  grab "$out/$name.png" 1920x1080 --map "$map" --size 1920x1080 --present "$@"
  echo "wrote $out/$name.png"
}
presentshot present-fitted m-harbor-city
presentshot present-whole m-harbor-city --present-keys F
presentshot present-spotlight m-harbor-city --spotlight-lane "Principal Supervisor"
presentshot present-walk-decision m-harbor-city --walk 6
presentshot present-walk-caption m-harbor-city --walk 7
presentshot present-only-black-boxes m-harbor-city --present-keys "B P P P P"
presentshot present-facilitation m-harbor-city --walk 7 \
  --present-keys "D D D + + + T N 'Ask_each_supervisor_for_last_year's_visit_log Return"
presentshot present-help m-kestrel-bay --present-keys "?"
presentshot present-parking-lot m-kestrel-bay --walk 1 --present-keys "Q 'Who_signs_the_improvement_plan?"
# Issue 17, presentation (before the demo's session is started below, so that these show
# the map's own timer): every mark drawn (the harm point at the Principal
# Supervisor lane's header, the question on the "concerns" flow, the map's own change idea
# in the whole map's caption), T asking for a length, the timer running, and long labels
# wrapped in steps grown for them. Each also scaled to 960x540, as a video call shows it.
presentshot present-marks m-harbor-city --present-keys PgDown
# The timer shots on a fresh demo: the facilitation shot above set this map's timer.
"$app" demo "$tmp/timer.crosswalk" >/dev/null
for shot in "present-timer-length:T" "present-timer-running:T Return"; do
  xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "$tmp/timer.crosswalk" --map m-harbor-city --size 1920x1080 \
    --present --present-keys "${shot#*:}" --screenshot "$out/${shot%%:*}.png" 2>/dev/null
  echo "wrote $out/${shot%%:*}.png"
done
# Sessions (issue 17): the demo's session run to its second item (Kestrel Bay), with dots
# from four districts revealed and the timer running, at 1920x1080 and scaled to 960x540;
# and the first page of its record.
sqlite3 "$tmp/demo.crosswalk" "UPDATE sessions SET body = json_set(body,
  '\$.session.votes', json('[
    {\"participant\": \"harbor-city\", \"map\": \"m-kestrel-bay\", \"step\": \"s9\", \"count\": 2},
    {\"participant\": \"ironbridge\", \"map\": \"m-kestrel-bay\", \"step\": \"s9\", \"count\": 1},
    {\"participant\": \"sable-ridge\", \"map\": \"m-kestrel-bay\", \"step\": \"s11\", \"count\": 3},
    {\"participant\": \"lindenport\", \"map\": \"m-kestrel-bay\", \"step\": \"s6\", \"count\": 2}]'),
  '\$.session.notes', json('[
    {\"id\": \"sn1\", \"text\": \"Ask HR who trains new supervisors\", \"map\": \"m-kestrel-bay\",
     \"step\": \"s9\", \"author\": \"harbor-city\", \"color\": \"#FFE680\", \"created\": \"\"},
    {\"id\": \"sn2\", \"text\": \"Bring last year''s calibration notes\", \"map\": \"m-kestrel-bay\",
     \"step\": \"\", \"author\": \"sable-ridge\", \"color\": \"#FFE680\", \"created\": \"\"}]'),
  '\$.session.vote_settings.revealed', json('true'),
  '\$.session.timer.running', json('true'),
  '\$.session.timer.deadline_ms', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 3725000)
  WHERE id = 's-monthly-03';"
grab "$out/session-panel.png" 1920x1080 --map m-kestrel-bay --size 1920x1080 --session s-monthly-03 --session-step 1
"$convert" "$out/session-panel.png" -resize 960x540 "$out/session-panel-960.png"
echo "wrote $out/session-panel.png and $out/session-panel-960.png"
# The session's notes (issue 17), on Kestrel Bay's item (--session-step 0 with --map
# m-kestrel-bay shows it): on the canvas at 100 %, the note below "First school visit" and,
# after a grey bar, the one on the whole map in its column right of the map (two crops of one
# wide grab); in presentation walked to that step, the caption naming the note's author.
grab "$tmp/notes-wide.png" 6400x1300 --map m-kestrel-bay --size 6400x1260 --session s-monthly-03 --session-step 0
"$convert" "$tmp/notes-wide.png" -crop "${CROSSWALK_NOTE_CROP:-1100x480+1560+60}" +repage "$tmp/notes-a.png"
"$convert" "$tmp/notes-wide.png" -crop "${CROSSWALK_NOTE_COLUMN_CROP:-700x480+4380+60}" +repage \
  -gravity west -background "#5F6368" -splice 12x0 "$tmp/notes-b.png"
"$convert" "$tmp/notes-a.png" "$tmp/notes-b.png" +append "$out/session-notes-canvas.png"
echo "wrote $out/session-notes-canvas.png"
grab "$out/present-session-notes.png" 1920x1080 --map m-kestrel-bay --size 1920x1080 --session s-monthly-03 \
  --session-step 0 --present --walk 7
"$convert" "$out/present-session-notes.png" -resize 960x540 "$out/present-session-notes-960.png"
echo "wrote $out/present-session-notes.png and $out/present-session-notes-960.png"
"$app" export "$tmp/demo.crosswalk" --session s-monthly-03 --format pdf -o "$tmp/record.pdf"
pdftoppm -png -r 60 -singlefile -f 1 -l 1 "$tmp/record.pdf" "$out/session-record"
echo "wrote $out/session-record.png"
"$app" export "$tmp/demo.crosswalk" --map m-harbor-city --format json -o "$tmp/long.json" >/dev/null
python3 - "$tmp/long.json" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path))
for i, s in enumerate(doc["map"]["steps"]):
    if i % 3 == 0:
        s["label"] += " with the chief of schools, the data office and every supervisor"
json.dump(doc, open(path, "w"), indent=2)
PY
"$app" import "$tmp/long.crosswalk" "$tmp/long.json" >/dev/null 2>&1
xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "$tmp/long.crosswalk" --map m-harbor-city --size 1920x1080 \
  --present --screenshot "$out/present-long-labels.png" 2>/dev/null
echo "wrote $out/present-long-labels.png"
for name in present-fitted present-whole present-marks present-timer-running present-long-labels; do
  "$convert" "$out/$name.png" -resize 960x540 "$out/$name-960.png"
  echo "wrote $out/$name-960.png"
done

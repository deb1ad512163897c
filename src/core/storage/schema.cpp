#include "schema.h"

#include "sqlite.h"

#include "crosswalk/storage/workspace.h"

#include <string>

namespace crosswalk::storage {
namespace {

// Version 0 -> 1: the empty file becomes a Crosswalk workspace.
//
// Entities are keyed (map_id, id): ids are unique within a map, and a restored revision
// keeps its entity ids in a new map. pos keeps the exact order of each vector in the
// model; it is sparse so that an insertion usually writes one row (see order.h, planKind).
// References between entities (a step's lane, a flow's steps, an annotation's target)
// are not foreign keys: an annotation's target may be a step, flow or lane, and apply()
// already keeps them consistent; check() verifies them instead.
constexpr std::string_view kSchemaV1 = R"sql(
PRAGMA application_id = 1129468759;

CREATE TABLE maps (
    id       TEXT PRIMARY KEY NOT NULL,
    title    TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    focus    TEXT NOT NULL DEFAULT '',
    state    TEXT NOT NULL DEFAULT 'current',
    notes    TEXT NOT NULL DEFAULT '',
    created  TEXT NOT NULL,
    modified TEXT NOT NULL
);

CREATE TABLE lanes (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    name   TEXT NOT NULL,
    color  TEXT NOT NULL,
    height INTEGER NOT NULL,
    PRIMARY KEY (map_id, id)
);
CREATE INDEX lanes_order ON lanes(map_id, pos);

CREATE TABLE phases (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    name   TEXT NOT NULL,
    color  TEXT NOT NULL,
    width  INTEGER NOT NULL,
    PRIMARY KEY (map_id, id)
);
CREATE INDEX phases_order ON phases(map_id, pos);

CREATE TABLE steps (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    lane   TEXT NOT NULL,
    phase  TEXT NOT NULL DEFAULT '',
    kind   TEXT NOT NULL,
    label  TEXT NOT NULL,
    notes  TEXT NOT NULL DEFAULT '',
    x      INTEGER NOT NULL,
    y      INTEGER NOT NULL,
    w      INTEGER NOT NULL,
    h      INTEGER NOT NULL,
    PRIMARY KEY (map_id, id)
);
CREATE INDEX steps_order ON steps(map_id, pos);

CREATE TABLE flows (
    map_id    TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    pos       INTEGER NOT NULL,
    from_step TEXT NOT NULL,
    to_step   TEXT NOT NULL,
    label     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (map_id, id)
);
CREATE INDEX flows_order ON flows(map_id, pos);

CREATE TABLE annotations (
    map_id    TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    pos       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    target    TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL DEFAULT '',
    affects   TEXT NOT NULL DEFAULT '',
    variation TEXT,
    horizon   INTEGER,
    PRIMARY KEY (map_id, id)
);
CREATE INDEX annotations_order ON annotations(map_id, pos);

CREATE TABLE revisions (
    id       TEXT PRIMARY KEY NOT NULL,
    map_id   TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    created  TEXT NOT NULL,
    snapshot TEXT NOT NULL
);
CREATE INDEX revisions_by_map ON revisions(map_id, created);

-- Reserved for comparison: the user's decisions on lane pairings and step matches.
CREATE TABLE match_decisions (
    map_a    TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    map_b    TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('lane', 'step')),
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'added')),
    PRIMARY KEY (map_a, map_b, kind, a, b)
);
-- Foreign keys need an index on the child column, or deleting a map scans the table.
CREATE INDEX match_decisions_by_b ON match_decisions(map_b);
)sql";

// Version 1 -> 2: a deleted map is kept, marked with the time it was deleted, until the
// workspace is next opened for writing, so that deleting a map can be undone.
constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE maps ADD COLUMN deleted TEXT;
)sql";

// Version 2 -> 3, facilitation: sticky notes on steps, the parking lot, dot votes and the
// session timer, each stored with its map. It only creates tables.
// A note's step and a vote's step are checked by check(), like every other reference.
constexpr std::string_view kFacilitation = R"sql(
CREATE TABLE sticky_notes (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    step   TEXT NOT NULL,
    text   TEXT NOT NULL DEFAULT '',
    color  TEXT NOT NULL DEFAULT '#FFE680',
    PRIMARY KEY (map_id, id)
);
CREATE INDEX sticky_notes_order ON sticky_notes(map_id, pos);

CREATE TABLE parking_lot (
    map_id  TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    pos     INTEGER NOT NULL,
    text    TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '',
    done    INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    PRIMARY KEY (map_id, id)
);
CREATE INDEX parking_lot_order ON parking_lot(map_id, pos);

CREATE TABLE step_votes (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    step   TEXT NOT NULL,
    count  INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (map_id, step)
);

CREATE TABLE map_sessions (
    map_id    TEXT PRIMARY KEY NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    duration  INTEGER NOT NULL CHECK (duration >= 0),
    remaining INTEGER NOT NULL CHECK (remaining >= 0),
    running   INTEGER NOT NULL DEFAULT 0 CHECK (running IN (0, 1))
);
)sql";

// Version 3 -> 4: two tables and one column, nothing else changes, so older workspaces open
// unchanged apart from them.
// - district_colors, comparison: the colour slot (0 to 7 of the comparison palette) each
//   map's district keeps in every comparison view and report.
// - sessions: a facilitated session of the network (its agenda, timer, parking lot, notes
//   and votes) stored in its JSON form (docs/file-format.md, "Sessions"), with the columns
//   the session list needs and a version for conflicting saves.
// - map_sessions.deadline: a running session timer is stored as its deadline (UTC
//   milliseconds since 1970), so that it reads the same after a restart and for every
//   reader; 0 when paused.
constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE IF NOT EXISTS district_colors (
    map_id TEXT PRIMARY KEY NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    slot   INTEGER NOT NULL CHECK (slot BETWEEN 0 AND 7)
);
CREATE TABLE sessions (
    id      TEXT PRIMARY KEY NOT NULL,
    title   TEXT NOT NULL,
    date    TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    body    TEXT NOT NULL
);
ALTER TABLE map_sessions ADD COLUMN deadline INTEGER NOT NULL DEFAULT 0 CHECK (deadline >= 0);
)sql";

static_assert(kWorkspaceApplicationId == 1129468759, "kSchemaV1 spells out the application id");

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list{
        {0, kSchemaV1},
        {1, kSchemaV2},
        {2, kFacilitation},
        {3, kSchemaV4},
    };
    return list;
}

void migrate(sqlite3* db, int version)
{
    for (const Migration& m : migrations()) {
        if (m.from < version)
            continue;
        Transaction tx(db);
        exec(db, std::string(m.sql));
        exec(db, "PRAGMA user_version = " + std::to_string(m.from + 1));
        tx.commit();
        version = m.from + 1;
    }
    if (version != kWorkspaceSchemaVersion)
        throw SqliteError(SQLITE_ERROR, "no migration to schema " + std::to_string(kWorkspaceSchemaVersion));
}

void migrateTo(sqlite3* db, int version)
{
    for (const Migration& m : migrations()) {
        if (m.from >= version)
            break;
        exec(db, std::string(m.sql));
        exec(db, "PRAGMA user_version = " + std::to_string(m.from + 1));
    }
}

const std::vector<std::string_view>& expectedTables()
{
    static const std::vector<std::string_view> tables{"maps",         "lanes",       "phases",     "steps",
                                                      "flows",        "annotations", "revisions",  "match_decisions",
                                                      "sticky_notes", "parking_lot", "step_votes", "map_sessions",
                                                      "district_colors", "sessions"};
    return tables;
}

} // namespace crosswalk::storage

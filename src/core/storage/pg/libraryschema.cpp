#include "libraryschema.h"

#include <array>

namespace crosswalk {

namespace storage {

namespace {

// Migration N takes a library from schema version N-1 to N, in one transaction. Who may do
// what is decided here, by the server: grants per role (add-district, add-facilitator) and
// row-level security on every table. The owner (the role that ran init) is the network's
// administrator and is not bound by the policies.
//
// The policies ask SECURITY DEFINER functions about membership, so that members need no
// access to the members table; they pass current_user, which in a policy is the querying role.
constexpr const char* kMigration1 = R"SQL(
CREATE SCHEMA crosswalk;
REVOKE ALL ON SCHEMA crosswalk FROM PUBLIC;

CREATE TABLE crosswalk.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO crosswalk.meta VALUES ('application', 'crosswalk'), ('schema_version', '0');

-- A login role is a member of one district, or a facilitator.
CREATE TABLE crosswalk.members (
    role        name PRIMARY KEY,
    district    text,
    facilitator boolean NOT NULL DEFAULT false,
    CHECK ((district IS NULL) = facilitator),
    CHECK (district IS NULL OR district <> '')
);

-- One row per map; the map itself is its exchange-format JSON (docs/file-format.md), so a
-- library map and a file are the same thing. version counts every commit to it.
CREATE TABLE crosswalk.maps (
    id       text PRIMARY KEY,
    district text NOT NULL,
    title    text NOT NULL,
    steps    integer NOT NULL,
    doc      text NOT NULL,
    version  bigint NOT NULL DEFAULT 0,
    shared   boolean NOT NULL DEFAULT false,
    deleted  boolean NOT NULL DEFAULT false,
    CHECK (id = doc::jsonb -> 'map' ->> 'id'),
    CHECK (district = coalesce(doc::jsonb -> 'map' ->> 'district', ''))
);

-- Every commit: which ids it touched (a ChangeSet as JSON), by which client and role.
CREATE TABLE crosswalk.changes (
    map_id       text NOT NULL REFERENCES crosswalk.maps (id) ON DELETE CASCADE,
    version      bigint NOT NULL,
    client       text NOT NULL,
    role         name NOT NULL DEFAULT current_user,
    changes      text NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (map_id, version)
);

CREATE TABLE crosswalk.revisions (
    id         text PRIMARY KEY,
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    map_id     text NOT NULL REFERENCES crosswalk.maps (id) ON DELETE CASCADE,
    name       text NOT NULL,
    created_at text NOT NULL,
    doc        text NOT NULL
);
CREATE INDEX revisions_map ON crosswalk.revisions (map_id);

CREATE TABLE crosswalk.decisions (
    map_a    text NOT NULL REFERENCES crosswalk.maps (id) ON DELETE CASCADE,
    map_b    text NOT NULL REFERENCES crosswalk.maps (id) ON DELETE CASCADE,
    kind     text NOT NULL CHECK (kind IN ('lane', 'step')),
    a        text NOT NULL,
    b        text NOT NULL,
    decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'added')),
    PRIMARY KEY (map_a, map_b, kind, a, b),
    CHECK (map_a <> map_b)
);

CREATE FUNCTION crosswalk.district_of(r name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT district FROM crosswalk.members WHERE role = r $$;

CREATE FUNCTION crosswalk.can_read(m text, r name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT EXISTS (SELECT 1 FROM crosswalk.maps
                         WHERE id = m AND (shared OR district = crosswalk.district_of(r))) $$;

CREATE FUNCTION crosswalk.can_edit(m text, r name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT EXISTS (SELECT 1 FROM crosswalk.maps
                         WHERE id = m AND district = crosswalk.district_of(r)) $$;

ALTER TABLE crosswalk.maps ENABLE ROW LEVEL SECURITY;
CREATE POLICY maps_read ON crosswalk.maps FOR SELECT
    USING (shared OR district = crosswalk.district_of(current_user));
CREATE POLICY maps_add ON crosswalk.maps FOR INSERT
    WITH CHECK (district = crosswalk.district_of(current_user));
CREATE POLICY maps_edit ON crosswalk.maps FOR UPDATE
    USING (district = crosswalk.district_of(current_user))
    WITH CHECK (district = crosswalk.district_of(current_user));
CREATE POLICY maps_remove ON crosswalk.maps FOR DELETE
    USING (district = crosswalk.district_of(current_user));

ALTER TABLE crosswalk.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY changes_read ON crosswalk.changes FOR SELECT
    USING (crosswalk.can_read(map_id, current_user));
CREATE POLICY changes_add ON crosswalk.changes FOR INSERT
    WITH CHECK (crosswalk.can_edit(map_id, current_user) AND role = current_user);

ALTER TABLE crosswalk.revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY revisions_read ON crosswalk.revisions FOR SELECT
    USING (crosswalk.can_read(map_id, current_user));
CREATE POLICY revisions_add ON crosswalk.revisions FOR INSERT
    WITH CHECK (crosswalk.can_edit(map_id, current_user));
CREATE POLICY revisions_remove ON crosswalk.revisions FOR DELETE
    USING (crosswalk.can_edit(map_id, current_user));

-- A decision pairs two maps: seen when both are readable, changed by a district that edits
-- one of them and reads the other.
ALTER TABLE crosswalk.decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY decisions_read ON crosswalk.decisions FOR SELECT
    USING (crosswalk.can_read(map_a, current_user) AND crosswalk.can_read(map_b, current_user));
CREATE POLICY decisions_add ON crosswalk.decisions FOR INSERT
    WITH CHECK (crosswalk.can_read(map_a, current_user) AND crosswalk.can_read(map_b, current_user)
                AND (crosswalk.can_edit(map_a, current_user) OR crosswalk.can_edit(map_b, current_user)));
CREATE POLICY decisions_edit ON crosswalk.decisions FOR UPDATE
    USING (crosswalk.can_edit(map_a, current_user) OR crosswalk.can_edit(map_b, current_user))
    WITH CHECK (crosswalk.can_read(map_a, current_user) AND crosswalk.can_read(map_b, current_user)
                AND (crosswalk.can_edit(map_a, current_user) OR crosswalk.can_edit(map_b, current_user)));
CREATE POLICY decisions_remove ON crosswalk.decisions FOR DELETE
    USING (crosswalk.can_edit(map_a, current_user) OR crosswalk.can_edit(map_b, current_user));
)SQL";

// Migration 2, sessions (issue 17). A session belongs to the network: every member reads
// it; only facilitators (and the owner) create or change its agenda, timer and settings. A
// participant's parked questions and notes go in through session_add_entry(), which stamps
// them with the participant, and their dots are rows of their own in session_votes: each sees
// their own rows; everyone's rows only when the facilitator revealed them and voting is not
// anonymous; otherwise only the tally, once revealed, through session_tally(). A trigger holds
// each participant to the session's number of dots and counts every change in the session's
// version, which clients poll.
constexpr const char* kMigration2 = R"SQL(
CREATE FUNCTION crosswalk.is_member(r name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT EXISTS (SELECT 1 FROM crosswalk.members WHERE role = r) $$;
CREATE FUNCTION crosswalk.is_facilitator(r name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT EXISTS (SELECT 1 FROM crosswalk.members WHERE role = r AND facilitator) $$;

CREATE TABLE crosswalk.sessions (
    id                    text PRIMARY KEY,
    title                 text NOT NULL,
    date                  text NOT NULL,
    doc                   text NOT NULL,
    version               bigint NOT NULL DEFAULT 1,
    votes_per_participant integer NOT NULL DEFAULT 3 CHECK (votes_per_participant >= 0),
    revealed              boolean NOT NULL DEFAULT false,
    anonymous             boolean NOT NULL DEFAULT true,
    CHECK (id = doc::jsonb -> 'session' ->> 'id')
);

CREATE TABLE crosswalk.session_votes (
    session_id  text NOT NULL REFERENCES crosswalk.sessions (id) ON DELETE CASCADE,
    participant name NOT NULL DEFAULT current_user,
    map_id      text NOT NULL,
    step        text NOT NULL,
    count       integer NOT NULL CHECK (count > 0),
    PRIMARY KEY (session_id, participant, map_id, step)
);

CREATE FUNCTION crosswalk.votes_open(sid text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT coalesce((SELECT revealed AND NOT anonymous FROM crosswalk.sessions WHERE id = sid), false) $$;

CREATE FUNCTION crosswalk.session_tally(sid text) RETURNS TABLE (map_id text, step text, votes bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT v.map_id, v.step, sum(v.count)::bigint FROM crosswalk.session_votes v
          JOIN crosswalk.sessions s ON s.id = v.session_id
          WHERE v.session_id = sid AND crosswalk.is_member(session_user)
            AND (s.revealed OR crosswalk.is_facilitator(session_user))
          GROUP BY v.map_id, v.step ORDER BY v.map_id, v.step $$;

CREATE FUNCTION crosswalk.session_vote_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
    AS $$
DECLARE
    sid text;
    who name;
    used bigint;
    allowed integer;
BEGIN
    IF TG_OP = 'DELETE' THEN
        sid := OLD.session_id;
        who := OLD.participant;
    ELSE
        sid := NEW.session_id;
        who := NEW.participant;
    END IF;
    SELECT votes_per_participant INTO allowed FROM crosswalk.sessions WHERE id = sid;
    SELECT coalesce(sum(count), 0) INTO used FROM crosswalk.session_votes
        WHERE session_id = sid AND participant = who;
    IF TG_OP <> 'DELETE' AND used > allowed THEN
        RAISE EXCEPTION 'each participant has % votes in this session, and % has placed them all', allowed, who
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE crosswalk.sessions SET version = version + 1 WHERE id = sid;
    RETURN NULL;
END $$;
CREATE TRIGGER session_votes_changed AFTER INSERT OR UPDATE OR DELETE ON crosswalk.session_votes
    FOR EACH ROW EXECUTE FUNCTION crosswalk.session_vote_changed();

-- A participant's parked question (kind 'parking_lot') or note ('notes'): the entry is the
-- item's JSON; its author is the caller, whatever the entry says.
CREATE FUNCTION crosswalk.session_add_entry(sid text, kind text, entry text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
    AS $$
BEGIN
    IF NOT crosswalk.is_member(session_user) AND NOT pg_has_role(session_user,
            (SELECT nspowner FROM pg_namespace WHERE nspname = 'crosswalk'), 'USAGE') THEN
        RAISE EXCEPTION 'role % is not a member of this network library', session_user USING ERRCODE = '42501';
    END IF;
    IF kind NOT IN ('parking_lot', 'notes') THEN
        RAISE EXCEPTION 'no session list %', kind USING ERRCODE = '22023';
    END IF;
    UPDATE crosswalk.sessions
        SET doc = jsonb_set(doc::jsonb, ARRAY['session', kind],
                            coalesce(doc::jsonb -> 'session' -> kind, '[]'::jsonb) ||
                            jsonb_build_array(entry::jsonb || jsonb_build_object('author', session_user::text)))::text,
            version = version + 1
        WHERE id = sid;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no session %', sid USING ERRCODE = 'P0002';
    END IF;
END $$;

ALTER TABLE crosswalk.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_read ON crosswalk.sessions FOR SELECT USING (crosswalk.is_member(current_user));
CREATE POLICY sessions_add ON crosswalk.sessions FOR INSERT WITH CHECK (crosswalk.is_facilitator(current_user));
CREATE POLICY sessions_edit ON crosswalk.sessions FOR UPDATE
    USING (crosswalk.is_facilitator(current_user)) WITH CHECK (crosswalk.is_facilitator(current_user));
CREATE POLICY sessions_remove ON crosswalk.sessions FOR DELETE USING (crosswalk.is_facilitator(current_user));

ALTER TABLE crosswalk.session_votes ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_votes_read ON crosswalk.session_votes FOR SELECT
    USING (participant = current_user OR crosswalk.is_facilitator(current_user) OR crosswalk.votes_open(session_id));
CREATE POLICY session_votes_add ON crosswalk.session_votes FOR INSERT
    WITH CHECK (participant = current_user AND crosswalk.is_member(current_user));
CREATE POLICY session_votes_edit ON crosswalk.session_votes FOR UPDATE
    USING (participant = current_user) WITH CHECK (participant = current_user);
CREATE POLICY session_votes_remove ON crosswalk.session_votes FOR DELETE USING (participant = current_user);

-- Members added before this migration get the grants addDistrict/addFacilitator now give.
DO $$
DECLARE m record;
BEGIN
    FOR m IN SELECT role, facilitator FROM crosswalk.members LOOP
        IF m.facilitator THEN
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.sessions, crosswalk.session_votes TO %I', m.role);
        ELSE
            EXECUTE format('GRANT SELECT ON crosswalk.sessions TO %I', m.role);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.session_votes TO %I', m.role);
        END IF;
    END LOOP;
END $$;
)SQL";

// Migration 3, district colours (issue 15): the comparison palette slot each map's district
// keeps in every view and report (MapStore::districtColors). A colour follows its map as the
// revisions do: read where the map is readable, set only by the map's own district.
constexpr const char* kMigration3 = R"SQL(
CREATE TABLE crosswalk.district_colors (
    map_id text PRIMARY KEY REFERENCES crosswalk.maps (id) ON DELETE CASCADE,
    slot   integer NOT NULL CHECK (slot BETWEEN 0 AND 7)
);

ALTER TABLE crosswalk.district_colors ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_colors_read ON crosswalk.district_colors FOR SELECT
    USING (crosswalk.can_read(map_id, current_user));
CREATE POLICY district_colors_add ON crosswalk.district_colors FOR INSERT
    WITH CHECK (crosswalk.can_edit(map_id, current_user));
CREATE POLICY district_colors_edit ON crosswalk.district_colors FOR UPDATE
    USING (crosswalk.can_edit(map_id, current_user)) WITH CHECK (crosswalk.can_edit(map_id, current_user));
CREATE POLICY district_colors_remove ON crosswalk.district_colors FOR DELETE
    USING (crosswalk.can_edit(map_id, current_user));

-- Members added before this migration get the grants addDistrict/addFacilitator now give.
DO $$
DECLARE m record;
BEGIN
    FOR m IN SELECT role, facilitator FROM crosswalk.members LOOP
        IF m.facilitator THEN
            EXECUTE format('GRANT SELECT ON crosswalk.district_colors TO %I', m.role);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.district_colors TO %I', m.role);
        END IF;
    END LOOP;
END $$;
)SQL";

constexpr std::array<const char*, kLibrarySchemaVersion> kMigrations = {kMigration1, kMigration2, kMigration3};

std::string quotedIdent(PgConnection& conn, const std::string& name)
{
    char* q = PQescapeIdentifier(conn.raw(), name.c_str(), name.size());
    if (!q)
        throw LibraryError("cannot use " + name + " as a role name");
    std::string out(q);
    PQfreemem(q);
    return out;
}

void requireOwner(PgConnection& conn, const std::string& what)
{
    const bool owner = conn.exec("SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace "
                                 "WHERE nspname = 'crosswalk'")
                           .boolean(0, 0);
    if (!owner)
        throw LibraryError("only the owner of the network library " + conn.name() + " may " + what +
                               "; connect as the role that ran `crosswalk library init`",
                           "42501");
}

void requireLoginRole(PgConnection& conn, const std::string& role)
{
    const PgResult r = conn.exec("SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = $1", {role});
    if (r.rows() == 0)
        throw LibraryError("there is no role " + role + " on the server of " + conn.name() +
                           "; create it first (CREATE ROLE " + role + " LOGIN PASSWORD '...')");
    if (r.boolean(0, 1))
        throw LibraryError("role " + role + " is a superuser, which no row-level security binds; "
                           "give each district and facilitator an ordinary login role");
}

} // namespace

int librarySchemaVersion(PgConnection& conn, std::string* foreignTables)
{
    const PgResult meta = conn.exec("SELECT to_regclass('crosswalk.meta') IS NOT NULL");
    if (meta.boolean(0, 0)) {
        const PgResult r = conn.exec("SELECT "
                                     "(SELECT value FROM crosswalk.meta WHERE key = 'application'), "
                                     "(SELECT value FROM crosswalk.meta WHERE key = 'schema_version')");
        if (r.text(0, 0) == "crosswalk")
            return static_cast<int>(r.integer(0, 1));
    }
    const PgResult other = conn.exec(
        "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 1 LIMIT 4");
    if (other.rows() == 0)
        return 0;
    if (foreignTables)
        for (int i = 0; i < other.rows(); ++i)
            *foreignTables += (i ? ", " : "") + other.text(i, 0);
    return -1;
}

void requireLibrary(PgConnection& conn)
{
    int version = 0;
    try {
        version = librarySchemaVersion(conn);
    } catch (const LibraryError& e) {
        throw LibraryError(conn.name() + " cannot be read as a network library: " + e.what(), e.sqlState());
    }
    if (version <= 0) {
        // A member without USAGE on the schema sees no meta table at all.
        const bool schema = conn.exec("SELECT count(*) > 0 FROM pg_namespace WHERE nspname = 'crosswalk'").boolean(0, 0);
        if (schema)
            throw LibraryError("role " + conn.role() + " is not a member of the network library " + conn.name() +
                                   "; its owner adds it with `crosswalk library add-district` or `add-facilitator`",
                               "42501");
        throw LibraryError(conn.name() + " is not a Crosswalk network library; create one in an empty database "
                                         "with `crosswalk library init URI`");
    }
    if (version > kLibrarySchemaVersion)
        throw LibraryError(conn.name() + " is a network library of a newer Crosswalk (schema " +
                           std::to_string(version) + "; this Crosswalk knows " +
                           std::to_string(kLibrarySchemaVersion) + "); install the newer Crosswalk to use it");
}

} // namespace storage

using storage::PgConnection;
using storage::PgResult;

std::string NetworkLibrary::init(const std::string& uri)
{
    PgConnection conn(uri);
    std::string foreign;
    // One init at a time: a second waits here, then finds the library made.
    conn.exec("SELECT pg_advisory_lock(4352535701)");
    const int found = storage::librarySchemaVersion(conn, &foreign);
    if (found < 0)
        throw LibraryError("the database " + conn.name() + " holds other tables (" + foreign +
                           "); Crosswalk makes a network library only in an empty database: create one "
                           "with `createdb` and name it in the URI");
    if (found > kLibrarySchemaVersion)
        throw LibraryError(conn.name() + " is a network library of a newer Crosswalk (schema " +
                           std::to_string(found) + "; this Crosswalk knows " + std::to_string(kLibrarySchemaVersion) +
                           "); it was left as it is");
    if (found == kLibrarySchemaVersion)
        return conn.name() + " is already a network library (schema " + std::to_string(found) + "); nothing to do";
    for (int v = found + 1; v <= kLibrarySchemaVersion; ++v)
        storage::inTransaction(conn, [&] {
            conn.execScript(storage::kMigrations[static_cast<std::size_t>(v - 1)]);
            conn.exec("UPDATE crosswalk.meta SET value = $1 WHERE key = 'schema_version'", {std::to_string(v)});
        });
    conn.exec("SELECT pg_advisory_unlock(4352535701)");
    return (found == 0 ? "created the network library in " : "migrated the network library in ") + conn.name() +
           " (schema " + std::to_string(kLibrarySchemaVersion) + ", owner " + conn.role() + ")";
}

namespace {

void grantMember(PgConnection& conn, const std::string& role, bool facilitator)
{
    const std::string r = storage::quotedIdent(conn, role);
    conn.execScript("GRANT USAGE ON SCHEMA crosswalk TO " + r + ";"
                    "GRANT SELECT ON crosswalk.meta TO " + r + ";");
    // Sessions (issue 17): facilitators run them, every member reads them and places dots.
    conn.execScript(std::string(facilitator ? "GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.sessions TO "
                                            : "GRANT SELECT ON crosswalk.sessions TO ") +
                    r + "; GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.session_votes TO " + r + ";");
    // District colours (issue 15): follow the maps, so facilitators read them only.
    conn.execScript(std::string(facilitator ? "GRANT SELECT ON crosswalk.district_colors TO "
                                            : "GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.district_colors TO ") +
                    r + ";");
    if (facilitator) {
        conn.execScript("GRANT SELECT ON crosswalk.maps, crosswalk.changes, crosswalk.revisions, "
                        "crosswalk.decisions TO " + r + ";"
                        "REVOKE INSERT, UPDATE, DELETE ON crosswalk.maps, crosswalk.changes, crosswalk.revisions, "
                        "crosswalk.decisions FROM " + r + ";");
    } else {
        conn.execScript("GRANT SELECT, INSERT, UPDATE, DELETE ON crosswalk.maps, crosswalk.revisions, "
                        "crosswalk.decisions TO " + r + ";"
                        "GRANT SELECT, INSERT ON crosswalk.changes TO " + r + ";");
    }
}

} // namespace

void NetworkLibrary::addDistrict(const std::string& uri, const std::string& district, const std::string& role)
{
    if (district.empty())
        throw LibraryError("--district needs a district name");
    PgConnection conn(uri);
    storage::requireLibrary(conn);
    storage::requireOwner(conn, "add a district");
    storage::requireLoginRole(conn, role);
    storage::inTransaction(conn, [&] {
        const PgResult was = conn.exec("SELECT district, facilitator FROM crosswalk.members WHERE role = $1", {role});
        if (was.rows() && was.boolean(0, 1))
            throw LibraryError("role " + role + " is a facilitator of " + conn.name() +
                               "; a role is either a facilitator or a district member, not both");
        if (was.rows() && was.text(0, 0) != district)
            throw LibraryError("role " + role + " already edits the maps of district \"" + was.text(0, 0) +
                               "\"; a role belongs to one district");
        conn.exec("INSERT INTO crosswalk.members (role, district) VALUES ($1, $2) ON CONFLICT (role) DO NOTHING",
                  {role, district});
        grantMember(conn, role, false);
    });
}

void NetworkLibrary::addFacilitator(const std::string& uri, const std::string& role)
{
    PgConnection conn(uri);
    storage::requireLibrary(conn);
    storage::requireOwner(conn, "add a facilitator");
    storage::requireLoginRole(conn, role);
    storage::inTransaction(conn, [&] {
        const PgResult was = conn.exec("SELECT district FROM crosswalk.members WHERE role = $1", {role});
        if (was.rows() && !was.isNull(0, 0))
            throw LibraryError("role " + role + " edits the maps of district \"" + was.text(0, 0) +
                               "\"; a role is either a facilitator or a district member, not both");
        conn.exec("INSERT INTO crosswalk.members (role, facilitator) VALUES ($1, true) ON CONFLICT (role) DO NOTHING",
                  {role});
        grantMember(conn, role, true);
    });
}

} // namespace crosswalk

#include "workspacecheck.h"

#include "schema.h"
#include "sqlite.h"
#include "tables.h"
#include "workspacefiles.h"

#include "crosswalk/facilitation/session.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"

#include <array>
#include <functional>

namespace crosswalk::storage {

std::vector<std::string> checkWorkspace(sqlite3* db)
{
    std::vector<std::string> problems;
    // Each part runs on its own, so that one failure (a missing table) does not hide the rest.
    auto part = [&](std::string_view what, const std::function<void()>& run) {
        try {
            run();
        } catch (const SqliteError& e) {
            problems.push_back(std::string(what) + ": " + e.what());
        } catch (const std::exception& e) {
            problems.push_back(std::string(what) + ": " + e.what());
        }
    };
    auto rows = [&](const std::string& sql, const std::function<std::string(const Statement&)>& describe) {
        Statement s(db, sql);
        while (s.step())
            problems.push_back(describe(s));
    };

    part("integrity check", [&] {
        Statement s(db, "PRAGMA integrity_check(100)");
        std::vector<std::string> found;
        while (s.step())
            found.push_back(s.text(0));
        if (!(found.size() == 1 && found.front() == "ok"))
            for (const std::string& f : found)
                problems.push_back("integrity: " + f);
    });
    part("foreign key check", [&] {
        rows("PRAGMA foreign_key_check", [](const Statement& s) {
            return "table " + s.text(0) + " row " + s.text(1) + " refers to a missing row of " + s.text(2);
        });
    });
    part("schema check", [&] {
        const std::int64_t appId = queryInt(db, "PRAGMA application_id");
        if (appId != kWorkspaceApplicationId)
            problems.push_back("application_id is " + std::to_string(appId) + ", expected " +
                               std::to_string(kWorkspaceApplicationId) + " (not a Crosswalk workspace)");
        const std::int64_t version = queryInt(db, "PRAGMA user_version");
        if (version != kWorkspaceSchemaVersion)
            problems.push_back("schema version is " + std::to_string(version) + ", expected " +
                               std::to_string(kWorkspaceSchemaVersion));
        for (std::string_view table : expectedTables()) {
            Statement s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
            s.bind(1, table);
            if (!s.step())
                problems.push_back("table " + std::string(table) + " is missing");
        }
    });

    auto mapPrefix = [](const Statement& s) { return "map " + quoted(s.text(0)) + ": "; };
    part("step lanes", [&] {
        rows("SELECT s.map_id, s.id, s.lane FROM steps s WHERE NOT EXISTS "
             "(SELECT 1 FROM lanes l WHERE l.map_id = s.map_id AND l.id = s.lane) ORDER BY s.map_id, s.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "step " + quoted(s.text(1)) + " is in lane " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("step phases", [&] {
        rows("SELECT s.map_id, s.id, s.phase FROM steps s WHERE s.phase <> '' AND NOT EXISTS "
             "(SELECT 1 FROM phases p WHERE p.map_id = s.map_id AND p.id = s.phase) ORDER BY s.map_id, s.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "step " + quoted(s.text(1)) + " is in phase " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("flows", [&] {
        for (const auto& [column, verbText] : {std::pair{"from_step", "starts at"}, std::pair{"to_step", "ends at"}}) {
            // A copy, not the binding: clang 14 (the sanitizer and fuzzing build) cannot
            // capture structured bindings in a lambda.
            const std::string verb = verbText;
            rows(std::string("SELECT f.map_id, f.id, f.") + column +
                     " FROM flows f WHERE NOT EXISTS "
                     "(SELECT 1 FROM steps s WHERE s.map_id = f.map_id AND s.id = f." +
                     column + ") ORDER BY f.map_id, f.pos",
                 [&](const Statement& s) {
                     return mapPrefix(s) + "flow " + quoted(s.text(1)) + " " + verb + " step " + quoted(s.text(2)) +
                            ", which does not exist";
                 });
        }
    });
    part("annotation targets", [&] {
        rows("SELECT a.map_id, a.id, a.target FROM annotations a WHERE a.target <> '' "
             "AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.map_id = a.map_id AND s.id = a.target) "
             "AND NOT EXISTS (SELECT 1 FROM flows f WHERE f.map_id = a.map_id AND f.id = a.target) "
             "AND NOT EXISTS (SELECT 1 FROM lanes l WHERE l.map_id = a.map_id AND l.id = a.target) "
             "ORDER BY a.map_id, a.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "annotation " + quoted(s.text(1)) + " is on " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("sticky notes", [&] {
        rows("SELECT n.map_id, n.id, n.step FROM sticky_notes n WHERE NOT EXISTS "
             "(SELECT 1 FROM steps s WHERE s.map_id = n.map_id AND s.id = n.step) ORDER BY n.map_id, n.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "sticky note " + quoted(s.text(1)) + " is on step " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("votes", [&] {
        rows("SELECT v.map_id, v.step FROM step_votes v WHERE NOT EXISTS "
             "(SELECT 1 FROM steps s WHERE s.map_id = v.map_id AND s.id = v.step) ORDER BY v.map_id, v.step",
             [&](const Statement& s) {
                 return mapPrefix(s) + "votes are on step " + quoted(s.text(1)) + ", which does not exist";
             });
    });
    part("duplicate ids", [&] {
        // Within a kind the primary key forbids duplicates; across kinds only we can tell.
        std::string kinds;
        forEachTable([&]<typename T>(std::type_identity<T>) {
            kinds += std::string(kinds.empty() ? "" : " UNION ALL ") + "SELECT map_id, id, '" +
                     std::string(Table<T>::noun) + "' AS kind FROM " + std::string(Table<T>::name);
        });
        rows("SELECT map_id, id, group_concat(kind, ', ') FROM (" + kinds +
                 ") GROUP BY map_id, id HAVING COUNT(*) > 1 ORDER BY map_id, id",
             [&](const Statement& s) {
                 return mapPrefix(s) + "id " + quoted(s.text(1)) + " is used more than once (" + s.text(2) + ")";
             });
    });
    part("order", [&] {
        forEachTable([&]<typename T>(std::type_identity<T>) {
            const std::string table(Table<T>::name);
            rows("SELECT map_id, pos, COUNT(*) FROM " + table +
                     " GROUP BY map_id, pos HAVING COUNT(*) > 1 ORDER BY map_id, pos",
                 [&](const Statement& s) {
                     return mapPrefix(s) + s.text(2) + " " + table + " share position " + s.text(1) +
                            ", so their order is undefined";
                 });
        });
    });
    auto inList = [](const auto& names) {
        std::string list;
        for (const auto value : names)
            list += std::string(list.empty() ? "" : ", ") + "'" + std::string(toString(value)) + "'";
        return "(" + list + ")";
    };
    part("kinds", [&] {
        rows("SELECT map_id, id, kind FROM steps WHERE kind NOT IN " + inList(kAllStepKinds) + " ORDER BY map_id, pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "step " + quoted(s.text(1)) + " has an unknown kind " + quoted(s.text(2));
             });
        rows("SELECT map_id, id, kind FROM annotations WHERE kind NOT IN " + inList(kAllAnnotationKinds) +
                 " ORDER BY map_id, pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "annotation " + quoted(s.text(1)) + " has an unknown kind " + quoted(s.text(2));
             });
        rows("SELECT map_id, id, variation FROM annotations WHERE variation IS NOT NULL AND variation NOT IN " +
                 inList(std::array{Variation::Intentional, Variation::Unintentional}) + " ORDER BY map_id, pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "annotation " + quoted(s.text(1)) + " has an unknown variation " +
                        quoted(s.text(2));
             });
        rows("SELECT id, id, state FROM maps WHERE state NOT IN " +
                 inList(std::array{MapState::Current, MapState::Future}) + " ORDER BY id",
             [&](const Statement& s) { return mapPrefix(s) + "unknown state " + quoted(s.text(2)); });
    });
    part("revisions", [&] {
        Statement s(db, "SELECT id, map_id, snapshot FROM revisions ORDER BY map_id, created");
        while (s.step()) {
            try {
                (void)parseMapJson(s.text(2));
            } catch (const ImportError& e) {
                problems.push_back("map " + quoted(s.text(1)) + ": revision " + quoted(s.text(0)) +
                                   " cannot be read: " + e.what());
            }
        }
    });
    part("sessions", [&] {
        Statement s(db, "SELECT id, title, date, body FROM sessions ORDER BY id");
        while (s.step()) {
            try {
                const Session session = parseSessionJson(s.text(3));
                if (session.id != s.text(0) || session.title != s.text(1) || session.date != s.text(2))
                    problems.push_back("session " + quoted(s.text(0)) +
                                       ": its id, title or date column differs from its stored session");
            } catch (const std::exception& e) {
                problems.push_back("session " + quoted(s.text(0)) + " cannot be read: " + e.what());
            }
        }
    });
    return problems;
}

} // namespace crosswalk::storage

#pragma once

#include "crosswalk/model/map.h"

#include <string>
#include <vector>

namespace crosswalk {

/// One thing an importer could not carry over, or changed on the way, named so a person can find
/// it in the source file: "bpmn:dataInputAssociation id=DIA_1: no counterpart in Crosswalk".
struct InterchangeNote {
    std::string where;   // the element, cell, row or column ("row 7, column Next Step ID")
    std::string message; // what happened to it and why
    std::string toString() const { return where.empty() ? message : where + ": " + message; }
};

/// What an importer of another tool's format made: one map per page, process or table, and a
/// report of what it left out. A file that cannot be imported at all throws ImportError
/// (crosswalk/json/mapjson.h) instead, naming each problem.
struct InterchangeResult {
    std::vector<Map> maps;
    std::vector<InterchangeNote> leftOut; // elements counted and named, never silently dropped
    std::vector<InterchangeNote> notes;   // carried over, but changed ("nested lane flattened")
};

} // namespace crosswalk

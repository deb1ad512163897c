#pragma once

// Reads the labelled map pairs of tests/core/compare/data (format in its README.md).

#include "crosswalk/model/map.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace crosswalk::test {

struct LabelledPair {
    std::string name;
    Map a;
    Map b;
    std::set<std::pair<std::string, std::string>> truth;
};

inline std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

inline std::vector<std::string> splitBars(const std::string& text)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, '|'))
        parts.push_back(trimmed(part));
    return parts;
}

inline std::vector<std::string> splitChevrons(const std::string& text)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, '>'))
        if (!trimmed(part).empty())
            parts.push_back(trimmed(part));
    return parts;
}

// A map written without flow lines runs in the order its steps are written.
inline void chainIfNoFlows(Map& map)
{
    if (!map.flows.empty())
        return;
    for (std::size_t i = 0; i + 1 < map.steps.size(); ++i)
        map.flows.push_back({"f" + std::to_string(i + 1), map.steps[i].id, map.steps[i + 1].id, ""});
}

inline LabelledPair readLabelledPair(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    LabelledPair pair;
    pair.name = file.stem().string();
    pair.a.id = pair.name + "-a";
    pair.b.id = pair.name + "-b";
    Map* current = nullptr;
    bool inTruth = false;
    std::string line;
    int order = 0;
    while (std::getline(in, line)) {
        line = trimmed(line);
        if (line.empty() || line[0] == '#')
            continue;
        if (line == "[A]" || line == "[B]") {
            current = line == "[A]" ? &pair.a : &pair.b;
            inTruth = false;
            order = 0;
            continue;
        }
        if (line == "[truth]") {
            inTruth = true;
            current = nullptr;
            continue;
        }
        if (inTruth) {
            std::stringstream words(line);
            std::string a, b;
            words >> a >> b;
            pair.truth.emplace(a, b);
            continue;
        }
        if (!current)
            throw std::runtime_error(file.string() + ": a line outside [A] or [B]: " + line);
        if (line.rfind("flow:", 0) == 0) {
            // flow: x > y > z   (a chain; several lines for branches)
            std::string previous;
            for (const std::string& part : splitChevrons(line.substr(5))) {
                if (!current->step(part))
                    throw std::runtime_error(file.string() + ": flow names an unknown step: " + part);
                if (!previous.empty())
                    current->flows.push_back({"f" + std::to_string(current->flows.size() + 1), previous, part, ""});
                previous = part;
            }
        } else if (line.rfind("lanes:", 0) == 0) {
            for (const std::string& part : splitBars(line.substr(6))) {
                const auto eq = part.find('=');
                current->lanes.push_back({part.substr(0, eq), part.substr(eq + 1), "#FFFFFF", 160});
            }
        } else if (line.rfind("phases:", 0) == 0) {
            const std::string rest = trimmed(line.substr(7));
            if (rest != "-") {
                int n = 0;
                for (const std::string& part : splitBars(rest))
                    current->phases.push_back({"p" + std::to_string(++n), part, "#FFFFFF", 2000});
            }
        } else {
            const auto colon = line.find(':');
            std::stringstream head(line.substr(0, colon));
            std::string id, lane, phase, kind;
            head >> id >> lane >> phase >> kind;
            Step step;
            step.id = id;
            step.lane = lane;
            step.phase = phase == "-" ? std::string() : "p" + phase;
            const auto parsed = parseStepKind(kind);
            if (!parsed || !current->lane(lane))
                throw std::runtime_error(file.string() + ": bad step line: " + line);
            step.kind = *parsed;
            step.label = trimmed(line.substr(colon + 1));
            // Steps are written in time order: x grows with it, inside the step's phase.
            const int phaseIndex = phase == "-" ? 0 : std::stoi(phase) - 1;
            step.x = phaseIndex * 2000 + 10 * order++;
            current->steps.push_back(std::move(step));
        }
    }
    chainIfNoFlows(pair.a);
    chainIfNoFlows(pair.b);
    return pair;
}

inline std::vector<LabelledPair> readLabelledSet(const std::filesystem::path& dir)
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".txt")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<LabelledPair> pairs;
    for (const auto& file : files)
        pairs.push_back(readLabelledPair(file));
    return pairs;
}

} // namespace crosswalk::test

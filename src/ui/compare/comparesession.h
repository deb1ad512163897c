#pragma once

#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/decisionset.h"
#include "crosswalk/model/map.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace crosswalk {

class MapStore;

/// The maps being compared, the decisions stored for them and the comparison, shared by
/// every comparison view. Decisions go straight to the store (there is no Save), and
/// the comparison is recomputed after each one so that every view shows what is stored.
class CompareSession final : public QObject {
    Q_OBJECT

public:
    /// Loads the maps (2 to kMaxComparedMaps) from the store and compares them. Throws
    /// StoreError for a map that is not there, std::invalid_argument for too many maps.
    CompareSession(MapStore& store, const std::vector<std::string>& mapIds, QObject* parent = nullptr);

    MapStore& store() { return m_ws; }
    bool readOnly() const;
    std::size_t mapCount() const { return m_maps.size(); }
    const std::vector<Map>& maps() const { return m_maps; }
    const Map& map(std::size_t index) const { return m_maps.at(index); }
    const ComparisonResult& result() const { return m_result; }
    /// Whether some pair's labels were compared by their words alone (no lexical data, or
    /// labels in a language it does not know): the window and the report say so (issue 15).
    bool wordsOnly() const;
    const DecisionSet& decisions() const { return m_decisions; }

    /// District names for headings (the title when a map has no district).
    const QStringList& districtNames() const { return m_names; }
    /// Short unique tags ("HC") for badges.
    const QStringList& districtInitials() const { return m_initials; }

    /// The district's colour and line pattern in every view and the report: a slot of the
    /// comparison palette (comparestyle::districtColor), stored with the workspace so that a
    /// district keeps it whichever districts it is compared with. Two districts of one
    /// comparison never share a slot.
    std::size_t colorSlot(std::size_t index) const { return m_slots.at(index); }

    /// A name for a row of the lane crosswalk: the lane name most districts in it use.
    QString rowName(std::size_t row) const;

    /// The comparison of maps i and j (i < j).
    const PairComparison& pair(std::size_t i, std::size_t j) const;
    /// The step of map j matched with step `stepId` of map i, if any (either order of i, j).
    const StepMatch* matchOf(std::size_t i, std::size_t j, const std::string& stepId) const;
    /// The decision stored on two steps of maps i and j (i < j), if any.
    std::optional<Decision> stepDecision(std::size_t i, std::size_t j, const std::string& a,
                                         const std::string& b) const;

    // Each stores a step decision between maps i < j (a in map i, b in map j), then recomputes.
    // They throw StoreError when the store cannot be written.
    void confirmMatch(std::size_t i, std::size_t j, const std::string& a, const std::string& b);
    void rejectMatch(std::size_t i, std::size_t j, const std::string& a, const std::string& b);
    void addMatch(std::size_t i, std::size_t j, const std::string& a, const std::string& b);
    void clearDecision(std::size_t i, std::size_t j, const std::string& a, const std::string& b);

    /// The decision stored on two lanes of maps i and j (i < j; a in map i, b in map j), if any.
    std::optional<Decision> laneDecision(std::size_t i, std::size_t j, const std::string& a,
                                         const std::string& b) const;
    /// The lane decisions between maps i < j, turned so that .a is a lane of map i.
    std::vector<MatchDecision> laneDecisions(std::size_t i, std::size_t j) const;

    // Each stores a lane decision between maps i < j (lane a of map i, lane b of map j), then
    // recomputes: the crosswalk, the step matches that depend on it and every view. They
    // throw StoreError when the store cannot be written.
    void confirmLanePair(std::size_t i, std::size_t j, const std::string& a, const std::string& b);
    void rejectLanePair(std::size_t i, std::size_t j, const std::string& a, const std::string& b);
    void addLanePair(std::size_t i, std::size_t j, const std::string& a, const std::string& b);
    void clearLaneDecision(std::size_t i, std::size_t j, const std::string& a, const std::string& b);

    /// Loads the maps and decisions again (after the maps were edited elsewhere) and recomputes.
    void reload();

    /// How steps are matched (the least score of a proposed match: `compare --min-score`);
    /// recomputes when it changes. The default is CompareOptions' own.
    void setMatchOptions(const CompareOptions& options);
    const CompareOptions& matchOptions() const { return m_options; }

signals:
    /// The comparison was recomputed: views rebuild from result().
    void changed();

private:
    void decide(std::size_t i, std::size_t j, DecisionKind kind, const std::string& a, const std::string& b,
                Decision decision);
    std::optional<Decision> decisionOn(std::size_t i, std::size_t j, DecisionKind kind, const std::string& a,
                                       const std::string& b) const;
    void recompute();
    std::size_t pairIndex(std::size_t i, std::size_t j) const;

    MapStore& m_ws;
    std::vector<std::string> m_ids;
    std::vector<Map> m_maps;
    DecisionSet m_decisions;
    ComparisonResult m_result;
    QStringList m_names;
    QStringList m_initials;
    std::vector<std::size_t> m_slots;
    CompareOptions m_options;
    void assignColors();
};

} // namespace crosswalk

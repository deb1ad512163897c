#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

class QMimeData;

namespace crosswalk {

/// Copy and paste of steps with the flows between them, within a map, between maps and
/// between workspaces: the clipboard carries a small map in the exchange format (JSON).
class MapClipboard final {
public:
    static QString mimeType() { return QStringLiteral("application/x-crosswalk-map+json"); }

    /// A map holding the steps, the flows between them, and their lanes and phases.
    static Map fragment(const Map& map, const std::vector<std::string>& stepIds);
    static QMimeData* toMimeData(const Map& fragment);
    /// The fragment on the clipboard, when it holds one (our type, or plain text in our format).
    static std::optional<Map> fromMimeData(const QMimeData* data);

    /// Adds the fragment's steps and flows to the target with new ids. Lanes are matched by id,
    /// then by name; steps of other lanes go to fallbackLane. offset shifts every step (used
    /// when pasting where the originals still are). newStepIds receives the new steps' ids.
    static Batch pasteBatch(const Map& target, const Map& fragment, const std::string& fallbackLane, int offset,
                            std::vector<std::string>* newStepIds);
};

} // namespace crosswalk

#include "ui/canvas/mapclipboard.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"

#include <QMimeData>

#include <map>
#include <set>

namespace crosswalk {

Map MapClipboard::fragment(const Map& map, const std::vector<std::string>& stepIds)
{
    const std::set<std::string> ids(stepIds.begin(), stepIds.end());
    Map out;
    out.id = "clipboard";
    out.props.title = "Copied steps";
    std::set<std::string> lanes;
    std::set<std::string> phases;
    for (const Step& s : map.steps)
        if (ids.count(s.id)) {
            out.steps.push_back(s);
            lanes.insert(s.lane);
            if (!s.phase.empty())
                phases.insert(s.phase);
        }
    for (const Lane& l : map.lanes)
        if (lanes.count(l.id))
            out.lanes.push_back(l);
    for (const Phase& p : map.phases)
        if (phases.count(p.id))
            out.phases.push_back(p);
    for (const Flow& f : map.flows)
        if (ids.count(f.from) && ids.count(f.to))
            out.flows.push_back(f);
    // Sticky notes are what the team wrote on the steps: they go with them. Dot votes are
    // a tally of one round on the original steps and stay there.
    for (const StickyNote& n : map.stickyNotes)
        if (ids.count(n.step))
            out.stickyNotes.push_back(n);
    // Positions stay absolute in the source lanes; paste decides where they go.
    return out;
}

QMimeData* MapClipboard::toMimeData(const Map& fragment)
{
    auto* data = new QMimeData();
    const QByteArray json = QByteArray::fromStdString(mapToJson(fragment));
    data->setData(mimeType(), json);
    data->setText(QString::fromUtf8(json));
    return data;
}

std::optional<Map> MapClipboard::fromMimeData(const QMimeData* data)
{
    if (!data)
        return std::nullopt;
    QByteArray json;
    if (data->hasFormat(mimeType()))
        json = data->data(mimeType());
    else if (data->hasText() && data->text().contains(QStringLiteral("crosswalk-map")))
        json = data->text().toUtf8();
    if (json.isEmpty())
        return std::nullopt;
    try {
        return parseMapJson(json.toStdString()).map;
    } catch (const std::exception&) {
        return std::nullopt; // not ours after all: nothing to paste
    }
}

Batch MapClipboard::pasteBatch(const Map& target, const Map& fragment, const std::string& fallbackLane, int offset,
                               std::vector<std::string>* newStepIds)
{
    std::map<std::string, std::string> laneFor;
    for (const Lane& l : fragment.lanes) {
        std::string match;
        if (target.lane(l.id)) {
            match = l.id;
        } else {
            const QString name = QString::fromStdString(l.name).trimmed();
            for (const Lane& t : target.lanes)
                if (QString::fromStdString(t.name).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
                    match = t.id;
                    break;
                }
        }
        laneFor[l.id] = match.empty() ? fallbackLane : match;
    }
    std::vector<Edit> edits;
    std::map<std::string, std::string> newIds;
    for (const Step& s : fragment.steps) {
        Step copy = s;
        copy.id = newId("s-");
        copy.lane = laneFor.count(s.lane) ? laneFor[s.lane] : fallbackLane;
        if (!target.lane(copy.lane))
            continue;
        copy.x = std::max(0, s.x + offset);
        copy.y = std::max(0, s.y + offset);
        copy.phase = layout::phaseAt(target, copy.x + copy.w / 2);
        newIds[s.id] = copy.id;
        if (newStepIds)
            newStepIds->push_back(copy.id);
        edits.push_back(AddStep{copy, std::nullopt});
    }
    for (const Flow& f : fragment.flows) {
        if (!newIds.count(f.from) || !newIds.count(f.to))
            continue;
        Flow copy = f;
        copy.id = newId("f-");
        copy.from = newIds[f.from];
        copy.to = newIds[f.to];
        edits.push_back(AddFlow{copy, std::nullopt});
    }
    for (const StickyNote& note : fragment.stickyNotes) {
        if (!newIds.count(note.step))
            continue;
        StickyNote copy = note;
        copy.id = newId("n-");
        copy.step = newIds[note.step];
        edits.push_back(AddStickyNote{copy, std::nullopt});
    }
    const std::size_t n = newIds.size();
    return gestures::withRoomToFit(target, n == 1 ? "Paste step" : "Paste " + std::to_string(n) + " steps",
                                      std::move(edits));
}

} // namespace crosswalk

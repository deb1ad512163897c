#include "crosswalk/edit/edit.h"

#include <string>
#include <string_view>

namespace crosswalk {
namespace {

// Long labels would swamp the undo menu; cut after this many characters (code points).
constexpr std::size_t kMaxQuoted = 40;

/// " \"name\"" for a non-empty name (cut to kMaxQuoted characters), else nothing, so
/// that "Remove lane" reads well whether or not the lane has a name.
std::string named(std::string_view name)
{
    if (name.empty())
        return {};
    std::size_t chars = 0;
    std::size_t cut = name.size();
    for (std::size_t i = 0; i < name.size(); ++i) {
        // Count only the first byte of each UTF-8 sequence, so a character is never split.
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) {
            if (chars == kMaxQuoted) {
                cut = i;
                break;
            }
            ++chars;
        }
    }
    std::string text(name.substr(0, cut));
    if (cut < name.size())
        text += "\u2026";
    return " \"" + text + "\"";
}

std::string counted(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string lowerFirst(std::string_view text)
{
    std::string out(text);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

std::size_t fragmentSize(const Fragment& f)
{
    return f.lanes.size() + f.phases.size() + f.steps.size() + f.flows.size() + f.annotations.size() +
           f.stickyNotes.size();
}

/// Words for one edit; with a map it names what the edit touches.
class Describer {
public:
    explicit Describer(const Map* map) : m_map(map) {}

    std::string operator()(const AddStep& e) const { return "Add step" + named(e.step.label); }
    std::string operator()(const RemoveStep& e) const { return "Remove step" + stepName(e.id); }
    std::string operator()(const UpdateStep& e) const { return "Edit step" + named(e.step.label); }
    std::string operator()(const MoveSteps& e) const
    {
        if (e.moves.size() == 1)
            return "Move step" + stepName(e.moves.front().id);
        return "Move " + counted(e.moves.size(), "step", "steps");
    }

    std::string operator()(const AddLane& e) const { return "Add lane" + named(e.lane.name); }
    std::string operator()(const RemoveLane& e) const { return "Remove lane" + laneName(e.id); }
    std::string operator()(const RenameLane& e) const
    {
        return "Rename lane" + laneName(e.id) + (e.name.empty() ? std::string() : " to" + named(e.name));
    }
    std::string operator()(const RecolourLane& e) const { return "Change colour of lane" + laneName(e.id); }
    std::string operator()(const ReorderLane& e) const { return "Move lane" + laneName(e.id); }
    std::string operator()(const ResizeLane& e) const { return "Resize lane" + laneName(e.id); }

    std::string operator()(const AddPhase& e) const { return "Add phase" + named(e.phase.name); }
    std::string operator()(const RemovePhase& e) const { return "Remove phase" + phaseName(e.id); }
    std::string operator()(const RenamePhase& e) const
    {
        return "Rename phase" + phaseName(e.id) + (e.name.empty() ? std::string() : " to" + named(e.name));
    }
    std::string operator()(const RecolourPhase& e) const { return "Change colour of phase" + phaseName(e.id); }
    std::string operator()(const ReorderPhase& e) const { return "Move phase" + phaseName(e.id); }
    std::string operator()(const ResizePhase& e) const { return "Resize phase" + phaseName(e.id); }

    std::string operator()(const AddFlow& e) const
    {
        const std::string from = stepName(e.flow.from);
        const std::string to = stepName(e.flow.to);
        if (from.empty() || to.empty())
            return "Add flow";
        return "Add flow from" + from + " to" + to;
    }
    std::string operator()(const RemoveFlow&) const { return "Remove flow"; }
    std::string operator()(const RelabelFlow&) const { return "Relabel flow"; }

    std::string operator()(const AddAnnotation& e) const
    {
        return "Add " + lowerFirst(displayName(e.annotation.kind));
    }
    std::string operator()(const UpdateAnnotation& e) const
    {
        return "Edit " + lowerFirst(displayName(e.annotation.kind));
    }
    std::string operator()(const RemoveAnnotation& e) const
    {
        const Annotation* a = m_map ? m_map->annotation(e.id) : nullptr;
        return "Remove " + (a ? lowerFirst(displayName(a->kind)) : std::string("annotation"));
    }

    std::string operator()(const UpdateMapProperties&) const { return "Edit map properties"; }
    std::string operator()(const InsertFragment& e) const
    {
        return "Insert " + counted(fragmentSize(e.fragment), "item", "items");
    }
    std::string operator()(const RemoveEntities& e) const
    {
        return "Remove " + counted(e.ids.size(), "item", "items");
    }
    std::string operator()(const ShiftSteps& e) const
    {
        if (e.ids.size() == 1)
            return "Shift step" + stepName(e.ids.front());
        return "Shift " + counted(e.ids.size(), "step", "steps");
    }
    std::string operator()(const Batch& e) const
    {
        if (!e.name.empty())
            return e.name;
        if (e.edits.size() == 1)
            return std::visit(*this, e.edits.front().v);
        if (e.edits.empty())
            return "No change";
        return counted(e.edits.size(), "change", "changes");
    }

    std::string operator()(const AddStickyNote& e) const
    {
        const std::string on = stepName(e.note.step);
        return "Add sticky note" + (on.empty() ? std::string() : " on" + on);
    }
    std::string operator()(const UpdateStickyNote&) const { return "Edit sticky note"; }
    std::string operator()(const RemoveStickyNote& e) const
    {
        const StickyNote* note = m_map ? m_map->stickyNote(e.id) : nullptr;
        return "Remove sticky note" + (note ? named(note->text) : std::string());
    }
    std::string operator()(const AddParkingItem& e) const { return "Park question" + named(e.item.text); }
    std::string operator()(const UpdateParkingItem& e) const
    {
        const ParkingItem* item = m_map ? m_map->parkingItem(e.item.id) : nullptr;
        if (item && item->done != e.item.done && item->text == e.item.text)
            return std::string(e.item.done ? "Tick" : "Untick") + " parked question" + named(e.item.text);
        return "Edit parked question" + named(e.item.text);
    }
    std::string operator()(const RemoveParkingItem& e) const
    {
        const ParkingItem* item = m_map ? m_map->parkingItem(e.id) : nullptr;
        return "Remove parked question" + (item ? named(item->text) : std::string());
    }
    std::string operator()(const SetVotes& e) const
    {
        if (m_map && e.count < m_map->votesOn(e.step))
            return "Remove vote from step" + stepName(e.step);
        return "Vote for step" + stepName(e.step);
    }
    std::string operator()(const ReplaceVotes& e) const { return e.votes.empty() ? "Reset votes" : "Set votes"; }
    std::string operator()(const SetSessionTimer&) const { return "Set session timer"; }

private:
    std::string stepName(std::string_view id) const
    {
        const Step* step = m_map ? m_map->step(id) : nullptr;
        return step ? named(step->label) : std::string();
    }
    std::string laneName(std::string_view id) const
    {
        const Lane* lane = m_map ? m_map->lane(id) : nullptr;
        return lane ? named(lane->name) : std::string();
    }
    std::string phaseName(std::string_view id) const
    {
        const Phase* phase = m_map ? m_map->phase(id) : nullptr;
        return phase ? named(phase->name) : std::string();
    }

    const Map* m_map = nullptr;
};

} // namespace

std::string describe(const Edit& edit) { return std::visit(Describer{nullptr}, edit.v); }

std::string describe(const Edit& edit, const Map& before) { return std::visit(Describer{&before}, edit.v); }

} // namespace crosswalk

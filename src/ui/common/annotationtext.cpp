#include "ui/common/annotationtext.h"

#include <QCoreApplication>

#include <algorithm>

namespace crosswalk {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("crosswalk::AnnotationText", text);
}

/// The step an annotation's place in the map comes from: its own step or its flow's source.
const Step* anchorStep(const Map& map, const Annotation& annotation)
{
    if (const Step* step = map.step(annotation.target))
        return step;
    if (const Flow* flow = map.flow(annotation.target))
        return map.step(flow->from);
    return nullptr;
}

} // namespace

const std::vector<KindChoice>& kindChoices()
{
    static const std::vector<KindChoice> choices{
        {AnnotationKind::BlackBox, {}, {}},
        {AnnotationKind::Harm, {}, {}},
        {AnnotationKind::Variation, Variation::Intentional, {}},
        {AnnotationKind::Variation, Variation::Unintentional, {}},
        {AnnotationKind::Question, {}, {}},
        {AnnotationKind::Insight, {}, {}},
        {AnnotationKind::ChangeIdea, {}, 1},
        {AnnotationKind::ChangeIdea, {}, 2},
        {AnnotationKind::ChangeIdea, {}, 3},
    };
    return choices;
}

int kindChoiceIndex(const Annotation& annotation)
{
    const auto& choices = kindChoices();
    int firstOfKind = -1;
    for (int i = 0; i < static_cast<int>(choices.size()); ++i) {
        const KindChoice& c = choices[static_cast<std::size_t>(i)];
        if (c.kind != annotation.kind)
            continue;
        if (firstOfKind < 0)
            firstOfKind = i;
        if (c.variation == annotation.variation && c.horizon == annotation.horizon)
            return i;
    }
    return std::max(firstOfKind, 0);
}

QString kindChoiceText(const KindChoice& choice)
{
    Annotation a;
    a.kind = choice.kind;
    a.variation = choice.variation;
    a.horizon = choice.horizon;
    return annotationKindText(a);
}

QString annotationKindText(const Annotation& annotation)
{
    const QString kind = toQString(displayName(annotation.kind));
    if (annotation.kind == AnnotationKind::Variation && annotation.variation)
        return *annotation.variation == Variation::Intentional ? tr("Variation (intentional)")
                                                               : tr("Variation (unintentional)");
    if (annotation.kind == AnnotationKind::ChangeIdea && annotation.horizon)
        return tr("Change idea, horizon %1").arg(*annotation.horizon);
    return kind;
}

QString annotationKindShortText(const Annotation& annotation)
{
    if (annotation.kind == AnnotationKind::Variation && annotation.variation)
        return *annotation.variation == Variation::Intentional ? tr("Variation I") : tr("Variation U");
    if (annotation.kind == AnnotationKind::ChangeIdea && annotation.horizon)
        return tr("Change idea H%1").arg(*annotation.horizon);
    return toQString(displayName(annotation.kind));
}

QString annotationTargetText(const Map& map, const std::string& target)
{
    if (target.empty())
        return tr("Whole map");
    if (const Step* step = map.step(target))
        return step->label.empty() ? tr("(unnamed step)") : toQString(step->label);
    if (const Lane* lane = map.lane(target))
        return tr("Lane: %1").arg(toQString(lane->name));
    if (const Flow* flow = map.flow(target)) {
        const Step* from = map.step(flow->from);
        const Step* to = map.step(flow->to);
        return tr("Flow: %1 \u2192 %2")
            .arg(from ? toQString(from->label) : QStringLiteral("?"), to ? toQString(to->label) : QStringLiteral("?"));
    }
    if (const Phase* phase = map.phase(target))
        return tr("Phase: %1").arg(toQString(phase->name));
    return tr("(missing: %1)").arg(toQString(target));
}

std::string annotationLane(const Map& map, const Annotation& annotation)
{
    if (const Step* step = anchorStep(map, annotation))
        return step->lane;
    if (map.lane(annotation.target))
        return annotation.target;
    return {};
}

std::string annotationPhase(const Map& map, const Annotation& annotation)
{
    if (const Step* step = anchorStep(map, annotation))
        return step->phase;
    if (map.phase(annotation.target))
        return annotation.target;
    return {};
}

} // namespace crosswalk

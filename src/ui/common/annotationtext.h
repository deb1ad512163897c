#pragma once

#include "crosswalk/model/map.h"
#include "ui/common/strings.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace crosswalk {

// Words and places for annotations, shared by the annotation panels so that a target or a
// kind is named the same way in the list, the horizons view and the revisions list.

/// One entry of the kind pickers: a kind with its variation or horizon, so that one list
/// (and one key press) picks "Variation (unintentional)" or "Change idea, horizon 2".
struct KindChoice {
    AnnotationKind kind = AnnotationKind::Question;
    std::optional<Variation> variation;
    std::optional<int> horizon;
};
/// Black box, harm point, variation I and U, question, insight, change idea on H1, H2, H3.
const std::vector<KindChoice>& kindChoices();
/// The choice an annotation matches; a variation or change idea not yet specified gets the first of its kind.
int kindChoiceIndex(const Annotation& annotation);
/// The choice's words, as annotationKindText() says them.
QString kindChoiceText(const KindChoice& choice);

/// "Black box", "Variation (intentional)", "Change idea, horizon 2".
QString annotationKindText(const Annotation& annotation);
/// The same, short for narrow columns: "Variation I", "Change idea H2".
QString annotationKindShortText(const Annotation& annotation);
/// What an annotation is on: the step's label, "Lane: HR", "Flow: A -> B", or "Whole map".
QString annotationTargetText(const Map& map, const std::string& target);

/// The lane an annotation counts in (as MapInsights counts it): a step's lane, a flow's
/// source step's lane, the lane itself; empty on the whole map.
std::string annotationLane(const Map& map, const Annotation& annotation);
/// The phase an annotation counts in: its step's phase or its flow's source step's phase.
std::string annotationPhase(const Map& map, const Annotation& annotation);

} // namespace crosswalk

#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crosswalk {

/// The kinds of step a process map distinguishes; each has its own shape on the canvas.
enum class StepKind { Start, End, Activity, Meeting, Decision, Document, Data, Wait };

/// The kinds of improvement annotation a team can place on a map.
enum class AnnotationKind { BlackBox, Harm, Variation, Question, Insight, ChangeIdea };

/// Whether a variation in practice is by design or not.
enum class Variation { Intentional, Unintentional };

/// Whether a map shows the system as it runs today or as the team wants it to run.
enum class MapState { Current, Future };

// Names as they appear in the exchange format ("meeting", "black_box", "unintentional", "current").
std::string_view toString(StepKind kind);
std::string_view toString(AnnotationKind kind);
std::string_view toString(Variation variation);
std::string_view toString(MapState state);

std::optional<StepKind> parseStepKind(std::string_view text);
std::optional<AnnotationKind> parseAnnotationKind(std::string_view text);
std::optional<Variation> parseVariation(std::string_view text);
std::optional<MapState> parseMapState(std::string_view text);

// Words for people ("Black box", "Harm point", "Change idea").
std::string_view displayName(StepKind kind);
std::string_view displayName(AnnotationKind kind);

inline constexpr StepKind kAllStepKinds[] = {StepKind::Start,    StepKind::End,      StepKind::Activity,
                                             StepKind::Meeting,  StepKind::Decision, StepKind::Document,
                                             StepKind::Data,     StepKind::Wait};
inline constexpr AnnotationKind kAllAnnotationKinds[] = {AnnotationKind::BlackBox, AnnotationKind::Harm,
                                                         AnnotationKind::Variation, AnnotationKind::Question,
                                                         AnnotationKind::Insight,  AnnotationKind::ChangeIdea};

} // namespace crosswalk

#include "crosswalk/model/kinds.h"

#include <array>
#include <utility>

namespace crosswalk {
namespace {

template <typename E, std::size_t N>
std::optional<E> parseName(const std::array<std::pair<E, std::string_view>, N>& names, std::string_view text)
{
    for (const auto& [value, name] : names)
        if (name == text)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& names, E value)
{
    for (const auto& [v, name] : names)
        if (v == value)
            return name;
    return {};
}

constexpr std::array<std::pair<StepKind, std::string_view>, 8> kStepNames{{
    {StepKind::Start, "start"},
    {StepKind::End, "end"},
    {StepKind::Activity, "activity"},
    {StepKind::Meeting, "meeting"},
    {StepKind::Decision, "decision"},
    {StepKind::Document, "document"},
    {StepKind::Data, "data"},
    {StepKind::Wait, "wait"},
}};
constexpr std::array<std::pair<StepKind, std::string_view>, 8> kStepDisplay{{
    {StepKind::Start, "Start"},
    {StepKind::End, "End"},
    {StepKind::Activity, "Activity"},
    {StepKind::Meeting, "Meeting"},
    {StepKind::Decision, "Decision"},
    {StepKind::Document, "Document"},
    {StepKind::Data, "Data source"},
    {StepKind::Wait, "Wait"},
}};
constexpr std::array<std::pair<AnnotationKind, std::string_view>, 6> kAnnotationNames{{
    {AnnotationKind::BlackBox, "black_box"},
    {AnnotationKind::Harm, "harm"},
    {AnnotationKind::Variation, "variation"},
    {AnnotationKind::Question, "question"},
    {AnnotationKind::Insight, "insight"},
    {AnnotationKind::ChangeIdea, "change_idea"},
}};
constexpr std::array<std::pair<AnnotationKind, std::string_view>, 6> kAnnotationDisplay{{
    {AnnotationKind::BlackBox, "Black box"},
    {AnnotationKind::Harm, "Harm point"},
    {AnnotationKind::Variation, "Variation"},
    {AnnotationKind::Question, "Question"},
    {AnnotationKind::Insight, "Insight"},
    {AnnotationKind::ChangeIdea, "Change idea"},
}};
constexpr std::array<std::pair<Variation, std::string_view>, 2> kVariationNames{{
    {Variation::Intentional, "intentional"},
    {Variation::Unintentional, "unintentional"},
}};
constexpr std::array<std::pair<MapState, std::string_view>, 2> kStateNames{{
    {MapState::Current, "current"},
    {MapState::Future, "future"},
}};

} // namespace

std::string_view toString(StepKind kind) { return nameOf(kStepNames, kind); }
std::string_view toString(AnnotationKind kind) { return nameOf(kAnnotationNames, kind); }
std::string_view toString(Variation variation) { return nameOf(kVariationNames, variation); }
std::string_view toString(MapState state) { return nameOf(kStateNames, state); }

std::optional<StepKind> parseStepKind(std::string_view text) { return parseName(kStepNames, text); }
std::optional<AnnotationKind> parseAnnotationKind(std::string_view text) { return parseName(kAnnotationNames, text); }
std::optional<Variation> parseVariation(std::string_view text) { return parseName(kVariationNames, text); }
std::optional<MapState> parseMapState(std::string_view text) { return parseName(kStateNames, text); }

std::string_view displayName(StepKind kind) { return nameOf(kStepDisplay, kind); }
std::string_view displayName(AnnotationKind kind) { return nameOf(kAnnotationDisplay, kind); }

} // namespace crosswalk

#pragma once

// Findings about marks in words, the same in the Differences view and the report.

#include "crosswalk/compare/comparisonresult.h"
#include "crosswalk/model/map.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace crosswalk::findingtext {

/// "a black box", "a harm point", "variation".
QString kindPhrase(AnnotationKind kind);
/// "Black box", "Harm point", "Variation".
QString kindWord(AnnotationKind kind);
/// What the finding rests on: "confirmed", "proposed, 0.93", "no matching step".
QString basis(const MarkFinding& finding);
/// A step's label, or "(unnamed step)".
QString stepLabel(const Map& map, const std::string& stepId);
/// Labels of several steps, quoted and joined: "“Fall walk” + “Spring walk”".
QString stepLabels(const Map& map, const std::vector<std::string>& stepIds);
/// "Only Kestrel Bay marks a black box here; Harbor City has no matching step." or
/// "Only Kestrel Bay marks a black box here; Harbor City's matching step “…” has none."
QString sentence(const MarkFinding& finding, const Map& a, const Map& b, const QString& nameA, const QString& nameB);
/// The marking side's annotation texts, each with who it affects: "“…” (affects: principals)".
QStringList annotationTexts(const MarkFinding& finding, const Map& marking);
/// One annotation's text with who it affects, or its kind when it has no text.
QString annotationText(const Annotation& note);

} // namespace crosswalk::findingtext

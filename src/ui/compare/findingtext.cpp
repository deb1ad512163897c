#include "ui/compare/findingtext.h"

#include "ui/common/strings.h"

#include <QObject>

namespace crosswalk::findingtext {

QString kindPhrase(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox: return QObject::tr("a black box");
    case AnnotationKind::Harm: return QObject::tr("a harm point");
    case AnnotationKind::Variation: return QObject::tr("variation");
    default: return toQString(displayName(kind)).toLower();
    }
}

QString kindWord(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox: return QObject::tr("Black box");
    case AnnotationKind::Harm: return QObject::tr("Harm point");
    case AnnotationKind::Variation: return QObject::tr("Variation");
    default: return toQString(displayName(kind));
    }
}

QString basis(const MarkFinding& finding)
{
    switch (finding.basis) {
    case FindingBasis::Confirmed: return QObject::tr("confirmed");
    case FindingBasis::Sure:
    case FindingBasis::Unsure: return QObject::tr("proposed, %1").arg(finding.score, 0, 'f', 2);
    case FindingBasis::NoCounterpart: return QObject::tr("no matching step");
    }
    return {};
}

QString stepLabel(const Map& map, const std::string& stepId)
{
    const Step* step = map.step(stepId);
    if (!step)
        return toQString(stepId);
    return step->label.empty() ? QObject::tr("(unnamed step)") : toQString(step->label);
}

QString stepLabels(const Map& map, const std::vector<std::string>& stepIds)
{
    QStringList out;
    for (const std::string& id : stepIds)
        out << QStringLiteral("\u201C%1\u201D").arg(stepLabel(map, id));
    return out.join(QStringLiteral(" + "));
}

QString sentence(const MarkFinding& f, const Map& a, const Map& b, const QString& nameA, const QString& nameB)
{
    const QString marking = f.onA ? nameA : nameB;
    const QString other = f.onA ? nameB : nameA;
    if (f.basis == FindingBasis::NoCounterpart)
        return QObject::tr("Only %1 marks %2 here; %3 has no matching step.").arg(marking, kindPhrase(f.kind), other);
    const QString partner = f.onA ? stepLabels(b, f.stepsB) : stepLabels(a, f.stepsA);
    const bool several = (f.onA ? f.stepsB : f.stepsA).size() > 1;
    return (several ? QObject::tr("Only %1 marks %2 here; %3's matching steps %4 have none.")
                    : QObject::tr("Only %1 marks %2 here; %3's matching step %4 has none."))
        .arg(marking, kindPhrase(f.kind), other, partner);
}

QString annotationText(const Annotation& note)
{
    QString text = note.text.empty() ? kindWord(note.kind) : QStringLiteral("\u201C%1\u201D").arg(toQString(note.text));
    if (!note.affects.empty())
        text += QObject::tr(" (affects: %1)").arg(toQString(note.affects));
    return text;
}

QStringList annotationTexts(const MarkFinding& finding, const Map& marking)
{
    QStringList out;
    for (const std::string& id : finding.annotations)
        for (const Annotation& note : marking.annotations)
            if (note.id == id)
                out << annotationText(note);
    return out;
}

} // namespace crosswalk::findingtext

#include "ui/inspector/inspectorpanel.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/model/validate.h"
#include "ui/canvas/labelfit.h"
#include "ui/common/strings.h"
#include "ui/document/mapdocument.h"

#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace crosswalk {
namespace {

/// A plain-text editor that commits when it loses focus, like a line edit's editingFinished.
class NotesEdit final : public QPlainTextEdit {
public:
    using QPlainTextEdit::QPlainTextEdit;
    std::function<void()> onFinished;

protected:
    void focusOutEvent(QFocusEvent* event) override
    {
        QPlainTextEdit::focusOutEvent(event);
        if (onFinished)
            onFinished();
    }
};

QFormLayout* formOn(QWidget* page)
{
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight);
    return form;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent)
{
    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);

    m_pages = new QStackedWidget(this);
    m_nonePage = new QLabel(tr("Open a map to see its properties."), this);
    m_pages->addWidget(m_nonePage);
    m_pages->addWidget(m_stepPage = buildStepPage());
    m_pages->addWidget(m_flowPage = buildFlowPage());
    m_pages->addWidget(m_mapPage = buildMapPage());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_heading);
    layout->addWidget(m_pages);
    layout->addStretch(1);
    refresh();
}

QWidget* InspectorPanel::buildStepPage()
{
    auto* page = new QWidget(this);
    QFormLayout* form = formOn(page);
    m_stepLabel = new QLineEdit(page);
    m_stepKind = new QComboBox(page);
    for (StepKind kind : kAllStepKinds)
        m_stepKind->addItem(toQString(displayName(kind)), static_cast<int>(kind));
    m_stepLane = new QComboBox(page);
    m_stepPhase = new QComboBox(page);
    auto* notes = new NotesEdit(page);
    notes->onFinished = [this] { commitStep(); };
    m_stepNotes = notes;
    m_stepNotes->setTabChangesFocus(true);
    m_stepNotes->setFixedHeight(90);
    form->addRow(tr("&Label:"), m_stepLabel);
    form->addRow(tr("&Kind:"), m_stepKind);
    form->addRow(tr("La&ne:"), m_stepLane);
    form->addRow(tr("&Phase:"), m_stepPhase);
    form->addRow(tr("N&otes:"), m_stepNotes);

    auto* laneHeading = new QLabel(tr("Lane"), page);
    QFont bold = laneHeading->font();
    bold.setBold(true);
    laneHeading->setFont(bold);
    form->addRow(laneHeading);
    m_laneName = new QLineEdit(page);
    m_laneColor = new QLineEdit(page);
    m_laneColor->setPlaceholderText("#RRGGBB");
    m_laneColor->setValidator(
        new QRegularExpressionValidator(QRegularExpression("#[0-9A-Fa-f]{6}"), m_laneColor));
    m_laneColorButton = new QPushButton(tr("Choose..."), page);
    auto* colourRow = new QHBoxLayout;
    colourRow->addWidget(m_laneColor, 1);
    colourRow->addWidget(m_laneColorButton);
    form->addRow(tr("Na&me:"), m_laneName);
    // A row label given with a layout gets no buddy, and without one QLabel shows the "&".
    auto* colourLabel = new QLabel(tr("&Colour:"), page);
    colourLabel->setBuddy(m_laneColor);
    form->addRow(colourLabel, colourRow);

    connect(m_stepLabel, &QLineEdit::editingFinished, this, &InspectorPanel::commitStep);
    connect(m_stepKind, &QComboBox::activated, this, &InspectorPanel::commitStep);
    connect(m_stepLane, &QComboBox::activated, this, &InspectorPanel::commitStep);
    connect(m_stepPhase, &QComboBox::activated, this, &InspectorPanel::commitStep);
    connect(m_laneName, &QLineEdit::editingFinished, this, &InspectorPanel::commitLane);
    connect(m_laneColor, &QLineEdit::editingFinished, this, &InspectorPanel::commitLane);
    connect(m_laneColorButton, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(QColor(m_laneColor->text()), this, tr("Lane colour"));
        if (chosen.isValid()) {
            m_laneColor->setText(chosen.name().toUpper());
            commitLane();
        }
    });
    return page;
}

QWidget* InspectorPanel::buildFlowPage()
{
    auto* page = new QWidget(this);
    QFormLayout* form = formOn(page);
    m_flowEnds = new QLabel(page);
    m_flowEnds->setWordWrap(true);
    m_flowLabel = new QLineEdit(page);
    m_flowLabel->setPlaceholderText(tr("e.g. meets, does not meet"));
    form->addRow(tr("From / to:"), m_flowEnds);
    form->addRow(tr("&Label:"), m_flowLabel);
    connect(m_flowLabel, &QLineEdit::editingFinished, this, &InspectorPanel::commitFlow);
    return page;
}

QWidget* InspectorPanel::buildMapPage()
{
    auto* page = new QWidget(this);
    QFormLayout* form = formOn(page);
    m_mapTitle = new QLineEdit(page);
    m_mapDistrict = new QLineEdit(page);
    m_mapFocus = new QLineEdit(page);
    m_mapState = new QComboBox(page);
    m_mapState->addItem(tr("Current state (as it runs today)"), static_cast<int>(MapState::Current));
    m_mapState->addItem(tr("Future state (as we want it)"), static_cast<int>(MapState::Future));
    auto* notes = new NotesEdit(page);
    notes->onFinished = [this] { commitMap(); };
    m_mapNotes = notes;
    m_mapNotes->setTabChangesFocus(true);
    m_mapNotes->setFixedHeight(120);
    form->addRow(tr("&Title:"), m_mapTitle);
    // Why the last change of the map's fields was refused (issue 19: a refused title stayed
    // in the field as if it had been saved).
    m_mapProblem = new QLabel(page);
    m_mapProblem->setObjectName(QStringLiteral("MapProblem"));
    m_mapProblem->setWordWrap(true);
    m_mapProblem->setStyleSheet(QStringLiteral("color: #B00020;"));
    m_mapProblem->hide();
    form->addRow(QString(), m_mapProblem);
    form->addRow(tr("&District:"), m_mapDistrict);
    form->addRow(tr("&Focus:"), m_mapFocus);
    form->addRow(tr("&State:"), m_mapState);
    form->addRow(tr("N&otes:"), m_mapNotes);
    for (QLineEdit* edit : {m_mapTitle, m_mapDistrict, m_mapFocus})
        connect(edit, &QLineEdit::editingFinished, this, &InspectorPanel::commitMap);
    connect(m_mapState, &QComboBox::activated, this, &InspectorPanel::commitMap);
    return page;
}

void InspectorPanel::setDocument(MapDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_mapProblem->hide();
    m_stepId.clear();
    m_flowId.clear();
    if (m_document)
        connect(m_document, &MapDocument::changed, this, [this] { refresh(); });
    refresh();
}

void InspectorPanel::inspect(const QStringList& stepIds, const QStringList& flowIds)
{
    m_stepId = stepIds.size() == 1 && flowIds.isEmpty() ? stepIds.front().toStdString() : std::string();
    m_flowId = flowIds.size() == 1 && stepIds.isEmpty() ? flowIds.front().toStdString() : std::string();
    refresh();
}

QString InspectorPanel::currentPage() const
{
    QWidget* page = m_pages->currentWidget();
    if (page == m_stepPage)
        return "step";
    if (page == m_flowPage)
        return "flow";
    if (page == m_mapPage)
        return "map";
    return "none";
}

void InspectorPanel::refresh()
{
    m_loading = true;
    const Map* map = m_document ? &m_document->map() : nullptr;
    const Step* step = map ? map->step(m_stepId) : nullptr;
    const Flow* flow = map ? map->flow(m_flowId) : nullptr;
    const bool editable = m_document && !m_document->readOnly();
    if (!map) {
        m_heading->setText(tr("Properties"));
        m_pages->setCurrentWidget(m_nonePage);
    } else if (step) {
        m_heading->setText(tr("Step"));
        m_pages->setCurrentWidget(m_stepPage);
        if (!m_stepLabel->hasFocus())
            m_stepLabel->setText(toQString(step->label));
        m_stepKind->setCurrentIndex(m_stepKind->findData(static_cast<int>(step->kind)));
        m_stepLane->clear();
        for (const Lane& lane : map->lanes)
            m_stepLane->addItem(toQString(lane.name), toQString(lane.id));
        m_stepLane->setCurrentIndex(m_stepLane->findData(toQString(step->lane)));
        m_stepPhase->clear();
        // A map with phases has every step in one; "(no phase)" is only for maps without.
        if (map->phases.empty())
            m_stepPhase->addItem(tr("(no phase)"), QString());
        for (const Phase& phase : map->phases)
            m_stepPhase->addItem(toQString(phase.name), toQString(phase.id));
        m_stepPhase->setCurrentIndex(std::max(0, m_stepPhase->findData(toQString(step->phase))));
        if (!m_stepNotes->hasFocus())
            m_stepNotes->setPlainText(toQString(step->notes));
        const Lane* lane = map->lane(step->lane);
        m_laneName->setText(lane ? toQString(lane->name) : QString());
        m_laneColor->setText(lane ? toQString(lane->color) : QString());
    } else if (flow) {
        m_heading->setText(tr("Flow"));
        m_pages->setCurrentWidget(m_flowPage);
        const Step* from = map->step(flow->from);
        const Step* to = map->step(flow->to);
        const bool handoff = from && to && from->lane != to->lane;
        m_flowEnds->setText(tr("%1 \u2192 %2%3")
                                .arg(from ? toQString(from->label) : QString(), to ? toQString(to->label) : QString(),
                                     handoff ? tr(" (handoff)") : QString()));
        if (!m_flowLabel->hasFocus())
            m_flowLabel->setText(toQString(flow->label));
    } else {
        m_heading->setText(tr("Map"));
        m_pages->setCurrentWidget(m_mapPage);
        const MapProperties& p = map->props;
        if (!m_mapTitle->hasFocus())
            m_mapTitle->setText(toQString(p.title));
        if (!m_mapDistrict->hasFocus())
            m_mapDistrict->setText(toQString(p.district));
        if (!m_mapFocus->hasFocus())
            m_mapFocus->setText(toQString(p.focus));
        m_mapState->setCurrentIndex(m_mapState->findData(static_cast<int>(p.state)));
        if (!m_mapNotes->hasFocus())
            m_mapNotes->setPlainText(toQString(p.notes));
    }
    m_pages->setEnabled(editable);
    m_loading = false;
}

bool InspectorPanel::push(const Edit& edit)
{
    return m_document && !m_document->readOnly() && m_document->push(edit);
}

void InspectorPanel::commitStep()
{
    if (m_loading || !m_document)
        return;
    const Map& map = m_document->map();
    const Step* current = map.step(m_stepId);
    if (!current)
        return;
    Step step = *current;
    step.label = m_stepLabel->text().toStdString();
    step.kind = static_cast<StepKind>(m_stepKind->currentData().toInt());
    step.phase = m_stepPhase->currentData().toString().toStdString();
    step.notes = m_stepNotes->toPlainText().toStdString();
    const std::string lane = m_stepLane->currentData().toString().toStdString();
    if (step == *current && lane == current->lane)
        return;
    const bool toLane = lane != current->lane && map.lane(lane);
    if (toLane) {
        // Into another lane: keep it inside the new lane, and let that lane grow if needed.
        step.lane = lane;
        step = layout::clampToLane(map, step);
    }
    // Whatever changed, the step ends drawn where its lane and phase say (a chosen phase moves
    // it into that column), on free room, in the same undo step.
    if (step.label != current->label || step.kind != current->kind)
        step = labelfit::grownToShowLabel(step); // the whole label shows, on the canvas and in print
    push(gestures::withRoomToFit(map, toLane ? "Move step to lane" : "Edit step", {UpdateStep{step}}));
}

void InspectorPanel::commitLane()
{
    if (m_loading || !m_document)
        return;
    const Map& map = m_document->map();
    const Step* step = map.step(m_stepId);
    const Lane* lane = step ? map.lane(step->lane) : nullptr;
    if (!lane)
        return;
    const std::string name = m_laneName->text().trimmed().toStdString();
    const std::string color = m_laneColor->text().toUpper().toStdString();
    Batch batch{"Edit lane", {}};
    if (!name.empty() && name != lane->name)
        batch.edits.push_back(RenameLane{lane->id, name});
    if (m_laneColor->hasAcceptableInput() && color != lane->color)
        batch.edits.push_back(RecolourLane{lane->id, color});
    if (batch.edits.size() == 1)
        push(batch.edits.front());
    else if (!batch.edits.empty())
        push(batch);
}

void InspectorPanel::commitFlow()
{
    if (m_loading || !m_document)
        return;
    const Flow* flow = m_document->map().flow(m_flowId);
    const std::string label = m_flowLabel->text().toStdString();
    if (flow && flow->label != label)
        push(RelabelFlow{flow->id, label});
}

void InspectorPanel::commitMap()
{
    if (m_loading || !m_document)
        return;
    MapProperties p = m_document->map().props;
    const MapProperties before = p;
    const QString title = m_mapTitle->text().trimmed();
    p.title = title.toStdString();
    p.district = m_mapDistrict->text().trimmed().toStdString();
    p.focus = m_mapFocus->text().trimmed().toStdString();
    p.state = static_cast<MapState>(m_mapState->currentData().toInt());
    p.notes = m_mapNotes->toPlainText().toStdString();
    QString problem;
    if (title.isEmpty()) {
        problem = tr("A map needs a title, so the title was not changed.");
    } else {
        MapValidator validator;
        validator.checkProperties(p);
        if (!validator.problems().empty()) {
            const MapProblem& first = validator.problems().front();
            const QString field = toQString(first.where).section(QLatin1Char('.'), -1);
            problem = tr("The %1 was not changed: %2.").arg(field, toQString(first.message));
        }
    }
    if (problem.isEmpty() && p != before && !push(UpdateMapProperties{p}))
        problem = tr("The change was not saved.");
    if (problem.isEmpty()) {
        m_mapProblem->hide();
        return;
    }
    // Show what is saved again, and say why, beside the field.
    showMapProperties(m_document->map().props);
    m_mapProblem->setText(problem);
    m_mapProblem->show();
}

void InspectorPanel::showMapProperties(const MapProperties& p)
{
    const bool loading = m_loading;
    m_loading = true;
    m_mapTitle->setText(toQString(p.title));
    m_mapDistrict->setText(toQString(p.district));
    m_mapFocus->setText(toQString(p.focus));
    m_mapState->setCurrentIndex(m_mapState->findData(static_cast<int>(p.state)));
    m_mapNotes->setPlainText(toQString(p.notes));
    m_loading = loading;
}

} // namespace crosswalk

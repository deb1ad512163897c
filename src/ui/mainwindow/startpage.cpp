#include "ui/mainwindow/startpage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace crosswalk {

StartPage::StartPage(QWidget* parent) : QWidget(parent)
{
    setObjectName("StartPage");
    setAutoFillBackground(true);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* column = new QWidget(this);
    column->setMaximumWidth(760);
    auto* layout = new QVBoxLayout(column);
    layout->setSpacing(12);
    m_heading = new QLabel(tr("Begin a map"), column);
    QFont headingFont = m_heading->font();
    headingFont.setPixelSize(28);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);
    m_context = new QLabel(column);
    m_context->setWordWrap(true);
    QFont contextFont = m_context->font();
    contextFont.setPixelSize(16);
    m_context->setFont(contextFont);
    layout->addWidget(m_context);
    m_choices = column;
    m_template = addChoice(tr("New map from the template"),
                           tr("Four lanes (Principal to HR / Talent), four phases (Summer to End of year)."),
                           tr("Ctrl+N"));
    m_blank = addChoice(tr("New blank map"), tr("One lane to start typing in; add lanes and phases as you go."),
                        tr("Ctrl+Alt+N"));
    m_import = addChoice(tr("Import a file"), tr("A Crosswalk map, BPMN 2.0, draw.io or a step table (CSV)."),
                         tr("Ctrl+I"));
    m_demo = addChoice(tr("Open the demo"), tr("Six districts' maps, with annotations, to try everything on."),
                       QString());
    m_open = addChoice(tr("Open another workspace"), tr("A .crosswalk file or a network library."), tr("Ctrl+O"));
    connect(m_blank, &QPushButton::clicked, this, &StartPage::newBlankMap);
    connect(m_template, &QPushButton::clicked, this, &StartPage::newTemplateMap);
    connect(m_demo, &QPushButton::clicked, this, &StartPage::openDemo);
    connect(m_import, &QPushButton::clicked, this, &StartPage::importFile);
    connect(m_open, &QPushButton::clicked, this, &StartPage::openWorkspace);
    auto* row = new QHBoxLayout();
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    setState(false, false, QString());
}

QPushButton* StartPage::addChoice(const QString& title, const QString& detail, const QString& shortcutText)
{
    // Title and explanation on the button itself: one focus stop per choice, read whole by a
    // screen reader, and large enough to hit on a shared screen.
    QString text = title;
    if (!shortcutText.isEmpty())
        text += QStringLiteral("   (%1)").arg(shortcutText);
    text += QLatin1Char('\n') + detail;
    auto* button = new QPushButton(text, m_choices);
    button->setObjectName(title);
    button->setAccessibleName(title);
    button->setAccessibleDescription(detail);
    button->setMinimumHeight(64);
    button->setAutoDefault(true); // Enter presses the focused choice
    button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 8px 14px; font-size: 15px; }"
                                         "QPushButton:focus { border: 3px solid #1A73E8; }"));
    m_choices->layout()->addWidget(button);
    return button;
}

void StartPage::setState(bool haveWorkspace, bool writable, const QString& workspaceName)
{
    if (!haveWorkspace)
        m_context->setText(tr("No workspace is open. Open the demo to look around, or open or create a workspace "
                              "(File > New Workspace, Ctrl+Shift+N)."));
    else if (!writable)
        m_context->setText(tr("%1 has no maps, and it is read-only here, so none can be added.").arg(workspaceName));
    else
        m_context->setText(tr("%1 has no maps yet. Start one:").arg(workspaceName));
    m_blank->setEnabled(haveWorkspace && writable);
    m_template->setEnabled(haveWorkspace && writable);
    m_import->setEnabled(haveWorkspace && writable);
    // The first choice that can be taken has the focus, so Enter takes it.
    for (QPushButton* b : {m_template, m_blank, m_import, m_demo, m_open})
        if (b->isEnabled()) {
            b->setFocus(Qt::OtherFocusReason);
            break;
        }
}

} // namespace crosswalk

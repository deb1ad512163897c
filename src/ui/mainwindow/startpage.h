#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace crosswalk {

/// What the window shows when no map is open: the ways to begin, as large buttons that the
/// keyboard reaches too, instead of a blank canvas where the step buttons do nothing.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    /// Says why the page is shown (no workspace, an empty one, a read-only one) and enables
    /// only what can be done there.
    void setState(bool haveWorkspace, bool writable, const QString& workspaceName);

    QPushButton* blankButton() const { return m_blank; }
    QPushButton* templateButton() const { return m_template; }
    QPushButton* demoButton() const { return m_demo; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* openButton() const { return m_open; }

signals:
    void newBlankMap();
    void newTemplateMap();
    void openDemo();
    void importFile();
    void openWorkspace();

private:
    QPushButton* addChoice(const QString& title, const QString& detail, const QString& shortcutText);

    QLabel* m_heading = nullptr;
    QLabel* m_context = nullptr;
    QWidget* m_choices = nullptr;
    QPushButton* m_blank = nullptr;
    QPushButton* m_template = nullptr;
    QPushButton* m_demo = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace crosswalk

#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <array>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace crosswalk {

class MapDocument;

/// The map's change ideas in three columns, Horizon 1, 2 and 3, with their targets. An
/// idea moves to another horizon by drag and drop, by the buttons, or by keys (Ctrl+Left /
/// Ctrl+Right, or 1, 2, 3); each move is one undoable UpdateAnnotation.
class HorizonsView final : public QWidget {
    Q_OBJECT
  public:
    /// The MIME type of a dragged change idea: its annotation id, UTF-8.
    static constexpr const char* kMimeType = "application/x-crosswalk-annotation-id";

    explicit HorizonsView(QWidget* parent = nullptr);

    void setDocument(MapDocument* document);

    /// The list of horizon 1..3, or of the ideas not yet on a horizon (0).
    QListWidget* list(int horizon) const;
    /// The annotation ids listed under a horizon (0: not yet placed), in map order.
    QStringList ideasOn(int horizon) const;
    /// The selected change idea, or empty.
    QString currentIdea() const;

    QPushButton* earlierButton() const { return m_earlier; }
    QPushButton* laterButton() const { return m_later; }

  public slots:
    /// Places the change idea on horizon 1..3; false when it is not a change idea or nothing changed.
    bool moveIdea(const QString& annotationId, int horizon);
    /// Moves the selected idea one horizon earlier (-1) or later (+1).
    void moveCurrent(int delta);
    void selectIdea(const QString& annotationId);

  signals:
    /// A change idea was selected: its target (step, flow or lane id; empty for the whole map).
    void targetActivated(const QString& targetId);
    void annotationActivated(const QString& annotationId);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void refresh();
    void updateButtons();

    QPointer<MapDocument> m_document;
    bool m_loading = false;
    std::array<QListWidget*, 4> m_lists{}; // index 0: not on a horizon yet
    std::array<QLabel*, 4> m_titles{};
    QWidget* m_unplacedColumn = nullptr;
    QPushButton* m_earlier = nullptr;
    QPushButton* m_later = nullptr;
};

} // namespace crosswalk

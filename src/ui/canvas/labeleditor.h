#pragma once

#include <QGraphicsTextItem>

namespace crosswalk {

/// The in-place editor for a step label, flow label, lane or phase name. It sits on the scene
/// over what it edits, so it zooms and scrolls with the map. Enter commits, Shift+Enter breaks
/// the line (where allowed), Esc cancels; Tab is left to the canvas, which commits and moves on.
class LabelEditor final : public QGraphicsTextItem {
    Q_OBJECT
public:
    /// area is where the text goes (scene coordinates); the editor centres itself in it.
    LabelEditor(const QString& text, const QRectF& area, const QFont& font, bool multiLine, bool centred);

    QString text() const;
    /// Puts the cursor at the end and selects everything, so that typing replaces the text.
    void selectAllText();

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

signals:
    void commitRequested();
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void recentre();

    QRectF m_area;
    bool m_multiLine = true;
};

} // namespace crosswalk

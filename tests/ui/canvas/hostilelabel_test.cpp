// Issue 19, finding 5: labels at the 2,000-byte limit are fitted in a few layouts rather than
// one per character (which took minutes for a map of them), and what they show is unchanged:
// a step shows the longest start of its label that fits, with an ellipsis; a flow shows three
// lines of at most its label width, the last ending in an ellipsis, each line as full as fits.

#include "crosswalk/model/map.h"
#include "crosswalk/storage/memorystore.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stepshape.h"
#include "ui/common/pixelfont.h"
#include "ui/document/mapdocument.h"

#include "support/hostilemaps.h"

#include <catch2/catch.hpp>

#include <QFontMetricsF>

using namespace crosswalk;

namespace {

constexpr int kLabelFlags = Qt::AlignCenter | Qt::TextWordWrap;

Map mapWithLabels(const std::string& stepLabel, const std::string& flowLabel)
{
    Map map;
    map.id = "m-labels";
    map.props.title = "Labels";
    map.lanes = {Lane{"l1", "Lane", "#FFFFFF", 400}};
    map.steps.resize(2);
    for (std::size_t i = 0; i < 2; ++i) {
        Step& s = map.steps[i];
        s.id = i == 0 ? "s1" : "s2";
        s.lane = "l1";
        s.label = i == 0 ? stepLabel : std::string("b");
        s.x = i == 0 ? 20 : 600;
        s.y = 40;
    }
    map.flows = {Flow{"f1", "s1", "s2", flowLabel}};
    return map;
}

} // namespace

TEST_CASE("A step label at the length limit shows the longest start that fits, with an ellipsis", "[canvas][hardening]")
{
    for (bool oneWord : {false, true}) {
        const std::string label = test::hostileLabel(kMaxLabelBytes, oneWord, 3);
        const Map map = mapWithLabels(label, "");
        MemoryStore store({map}, "labels", MemoryStore::Mode::ReadWrite);
        MapDocument document(store, map);
        MapScene scene;
        scene.setDocument(&document);
        const StepItem* item = scene.stepItem("s1");
        REQUIRE(item != nullptr);
        const QString shown = item->shownLabel();
        INFO("one word: " << oneWord << ", shown: " << shown.toStdString());
        REQUIRE(shown.endsWith(QChar(0x2026)));
        CHECK(item->labelPixelSize() == canvasstyle::kMinLabelPx);
        const QString start = shown.chopped(1);
        const QString text = QString::fromStdString(label);
        CHECK(text.startsWith(start));
        // It fits, and one character more would not (taken back as the search found it).
        const QFontMetricsF fm(pixelFont(canvasstyle::kMinLabelPx));
        const QRectF area = StepShape::labelRect(map.steps[0].kind, QRectF(QPointF(0, 0), item->sceneRectOfStep().size()));
        const qreal allowed = std::max(1, static_cast<int>(area.height() / fm.lineSpacing())) * fm.lineSpacing() + 0.5;
        CHECK(fm.boundingRect(area, kLabelFlags, shown).height() <= allowed);
        qsizetype used = start.size();
        while (used < text.size() && text.left(used).trimmed() != start)
            ++used;
        // (A label without a space wraps to one line however long it is, so it keeps all but
        // its last character, as the cut one character at a time did.)
        if (used + 1 < text.size()) {
            const QString oneMore = text.left(used + 1).trimmed() + QChar(0x2026);
            CHECK(fm.boundingRect(area, kLabelFlags, oneMore).height() > allowed);
        } else {
            CHECK(oneWord);
        }
    }
}

TEST_CASE("A flow label at the length limit shows three full lines, the last with an ellipsis", "[canvas][hardening]")
{
    for (bool oneWord : {false, true}) {
        const std::string label = test::hostileLabel(kMaxLabelBytes, oneWord, 5);
        const Map map = mapWithLabels("a", label);
        MemoryStore store({map}, "labels", MemoryStore::Mode::ReadWrite);
        MapDocument document(store, map);
        MapScene scene;
        scene.setDocument(&document);
        const FlowItem* item = scene.flowItem("f1");
        REQUIRE(item != nullptr);
        const QStringList lines = item->shownLabel().split(QLatin1Char('\n'));
        INFO("one word: " << oneWord << ", shown: " << item->shownLabel().toStdString());
        REQUIRE(lines.size() == 3);
        CHECK(lines.last().endsWith(QChar(0x2026)));
        const QFontMetricsF fm(pixelFont(canvasstyle::kFlowLabelPx));
        const QString text = QString::fromStdString(label);
        qsizetype at = 0;
        for (int i = 0; i < 2; ++i) {
            CHECK(fm.horizontalAdvance(lines[i]) <= 150);
            // Each line as full as fits: with the next word (or letter, in one long word) it
            // would be wider than the label.
            at = text.indexOf(lines[i], at) + lines[i].size();
            REQUIRE(at > 0);
            QString longer = lines[i];
            if (oneWord) {
                longer += text.at(at);
            } else {
                const qsizetype next = text.indexOf(QLatin1Char(' '), at + 1);
                longer = lines[i] + text.mid(at, (next < 0 ? text.size() : next) - at);
            }
            CHECK(fm.horizontalAdvance(longer) > 150);
        }
    }
}

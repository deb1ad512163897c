// Screenshots of the panels with a demo map, for looking at them (and for the user guide).
// Hidden: run with  crosswalk_ui_tests "[.panel-screenshots]"; PNGs go to
// $CROSSWALK_PANEL_SHOTS or the temp directory.

#include "ui/common/annotationglyph.h"
#include "ui/panels/annotationspanel.h"
#include "ui/common/annotationtext.h"
#include "ui/panels/horizonsview.h"
#include "ui/panels/insightspanel.h"
#include "ui/panels/panelfixture.h"
#include "ui/panels/parkinglotpanel.h"
#include "ui/panels/revisionspanel.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QWidget>

using namespace crosswalk;
using namespace crosswalk::paneltest;

namespace {

QString shotPath(const QString& name)
{
    const QString dir = qEnvironmentVariableIsSet("CROSSWALK_PANEL_SHOTS")
                            ? qEnvironmentVariable("CROSSWALK_PANEL_SHOTS")
                            : QDir::tempPath();
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

void shoot(QWidget& widget, const QSize& size, const QString& name)
{
    widget.resize(size);
    widget.show();
    REQUIRE(QTest::qWaitForWindowExposed(&widget));
    QTest::qWait(50);
    REQUIRE(widget.grab().save(shotPath(name)));
}

} // namespace

TEST_CASE("Panel screenshots", "[.panel-screenshots]")
{
    DocumentFixture f(demoMap(0), "shots");
    {
        AnnotationsPanel panel;
        panel.setDocument(&*f.doc);
        panel.setSelection({QString::fromStdString(f.doc->map().steps[3].id)}, {}, {});
        panel.setKindHidden(AnnotationKind::Insight, true);
        panel.list()->setCurrentItem(panel.list()->topLevelItem(3));
        shoot(panel, QSize(620, 760), "panel-annotations.png");
        panel.setGrouping(AnnotationsPanel::Grouping::Kind);
        shoot(panel, QSize(620, 760), "panel-annotations-grouped.png");
        panel.setDocument(nullptr);
    }
    {
        InsightsPanel panel;
        panel.setDocument(&*f.doc);
        panel.table()->setCurrentCell(2, InsightsPanel::HandoffsColumn);
        shoot(panel, QSize(1400, 460), "panel-insights.png");
        panel.setDocument(nullptr);
    }
    {
        HorizonsView view;
        view.setDocument(&*f.doc);
        shoot(view, QSize(1100, 380), "panel-horizons.png");
        view.setDocument(nullptr);
    }
    {
        RevisionsPanel panel;
        panel.setDocument(&*f.doc);
        panel.createRevision("After session 1, October");
        f.doc->push(RenameLane{f.doc->map().lanes[0].id, "Principals (all schools)"});
        Annotation q;
        q.id = "a-new";
        q.kind = AnnotationKind::Question;
        q.target = f.doc->map().steps[5].id;
        q.text = "Who sees the survey results first?";
        f.doc->push(AddAnnotation{q, std::nullopt});
        f.doc->push(RemoveStep{f.doc->map().steps[7].id});
        panel.createRevision("After session 3, March");
        panel.selectRevision(panel.revisionIds().back());
        panel.showChangesSince(panel.revisionIds().back());
        shoot(panel, QSize(620, 640), "panel-revisions.png");
        panel.setDocument(nullptr);
    }
    {
        ParkingLotPanel panel;
        panel.setDocument(&*f.doc);
        panel.parkQuestion("Who owns the district calendar?");
        const QString done = panel.parkQuestion("Is there budget for more coaches next year?");
        panel.parkQuestion("Do principals see the rubric before the goal-setting conference?");
        panel.setDone(done, true);
        panel.setSessionMinutes(90);
        f.doc->push(SetVotes{f.doc->map().steps[3].id, 4});
        f.doc->push(SetVotes{f.doc->map().steps[6].id, 2});
        shoot(panel, QSize(420, 420), "panel-parking-lot.png");
        panel.setDocument(nullptr);
    }
    {
        // Every glyph at the sizes the list, the canvas and the PDF use.
        const auto& choices = kindChoices();
        const int sizes[] = {16, 24, 32, 48};
        QImage sheet(760, 60 + static_cast<int>(choices.size()) * 60, QImage::Format_ARGB32);
        sheet.fill(Qt::white);
        QPainter p(&sheet);
        QFont font = p.font();
        font.setPixelSize(16);
        p.setFont(font);
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const int y = 20 + static_cast<int>(i) * 60;
            int x = 10;
            for (int s : sizes) {
                paintAnnotationGlyph(p, QRectF(x, y + (48 - s) / 2.0, s, s), choices[i].kind, choices[i].horizon,
                                     choices[i].variation);
                x += s + 24;
            }
            p.setPen(Qt::black);
            p.drawText(QRect(x + 10, y, 400, 48), Qt::AlignVCenter, kindChoiceText(choices[i]));
        }
        p.end();
        REQUIRE(sheet.save(shotPath("annotation-glyphs.png")));
    }
}

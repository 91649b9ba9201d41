// The window receiving live traces: File > Receive live traces shows the endpoint and a live
// run that fills as spans arrive and follows the newest time until the user scrolls back.
#include "../live/otlpbuilder.h"
#include "analysis/timelinespans.h"
#include "item/runlistmodel.h"
#include "live/livepanel.h"
#include "livesession.h"
#include "mainwindow.h"
#include "store/workspace.h"
#include "testsupport.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"

#include <QToolButton>
#include <QUrl>
#include <QtTest>
#include <httplib.h>

using namespace spanscope;

namespace {

bool post(const QString &endpoint, std::uint64_t seed, int traces, int spans) {
    httplib::Client c("127.0.0.1", QUrl(endpoint).port());
    const auto res =
        c.Post("/v1/traces", otlpbuilder::request(seed, traces, spans).SerializeAsString(),
               "application/x-protobuf");
    return res && res->status == 200;
}

std::int64_t newestEnd(const TimelinePane *pane) {
    return pane->spans() ? timeRange(*pane->spans()).second : 0;
}

bool showsNewest(const TimelinePane *pane) {
    const TimelineViewport v = pane->view()->viewport();
    return std::llabs(v.t1() - newestEnd(pane)) <= static_cast<std::int64_t>(2 * v.nsPerPixel) + 1;
}

} // namespace

class TestLiveWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aLiveRunFillsAndFollows() {
        MainWindow w(m_dir.filePath(QStringLiteral("live.spanscope")));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.startLive(0));
        LiveSession *live = w.liveSession();
        QVERIFY(live && live->running());
        const QString endpoint = w.livePanel()->endpoint();
        QVERIFY(endpoint.startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(endpoint.endsWith(QStringLiteral("/v1/traces")));
        QTRY_COMPARE(w.timeline()->runId(), live->runId()); // selected and shown at once

        QVERIFY(post(endpoint, 1, 20, 5));
        QTRY_VERIFY_WITH_TIMEOUT(w.timeline()->spans() && w.timeline()->spans()->size() == 100,
                                 10000);
        QVERIFY(w.timeline()->followToggle()->isVisible());
        QVERIFY(w.timeline()->following());
        QVERIFY(showsNewest(w.timeline()));
        QTRY_VERIFY(w.livePanel()->countsText().contains(QStringLiteral("100 spans")));
        const int row = w.runModel()->rowOfRun(live->runId());
        QVERIFY(row >= 0);

        // Scrolled back: no longer following, and new spans leave the view where it is.
        w.timeline()->view()->panPixels(200, 0);
        QVERIFY(!w.timeline()->following());
        QVERIFY(!w.timeline()->followToggle()->isChecked());
        const std::int64_t t0 = w.timeline()->view()->viewport().t0;
        QVERIFY(post(endpoint, 2, 20, 5)); // a second later than the first
        QTRY_VERIFY_WITH_TIMEOUT(w.timeline()->spans()->size() == 200, 10000);
        QCOMPARE(w.timeline()->view()->viewport().t0, t0);
        QVERIFY(!showsNewest(w.timeline()));
        // Following again: the newest time at the right edge.
        w.timeline()->followToggle()->click();
        QVERIFY(w.timeline()->following());
        QVERIFY(showsNewest(w.timeline()));
        QTRY_VERIFY(w.livePanel()->countsText().contains(QStringLiteral("200 spans")));
        QTRY_VERIFY(w.analysis() != nullptr);
        w.grab().save(QStringLiteral("live-window.png"));

        w.stopLive();
        QTRY_VERIFY_WITH_TIMEOUT(!live->running() && !live->stopping(), 20000);
        QTRY_VERIFY(w.livePanel()->countsText().startsWith(QStringLiteral("Stopped")));
        QVERIFY(!w.timeline()->followToggle()->isVisible());
        const auto run = w.workspace().run(live->runId());
        QVERIFY(run.has_value());
        QCOMPARE(run->spanCount, 200);
        QVERIFY(QString::fromStdString(run->metadataJson)
                    .contains(QStringLiteral("\"receiving\":false")));
    }

    void aTakenPortIsSaid() {
        MainWindow first(m_dir.filePath(QStringLiteral("a.spanscope")));
        QVERIFY(first.startLive(0));
        const int port = QUrl(first.livePanel()->endpoint()).port();
        MainWindow second(m_dir.filePath(QStringLiteral("b.spanscope")));
        QVERIFY(!second.startLive(port));
        QVERIFY2(second.lastErrorText().contains(QString::number(port)),
                 qPrintable(second.lastErrorText()));
        QVERIFY(second.lastErrorText().contains(QStringLiteral("in use")));
    }
};

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"

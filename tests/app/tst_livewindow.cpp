// The window receiving live traces: File > Receive live traces shows the endpoint and a live
// run that fills as spans arrive and follows the newest time until the user scrolls back.
#include "../live/otlpbuilder.h"
#include "analysis/timelinespans.h"
#include "item/runlistmodel.h"
#include "item/tracetablemodel.h"
#include "live/livepanel.h"
#include "livesession.h"
#include "mainwindow.h"
#include "store/workspace.h"
#include "testsupport.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"
#include "workspace/requestspanel.h"

#include <QHeaderView>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
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
        QTRY_VERIFY(showsNewest(w.timeline())); // once the layout for the new spans is in
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

    // What the user did in the views survives the run growing: the selected request row (and
    // the table's sort), and a span collapsed in a waterfall.
    void aGrowingRunKeepsSelectionAndCollapsedSpans() {
        MainWindow w(m_dir.filePath(QStringLiteral("keep.spanscope")));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.startLive(0));
        const QString endpoint = w.livePanel()->endpoint();
        QTRY_COMPARE(w.timeline()->runId(), w.liveSession()->runId());
        QVERIFY(post(endpoint, 1, 6, 5));
        QTableView *table = w.requestsPanel()->table();
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 6, 10000);
        QTRY_VERIFY(w.timeline()->spans() && w.timeline()->spans()->size() == 30);

        // Request 0's waterfall with its root collapsed: one lane.
        w.timeline()->openTrace(0);
        const TimelineSpans *spans = w.timeline()->spans();
        std::int32_t root = -1;
        for (std::size_t i = 0; i < spans->size() && root < 0; ++i)
            if (spans->trace[i] == 0 && spans->parent[i] < 0) root = static_cast<std::int32_t>(i);
        QVERIFY(root >= 0);
        QTRY_VERIFY(w.timeline()->view()->layout()->laneCount() > 1);
        emit w.timeline()->view()->collapseToggled(root);
        QTRY_COMPARE(w.timeline()->view()->layout()->laneCount(), 1);

        table->sortByColumn(TraceTableModel::Duration, Qt::DescendingOrder);
        // A row other than request 0's, which opening its waterfall selected.
        table->selectRow(table->currentIndex().row() == 2 ? 3 : 2);
        const qint64 selected =
            table->currentIndex().data(TraceTableModel::TraceIdRole).toLongLong();
        QVERIFY(selected > 0);
        const int scrolled = table->verticalScrollBar()->value();

        QVERIFY(post(endpoint, 2, 6, 5));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 12, 10000);
        QTRY_VERIFY(w.timeline()->spans()->size() == 60);
        QVERIFY(table->currentIndex().isValid());
        QCOMPARE(table->currentIndex().data(TraceTableModel::TraceIdRole).toLongLong(), selected);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
                 static_cast<int>(TraceTableModel::Duration));
        QCOMPARE(table->verticalScrollBar()->value(), scrolled);
        QCOMPARE(w.timeline()->mode(), TimelinePane::Mode::Waterfall);
        QCOMPARE(w.timeline()->traceShown(), 0);
        QTRY_COMPARE(w.timeline()->view()->layout()->laneCount(), 1);
        w.grab().save(QStringLiteral("live-kept.png")); // for people to look at
        w.stopLive();
        QTRY_VERIFY_WITH_TIMEOUT(!w.liveSession()->running(), 20000);
    }

    // `spanscope --listen 0` says its endpoint on the terminal; a SIGTERM then ends it as Quit
    // would: everything answered 200 is committed and the run no longer says it is receiving.
    void aTerminatedWindowCommitsItsLiveRun() {
        const QString file = m_dir.filePath(QStringLiteral("term.spanscope"));
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(SPANSCOPE_APP), {QStringLiteral("--listen"), QStringLiteral("0"),
                                                  QStringLiteral("--workspace"), file});
        QVERIFY(app.waitForReadyRead(30000));
        const QString line = QString::fromUtf8(app.readLine()).trimmed();
        const qsizetype at = line.indexOf(QStringLiteral("http://"));
        QVERIFY2(at > 0, qPrintable(line));
        const QString endpoint = line.mid(at);
        for (std::uint64_t i = 0; i < 3; ++i)
            QVERIFY(post(endpoint, 20 + i, 10, 4));
        app.terminate();
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        Workspace after(file);
        const auto runs = after.runs();
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs.front().spanCount, 120);
        QVERIFY2(QString::fromStdString(runs.front().metadataJson)
                     .contains(QStringLiteral("\"receiving\":false")),
                 runs.front().metadataJson.c_str());
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

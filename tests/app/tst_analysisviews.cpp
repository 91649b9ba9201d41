// The analysis views inside the real window, offscreen: a run's analysis arrives for the
// selected run; a call path picked in the stacks outlines its spans in the timeline; the slow
// requests view plots every request, box-selects them, and opens a request's waterfall with
// its critical path outlined and its share in the inspector. Saves mainwindow-*.png.
#include "analysis/criticalpath.h"
#include "inspector/inspectorview.h"
#include "item/sessiontablemodel.h"
#include "mainwindow.h"
#include "sessions/sessionspane.h"
#include "stacks/stackspane.h"
#include "store/runanalysis.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"
#include "timeline/concurrencytrack.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"
#include "workspace/runspanel.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <qcustomplot.h>

using namespace spanscope;

class TstAnalysisViews : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<MainWindow> m_w;

    std::shared_ptr<const RunAnalysis> analysis() const { return m_w->analysis(); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        synth::WorkloadOptions o;
        o.spans = 3000;
        o.sessions = 12;
        o.concurrency = 8;
        const QString file = m_tmp.filePath(QStringLiteral("rollout.jsonl"));
        synth::generate(o, synth::OutputFormat::OtlpJsonLines, file);
        m_w = std::make_unique<MainWindow>(m_tmp.filePath(QStringLiteral("w.spanscope")));
        m_w->resize(1600, 950);
        m_w->show();
        QSignalSpy ready(m_w.get(), &MainWindow::analysisReady);
        QVERIFY(m_w->importPaths({file}));
        QVERIFY(QTest::qWaitFor([&] { return ready.count() > 0 && analysis(); }, 120000));
        QCOMPARE(analysis()->runId, m_w->runsPanel()->currentRun());
        QCOMPARE(analysis()->spans.get(), m_w->timeline()->spans()); // the same columns
        QVERIFY(!analysis()->sessions.empty());
        // The analysis tabs do not widen the window beyond what it was given.
        QApplication::processEvents();
        QCOMPARE(m_w->width(), 1600);
    }

    void aPathPickedInTheStacksIsOutlinedInTheTimeline() {
        const StackTree &t = analysis()->stacks;
        std::int32_t node = t.roots.front();
        if (!t.nodes[static_cast<std::size_t>(node)].children.empty())
            node = t.nodes[static_cast<std::size_t>(node)].children.front();
        m_w->centreTabs()->setCurrentWidget(m_w->stacks());
        m_w->stacks()->selectNodes({node});
        QCOMPARE(m_w->timeline()->matchCount(),
                 static_cast<int>(t.nodes[static_cast<std::size_t>(node)].spans.size()));
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-stacks.png")));
        // Double-clicking its slowest call opens that call's request as a waterfall.
        QTreeWidget *calls = m_w->stacks()->slowestCalls();
        QVERIFY(calls->topLevelItemCount() > 0);
        const int span = calls->topLevelItem(0)->data(1, Qt::UserRole).toInt();
        QSignalSpy layout(m_w->timeline(), &TimelinePane::layoutChanged);
        emit calls->itemActivated(calls->topLevelItem(0), 0);
        QVERIFY(layout.wait(30000));
        QCOMPARE(m_w->centreTabs()->currentWidget(), m_w->timeline());
        QCOMPARE(m_w->timeline()->mode(), TimelinePane::Mode::Waterfall);
        QCOMPARE(m_w->timeline()->traceShown(),
                 analysis()->spans->trace[static_cast<std::size_t>(span)]);
        QCOMPARE(m_w->timeline()->view()->selectedSpan(), span);
    }

    void slowRequestsPlotEveryRequestAndBoxSelectLists() {
        SessionsPane *p = m_w->sessions();
        m_w->centreTabs()->setCurrentWidget(p);
        QApplication::processEvents();
        int points = 0;
        for (int g = 0; g < p->scatter()->graphCount(); ++g)
            if (p->scatter()->graph(g)->selectable() != QCP::stNone)
                points += p->scatter()->graph(g)->dataCount();
        QCOMPARE(points, static_cast<int>(analysis()->requests.size()));
        QCOMPARE(p->sessionTable()->model()->rowCount(),
                 static_cast<int>(analysis()->sessions.size()));
        {
            SessionTableModel model;
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setSessions(analysis()->sessions, 0);
            QCOMPARE(model.rowCount(), static_cast<int>(analysis()->sessions.size()));
            // Sorted by summed latency, slowest first, the same as the analysis lists them.
            QCOMPARE(p->sessionTable()->model()->index(0, 0).data().toString().toStdString(),
                     analysis()->sessions.front().session);
        }
        // A drag over the whole plot area selects every request.
        p->scatter()->replot();
        const QRect r = p->scatter()->axisRect()->rect();
        QTest::mousePress(p->scatter(), Qt::LeftButton, {}, r.topLeft() + QPoint(1, 1));
        QMouseEvent move(QEvent::MouseMove, QPointF(r.bottomRight() - QPoint(1, 1)),
                         p->scatter()->mapToGlobal(QPointF(r.bottomRight() - QPoint(1, 1))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(p->scatter(), &move);
        QTest::mouseRelease(p->scatter(), Qt::LeftButton, {}, r.bottomRight() - QPoint(1, 1));
        QCOMPARE(p->listedRequests().size(), analysis()->requests.size());
        // A session row lists that session's requests.
        p->sessionTable()->selectRow(0);
        const std::string session =
            p->sessionTable()->model()->index(0, 0).data().toString().toStdString();
        std::size_t want = 0;
        for (const RequestSample &s : analysis()->requests)
            want += s.session == session;
        QCOMPARE(p->listedRequests().size(), want);
        QCOMPARE(m_w->width(), 1600); // a long status line did not widen the window
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-sessions.png")));
    }

    void aSlowRequestOpensWithItsCriticalPath() {
        const auto &req = analysis()->requests;
        const std::int32_t slowest = slowestRequests(req, 1).front();
        // A click on the slowest request's point in the scatter opens it.
        SessionsPane *p = m_w->sessions();
        m_w->centreTabs()->setCurrentWidget(p);
        p->scatter()->replot();
        QPoint at;
        for (int g = 0; g < p->scatter()->graphCount() && at.isNull(); ++g) {
            QCPGraph *graph = p->scatter()->graph(g);
            for (int i = 0; i < graph->dataCount(); ++i)
                if (p->traceOfPoint(graph, i) == req[static_cast<std::size_t>(slowest)].trace) {
                    const auto it = graph->data()->at(i);
                    at = QPointF(graph->keyAxis()->coordToPixel(it->key),
                                 graph->valueAxis()->coordToPixel(it->value))
                             .toPoint();
                }
        }
        QVERIFY(!at.isNull());
        QSignalSpy layout(m_w->timeline(), &TimelinePane::layoutChanged);
        QTest::mouseClick(p->scatter(), Qt::LeftButton, {}, at);
        QVERIFY(layout.wait(30000));
        QCOMPARE(m_w->timeline()->traceShown(), req[static_cast<std::size_t>(slowest)].trace);
        const auto &critical = m_w->criticalSpans();
        QVERIFY(!critical.empty());
        QCOMPARE(m_w->timeline()->matchCount(), static_cast<int>(critical.size()));
        // The path covers the request from its start to its end (one root here).
        std::int64_t onPath = 0;
        for (const auto &[span, ns] : critical)
            onPath += ns;
        const auto [first, last] =
            analysis()->spansOfTrace(req[static_cast<std::size_t>(slowest)].trace);
        QCOMPARE(onPath,
                 criticalPath(*analysis()->spans, analysis()->children, first, last).latencyNs);
        // Selecting a span on it tells its share in the inspector.
        const std::int32_t span = critical.rbegin()->first;
        m_w->timeline()->view()->setSelectedSpan(span);
        QVERIFY(m_w->inspector()->propertyText().contains(QStringLiteral("critical path = ")));
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-critical.png")));
    }

    void concurrencyTrackFollowsTheThresholdAndOpensSpikes() {
        m_w->centreTabs()->setCurrentWidget(m_w->timeline());
        m_w->timeline()->setMode(TimelinePane::Mode::Packed);
        QVERIFY(QTest::qWaitFor([&] { return !m_w->timeline()->busy(); }, 30000));
        m_w->timeline()->view()->zoomToFit();
        ConcurrencyTrack *track = m_w->timeline()->concurrencyTrack();
        QVERIFY(track->isVisible());
        QCOMPARE(track->threshold(), 7); // no NAT threshold in an OTLP run: the default
        // A threshold at the run's median level makes spikes; the track shows exactly them.
        const int level = std::max(1, analysis()->concurrency.p50);
        m_w->timeline()->thresholdBox()->setValue(level);
        QCOMPARE(track->threshold(), level);
        const auto want = spikes(analysis()->concurrency, level);
        QCOMPARE(track->spikes().size(), want.size());
        QVERIFY(!want.empty());
        // The longest spike: a click on it zooms the timeline to it and outlines its calls.
        const auto longest = std::max_element(want.begin(), want.end(), [](auto &a, auto &b) {
            return a.endNs - a.startNs < b.endNs - b.startNs;
        });
        const std::int64_t mid = longest->startNs + (longest->endNs - longest->startNs) / 2;
        track->replot();
        const double x = track->xAxis->coordToPixel(
            static_cast<double>(mid - m_w->timeline()->view()->originNs()) / 1e9);
        QTest::mouseClick(track, Qt::LeftButton, {},
                          QPoint(static_cast<int>(x), track->height() / 2));
        const TimelineViewport &v = m_w->timeline()->view()->viewport();
        QVERIFY(v.t0 <= longest->startNs && v.t1() >= longest->endNs);
        QVERIFY(v.t1() - v.t0 < 2 * (longest->endNs - longest->startNs) + 4'000'000);
        QCOMPARE(m_w->timeline()->matchCount(),
                 static_cast<int>(
                     overlappingCalls(analysis()->calls, longest->startNs, longest->endNs).size()));
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-spike.png")));
        m_w->timeline()->view()->zoomToFit();
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-concurrency.png")));
    }

    void cleanupTestCase() { m_w.reset(); }
};

QTEST_MAIN(TstAnalysisViews)
#include "tst_analysisviews.moc"

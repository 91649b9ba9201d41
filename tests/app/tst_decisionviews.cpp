// The decision tabs inside the real window, offscreen: a run's Overview lists its items (a score
// bar filters them; an item opens its request), the Leaderboard marks the best values and its
// two selected rows open Compare, whose items open a request of either run; trace runs selected
// together are sized. Saves mainwindow-overview.png, mainwindow-leaderboard.png and
// mainwindow-sizing.png.
#include "compare/compareitems.h"
#include "compare/comparepane.h"
#include "compare/leaderboardpane.h"
#include "decisiontabs.h"
#include "item/leaderboardmodel.h"
#include "mainwindow.h"
#include "overview/overviewpane.h"
#include "sizing/sizingpane.h"
#include "store/runanalysis.h"
#include "store/runcomparer.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"
#include "timeline/timelinepane.h"
#include "workspace/runspanel.h"

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace spanscope;

class TstDecisionViews : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<MainWindow> m_w;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        synth::WorkloadOptions base;
        base.spans = 1200;
        base.seed = 3;
        synth::WorkloadOptions cand = base;
        cand.slowName = "vector_store";
        cand.slowFactor = 4;
        cand.scoreDropItems = {1, 2, 3, 4, 5, 6};
        cand.scoreDrop = 0.2;
        synth::writeNatEval(base, m_tmp.filePath("v1"));
        synth::writeNatEval(cand, m_tmp.filePath("v2"));
        for (int c : {2, 6}) {
            synth::WorkloadOptions o;
            o.spans = 1500;
            o.concurrency = c;
            o.seed = static_cast<std::uint64_t>(c);
            synth::generate(o, synth::OutputFormat::OtlpJsonLines,
                            m_tmp.filePath(QStringLiteral("c%1.jsonl").arg(c)));
        }
        m_w = std::make_unique<MainWindow>(m_tmp.filePath(QStringLiteral("w.spanscope")));
        m_w->resize(1600, 950);
        m_w->show();
        QSignalSpy finished(m_w.get(), &MainWindow::importFinished);
        QVERIFY(m_w->importPaths({m_tmp.filePath("v1"), m_tmp.filePath("v2"),
                                  m_tmp.filePath("c2.jsonl"), m_tmp.filePath("c6.jsonl")}));
        QVERIFY(finished.wait(120000));
        QCOMPARE(m_w->workspace().runs().size(), std::size_t(4));
    }

    void overviewListsTheRunsItems() {
        OverviewPane *o = m_w->decisions()->overview();
        QSignalSpy loaded(o, &OverviewPane::loaded);
        m_w->runsPanel()->selectRun(1);
        QVERIFY(QTest::qWaitFor([&] { return o->items()->rowCount() > 0; }, 30000));
        const auto items = EvalQueries(m_w->workspace()).items(1);
        QCOMPARE(o->items()->rowCount(), static_cast<int>(items.size()));
        QVERIFY(o->summary()->text().contains(QStringLiteral("accuracy")));
        // A bar of the accuracy histogram lists exactly the items with scores in it.
        QCustomPlot *h = o->histogram(QStringLiteral("accuracy"));
        QVERIFY(h);
        auto *bars = qobject_cast<QCPBars *>(h->plottable(0));
        int tallest = 0;
        for (int k = 1; k < bars->dataCount(); ++k)
            if (bars->data()->at(k)->value > bars->data()->at(tallest)->value) tallest = k;
        const double width = bars->width() / 0.9;
        const double centre = bars->data()->at(tallest)->key;
        emit h->plottableClick(bars, tallest, nullptr);
        QCOMPARE(o->visibleItems(), static_cast<int>(bars->data()->at(tallest)->value));
        for (int row = 0; row < o->items()->rowCount(); ++row) {
            if (o->items()->isRowHidden(row)) continue;
            const double score = o->items()->item(row, 3)->text().toDouble();
            QVERIFY(score >= centre - width / 2 - 1e-9 && score <= centre + width / 2 + 1e-9);
        }
        m_w->centreTabs()->setCurrentWidget(o);
        QTest::qWait(50);
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-overview.png")));
        o->clearScoreFilter();
        QCOMPARE(o->visibleItems(), static_cast<int>(items.size()));
        o->filter()->setText(QStringLiteral("no such text anywhere"));
        QCOMPARE(o->visibleItems(), 0);
        o->filter()->clear();

        // Double-clicking an item opens its request in the timeline.
        QSignalSpy opened(m_w->timeline(), &TimelinePane::traceOpened);
        QVERIFY(
            QTest::qWaitFor([&] { return m_w->analysis() && m_w->analysis()->runId == 1; }, 60000));
        emit o->items()->cellDoubleClicked(0, 0);
        QVERIFY(opened.count() > 0 || opened.wait(10000));
        QCOMPARE(m_w->centreTabs()->currentWidget(), m_w->timeline());
    }

    void leaderboardComparesTwoRuns() {
        LeaderboardPane *lb = m_w->decisions()->leaderboard();
        QVERIFY(QTest::qWaitFor([&] { return lb->model()->rowCount() == 4; }, 30000));
        // v1 has the better accuracy: its cell is the best of the column.
        const int acc = lb->model()->evaluatorColumn(QStringLiteral("accuracy"));
        QVERIFY(acc >= 0);
        QVERIFY(lb->model()->index(0, acc).data(LeaderboardModel::BestRole).toBool());
        QVERIFY(!lb->model()->index(1, acc).data(LeaderboardModel::BestRole).toBool());
        lb->selectRuns({1, 2});
        QVERIFY(lb->compareButton()->isEnabled());
        m_w->centreTabs()->setCurrentWidget(lb);
        QTest::qWait(50);
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-leaderboard.png")));
        ComparePane *c = m_w->decisions()->comparePane();
        QSignalSpy ready(c, &ComparePane::comparisonReady);
        lb->compareButton()->click();
        QCOMPARE(m_w->centreTabs()->currentWidget(), c);
        QVERIFY(ready.wait(60000));
        QCOMPARE(c->comparison()->a.id, 1);
        QCOMPARE(c->comparison()->b.id, 2);
        QCOMPARE(c->comparison()->result.evaluators.at(0).paired.regressed, 6);
        // B's request of the first item opens: the window switches to run 2 and opens it.
        c->items()->selectPair(0);
        QSignalSpy opened(m_w->timeline(), &TimelinePane::traceOpened);
        for (QPushButton *b : c->items()->findChildren<QPushButton *>())
            if (b->text().contains(QStringLiteral("B's"))) b->click();
        QVERIFY(QTest::qWaitFor([&] { return opened.count() > 0; }, 60000));
        QCOMPARE(m_w->timeline()->runId(), 2);
    }

    void traceRunsAreSizedTogether() {
        LeaderboardPane *lb = m_w->decisions()->leaderboard();
        lb->selectRuns({3, 4});
        QVERIFY(lb->sizingButton()->isEnabled());
        QVERIFY(!lb->compareButton()->isEnabled() || lb->selectedRuns().size() == 2);
        QSignalSpy ready(m_w->decisions(), &DecisionTabs::sizingReady);
        lb->sizingButton()->click();
        QVERIFY(ready.wait(60000));
        SizingPane *s = m_w->decisions()->sizing();
        QCOMPARE(m_w->centreTabs()->currentWidget(), s);
        QCOMPARE(s->source().points.size(), std::size_t(2));
        QVERIFY(s->source().points[0].concurrency < s->source().points[1].concurrency);
        QCOMPARE(s->source().runOfPoint[0], 3);
        QTest::qWait(50);
        QVERIFY(m_w->grab().save(QStringLiteral("mainwindow-sizing.png")));
    }
};

QTEST_MAIN(TstDecisionViews)
#include "tst_decisionviews.moc"

// The sizing view offscreen: inputs change, outputs follow by NAT's formulas; on sizing-aiq the
// view agrees with NAT's own estimates. Saves sizing*.png in the working folder to look at.
#include "sizing/sizingpane.h"
#include "store/evalqueries.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

using namespace spanscope;

namespace {

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

// y = 2x + 10 with an outlier at 8; LLM latency y = x + 1 exactly.
SizingData handMade() {
    SizingData d;
    d.title = QStringLiteral("hand-made");
    const std::vector<double> x = {1, 2, 4, 8, 16, 32}, y = {12, 14, 18, 80, 42, 74};
    for (std::size_t i = 0; i < x.size(); ++i) {
        d.runtime.points.push_back({x[i], y[i], {y[i] - 1, y[i] + 1}, false});
        d.llm.points.push_back({x[i], x[i] + 1, {}, false});
        for (SizingSource *s : {&d.runtime, &d.llm}) {
            s->runOfPoint.push_back(0);
            s->natSinglePoint.emplace_back();
            s->natOutlier.push_back(false);
            s->natItemsOver.emplace_back();
        }
    }
    d.llm.metric = SizingMetric::LlmLatency;
    return d;
}

int dataCount(QCustomPlot *plot, const QString &namePrefix) {
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name().startsWith(namePrefix)) return plot->graph(i)->dataCount();
    return -1;
}

} // namespace

class TstSizingPane : public QObject {
    Q_OBJECT
private slots:
    void inputsDriveTheOutputs() {
        SizingPane pane;
        pane.resize(1200, 800);
        pane.setData(handMade());
        QCOMPARE(pane.metric(), SizingMetric::Runtime);
        // The budget opens at the median point's p95 (no NAT target here): 42 s.
        QCOMPARE(pane.budget(), 42.0);
        QVERIFY(pane.result().fit.accepted);
        QCOMPARE(pane.result().fit.outliersRemoved, std::vector<double>{8});
        // (42 - 10) / 2 = 16 concurrent; 100 users on 8 GPUs -> 100 / 16 x 8 = 50 GPUs.
        QVERIFY(near(*pane.result().concurrencyAtBudget, 16));
        QVERIFY(near(*pane.result().gpus, 50));
        QCOMPARE(dataCount(pane.chart(), "p95"), 5);
        QCOMPARE(dataCount(pane.chart(), "outlier"), 1);
        QCOMPARE(dataCount(pane.chart(), "each item"), 12);

        // Users doubled: GPUs doubled. Budget 30 s: concurrency 10, 200 / 10 x 8 = 160.
        pane.usersBox()->setValue(200);
        QVERIFY(near(*pane.result().gpus, 100));
        pane.budgetBox()->setValue(30);
        QVERIFY(near(*pane.result().concurrencyAtBudget, 10));
        QVERIFY(near(*pane.result().gpus, 160));
        // Single point at concurrency 4 (18 s under 30 s): 200 / 4 x 18 / 30 x 8.
        QVERIFY(near(*pane.result().singlePoint[2], 200.0 / 4 * (18.0 / 30) * 8));
        QVERIFY(!pane.result().singlePoint[5].has_value());              // 74 s over the budget
        QCOMPARE(pane.table()->item(5, 3)->text(), QStringLiteral("2")); // both items over 30 s
        QVERIFY(pane.outputs()->text().contains(QStringLiteral("<b>160.0</b>")));
        pane.gpusBox()->setValue(4);
        QVERIFY(near(*pane.result().gpus, 80));

        // The LLM latency: y = x + 1, no outlier; budget reset to its median (9 s).
        pane.metricBox()->setCurrentIndex(1);
        QCOMPARE(pane.metric(), SizingMetric::LlmLatency);
        QVERIFY(pane.result().fit.outliersRemoved.empty());
        QVERIFY(near(pane.result().fit.slope, 1));
        QCOMPARE(pane.budget(), 9.0);
        QVERIFY(near(*pane.result().concurrencyAtBudget, 8));
        QVERIFY(pane.grab().save(QStringLiteral("sizing-handmade.png")));
    }

    // Issue 13, item 22: in the centre a 1280 px window leaves (about 490 px), the legend was
    // wider than the plot, cut off on its left and over the points; it shows where it fits.
    void theLegendShowsOnlyWhereItFits() {
        SizingPane pane;
        pane.setData(handMade());
        pane.resize(490, 600);
        pane.show();
        QTest::qWait(50); // the queued replot after the legend's check
        pane.grab().save(QStringLiteral("sizing-narrow.png"));
        QCPLegend *legend = pane.chart()->legend;
        QVERIFY(!legend->visible());
        pane.resize(1400, 800);
        QTest::qWait(50);
        pane.chart()->replot();
        QTest::qWait(50);
        QVERIFY(legend->visible());
        QVERIFY(pane.chart()->axisRect()->rect().contains(legend->outerRect()));
    }

    void rejectedFitShowsNoSlopeEstimate() {
        SizingData d;
        const std::vector<double> y = {10, 2, 11, 3, 12, 4};
        for (std::size_t i = 0; i < y.size(); ++i) {
            d.runtime.points.push_back({static_cast<double>(i + 1), y[i], {}, false});
            d.runtime.runOfPoint.push_back(0);
            d.runtime.natSinglePoint.emplace_back();
        }
        d.title = QStringLiteral("rejected");
        SizingPane pane;
        pane.setData(d);
        QVERIFY(!pane.result().fit.accepted);
        QVERIFY(!pane.result().gpus.has_value());
        QVERIFY(pane.outputs()->text().contains(QStringLiteral("No fit")));
    }

    void agreesWithNatOnSizingAiq() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs =
            testsupport::importPath(ws, testsupport::samplesDir() + "/nat/sizing-aiq");
        std::int64_t calcRun = 0;
        for (const auto &r : runs)
            if (r.kind == "nat-sizing") calcRun = r.runId;
        QVERIFY(calcRun);
        const StoredSizing stored = EvalQueries(ws).sizing(calcRun);
        SizingData d;
        d.title = QStringLiteral("sizing-aiq");
        d.runtime = sizingFromCalc(stored, SizingMetric::Runtime);
        d.llm = sizingFromCalc(stored, SizingMetric::LlmLatency);
        linkCalcEvalRuns(ws, *ws.run(calcRun), d.runtime);
        SizingPane pane;
        pane.resize(1200, 800);
        pane.setData(d);
        QVERIFY(near(pane.budget(), 150));
        // Each point names the eval NAT ran at its concurrency (sizing-aiq/eval/wf_concurrency_N).
        for (int row = 0; row < pane.table()->rowCount(); ++row)
            QVERIFY(pane.table()->item(row, 6)->text().contains(QStringLiteral("its eval is run")));
        QCOMPARE(pane.agreesWithNat(), std::optional<bool>(true));
        QVERIFY(pane.outputs()->text().contains(QStringLiteral("the same")));
        // Row of concurrency 32: NAT counted 57 items over 150 s.
        QCOMPARE(pane.table()->item(5, 0)->text(), QStringLiteral("32"));
        QCOMPARE(pane.table()->item(5, 3)->text(), QStringLiteral("57"));
        QVERIFY(pane.table()->item(3, 6)->text().contains(QStringLiteral("outlier")));
        QVERIFY(pane.grab().save(QStringLiteral("sizing-aiq.png")));
        // Other inputs: NAT's figure is for different ones, so no verdict.
        pane.usersBox()->setValue(500);
        QCOMPARE(pane.agreesWithNat(), std::nullopt);
        QVERIFY(pane.outputs()->text().contains(QStringLiteral("NAT estimated")));
    }

    // The calculator's eval folders sized as runs: each point at the concurrency NAT ran it
    // at, and its note says so.
    void evalRunsAreSizedAtTheirNatConcurrency() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        std::vector<std::int64_t> evalRuns;
        for (const auto &r :
             testsupport::importPath(ws, testsupport::samplesDir() + "/nat/sizing-aiq"))
            if (r.kind == "nat-eval") evalRuns.push_back(r.runId);
        QCOMPARE(evalRuns.size(), std::size_t(6));
        SizingData d;
        d.title = QStringLiteral("sizing-aiq's eval runs");
        d.runtime = sizingFromRuns(ws, evalRuns, SizingMetric::Runtime);
        d.llm = sizingFromRuns(ws, evalRuns, SizingMetric::LlmLatency);
        SizingPane pane;
        pane.resize(1200, 800);
        pane.setData(d);
        QStringList concurrencies;
        for (int row = 0; row < pane.table()->rowCount(); ++row) {
            concurrencies << pane.table()->item(row, 0)->text();
            QVERIFY(pane.table()->item(row, 6)->text().contains(
                QStringLiteral("at the concurrency NAT ran it at")));
        }
        QCOMPARE(concurrencies.join(QLatin1Char(' ')), QStringLiteral("1 2 4 8 16 32"));
        QVERIFY(pane.grab().save(QStringLiteral("sizing-eval-runs.png")));
    }
};

QTEST_MAIN(TstSizingPane)
#include "tst_sizingpane.moc"

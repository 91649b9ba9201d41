#include "analysis/runsummary.h"
#include "analysis/stats.h"

#include <QTest>

using namespace spanscope;

class TstStats : public QObject {
    Q_OBJECT
private slots:
    void percentileMatchesNumpyLinear() {
        // numpy.percentile([1, 2, 3, 4, 10], q) with the default linear method.
        const std::vector<double> v = {4, 1, 10, 3, 2};
        QCOMPARE(*stats::percentile(v, 50), 3.0);
        QCOMPARE(*stats::percentile(v, 95), 8.8);
        QCOMPARE(*stats::percentile(v, 0), 1.0);
        QCOMPARE(*stats::percentile(v, 100), 10.0);
        QCOMPARE(*stats::percentile({7.0}, 95), 7.0);
        QVERIFY(!stats::percentile({}, 50).has_value());
    }
    void mean() {
        QCOMPARE(*stats::mean({1, 2, 6}), 3.0);
        QVERIFY(!stats::mean({}).has_value());
    }
    void summaryFromValues() {
        RunSummaryInput in;
        in.requestDurationsNs = {1'000'000'000, 3'000'000'000, 2'000'000'000};
        in.llmDurationsNs = {500'000'000};
        in.spansByCategory = {{"llm", 1}, {"tool", 2}};
        in.evaluatorScores["accuracy"] = {0.5, 1.0};
        in.evaluatorReportedAverage["accuracy"] = 0.75;
        in.evaluatorReportedAverage["judge"] = 0.1; // reported, but no item scores
        in.metrics = {{"forecast.llm_latency.mean", 1.0, 0.5, 1.5, "s"},
                      {"sizing.gpu_estimate_by_wf_runtime", 4.0, {}, {}, "GPUs"},
                      {"profiler.concurrency.p95", 3.0, {}, {}, "calls"}};
        const RunSummary s = summarize(in);
        QCOMPARE(s.requests, 3);
        QCOMPARE(s.spans, 3);
        QCOMPARE(*s.latencyP50, 2.0);
        QCOMPARE(*s.latencyMax, 3.0);
        QCOMPARE(s.llmCalls, 1);
        QCOMPARE(*s.llmP95, 0.5);
        QCOMPARE(s.evaluators.size(), std::size_t(2));
        QCOMPARE(s.evaluators[0].name, std::string("accuracy"));
        QCOMPARE(*s.evaluators[0].mean, 0.75);
        QCOMPARE(s.evaluators[0].items, 2);
        QVERIFY(!s.evaluators[1].mean.has_value());
        QCOMPARE(s.forecasts.size(), std::size_t(1));
        QCOMPARE(s.sizingMetrics.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TstStats)
#include "tst_stats.moc"

#include "analysis/sizingfit.h"
#include "testsupport.h"

#include <QFile>
#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace spanscope;
using nlohmann::json;

namespace {

bool near(double a, double b, double tolerance = 1e-9) {
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

// NAT's calculator output as written: points in the file's order, NAT's estimates beside them.
struct NatCalc {
    json doc;
    std::vector<sizing::Point> runtime, latency;
    std::vector<std::optional<double>> natRuntimeEstimates;
    std::vector<int> natItemsOverRuntime;
};

NatCalc readCalc(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    NatCalc c;
    c.doc = json::parse(f.readAll().toStdString());
    const json &data =
        c.doc.contains("calc_data") ? c.doc["calc_data"] : c.doc["per_concurrency_data"];
    for (const auto &[key, v] : data.items()) {
        const json &m = v["sizing_metrics"];
        sizing::Point rt{std::stod(key), m["workflow_runtime_p95"].get<double>(), {}, false};
        sizing::Point llm{std::stod(key), m["llm_latency_p95"].get<double>(), {}, false};
        for (const auto &[id, item] : m["per_item_metrics"].items()) {
            rt.items.push_back(item["workflow_runtime"].get<double>());
            llm.items.push_back(item["llm_latency"].get<double>());
        }
        c.runtime.push_back(rt);
        c.latency.push_back(llm);
        const json &est = v["gpu_estimates"]["gpu_estimate_by_wf_runtime"];
        c.natRuntimeEstimates.push_back(est.is_null() ? std::nullopt
                                                      : std::optional<double>(est.get<double>()));
        const json &alerts = v.contains("alerts") ? v["alerts"] : v["out_of_range_runs"];
        c.natItemsOverRuntime.push_back(alerts["num_items_greater_than_target_runtime"].get<int>());
    }
    // NAT's keys are concurrencies as text; its own order is numeric.
    auto byConcurrency = [](auto &points) {
        std::stable_sort(points.begin(), points.end(), [](const auto &a, const auto &b) {
            return a.concurrency < b.concurrency;
        });
    };
    std::vector<std::size_t> order(c.runtime.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return c.runtime[a].concurrency < c.runtime[b].concurrency;
    });
    NatCalc sorted = c;
    for (std::size_t i = 0; i < order.size(); ++i) {
        sorted.natRuntimeEstimates[i] = c.natRuntimeEstimates[order[i]];
        sorted.natItemsOverRuntime[i] = c.natItemsOverRuntime[order[i]];
    }
    byConcurrency(sorted.runtime);
    byConcurrency(sorted.latency);
    return sorted;
}

void checkFit(const sizing::LinearFit &fit, const json &nat) {
    QVERIFY(fit.accepted);
    QVERIFY(near(fit.slope, nat["slope"].get<double>()));
    QVERIFY(near(fit.intercept, nat["intercept"].get<double>()));
    QVERIFY(near(fit.rSquared, nat["r_squared"].get<double>()));
    std::vector<double> removed;
    for (const auto &c : nat["outliers_removed"])
        removed.push_back(c.get<double>());
    QCOMPARE(fit.outliersRemoved, removed);
}

} // namespace

class TstSizingFit : public QObject {
    Q_OBJECT
private slots:
    void natSamplesAgree_data() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("sizing-aiq") << "sizing-aiq";
        QTest::newRow("sizing-doc-keys") << "sizing-doc-keys";
    }
    void natSamplesAgree() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, folder);
        const NatCalc c = readCalc(testsupport::samplesDir() + "/nat/" + folder +
                                   "/calc/online/job_1763990400/calc_runner_output.json");
        QVERIFY(!c.runtime.empty());
        std::vector<double> x, rt, llm;
        for (std::size_t i = 0; i < c.runtime.size(); ++i) {
            x.push_back(c.runtime[i].concurrency);
            rt.push_back(c.runtime[i].p95);
            llm.push_back(c.latency[i].p95);
        }
        // NAT's documented (older) layout writes no fit_results; its estimates are checked below.
        if (c.doc.contains("fit_results")) {
            checkFit(sizing::fitLine(x, rt), c.doc["fit_results"]["wf_runtime_fit"]);
            checkFit(sizing::fitLine(x, llm), c.doc["fit_results"]["llm_latency_fit"]);
        }

        // NAT ran with a runtime target only; its per-point estimates imply the budget for the
        // default 100 users on 8 GPUs, and every figure NAT wrote follows from it.
        const auto budget = sizing::impliedBudget(c.runtime, c.natRuntimeEstimates, 100, 8);
        QVERIFY(budget.has_value());
        QVERIFY(near(*budget, 150.0, 1e-9));
        const auto r = sizing::size(c.runtime, {100, *budget, 8});
        QVERIFY(near(*r.gpus, c.doc["gpu_estimates"]["gpu_estimate_by_wf_runtime"].get<double>()));
        for (std::size_t i = 0; i < c.runtime.size(); ++i) {
            QCOMPARE(r.singlePoint[i].has_value(), c.natRuntimeEstimates[i].has_value());
            if (r.singlePoint[i]) QVERIFY(near(*r.singlePoint[i], *c.natRuntimeEstimates[i]));
            QCOMPARE(r.itemsOverBudget[i], c.natItemsOverRuntime[i]);
            QCOMPARE(r.outlier[i], c.runtime[i].concurrency == 8.0);
        }
        // Largest tested concurrency under 150 s is 16; the line crosses 150 s near 17.9.
        QCOMPARE(*r.maxTestedWithinBudget, 16.0);
        QVERIFY(near(*r.concurrencyAtBudget, (150.0 - r.fit.intercept) / r.fit.slope));
    }
    void oneOutlierRemoved() {
        // y = 2x + 10 except at 8; the residual fence removes it and the line is exact.
        const std::vector<double> x = {1, 2, 4, 8, 16, 32};
        const std::vector<double> y = {12, 14, 18, 80, 42, 74};
        const auto fit = sizing::fitLine(x, y);
        QVERIFY(fit.accepted);
        QCOMPARE(fit.outliersRemoved, std::vector<double>{8});
        QVERIFY(near(fit.slope, 2.0));
        QVERIFY(near(fit.intercept, 10.0));
        QVERIFY(near(fit.rSquared, 1.0));
        // 100 users, 30 s budget: c = (30 - 10) / 2 = 10, GPUs = 100 / 10 x 4.
        QVERIFY(near(*sizing::gpusBySlope(fit, 30, 100, 4), 40.0));
        QVERIFY(!sizing::gpusBySlope(fit, 10, 100, 4).has_value()); // budget at the intercept
    }
    void poorFitRejected() {
        const std::vector<double> x = {1, 2, 3, 4, 5, 6};
        const std::vector<double> y = {10, 2, 11, 3, 12, 4};
        const auto fit = sizing::fitLine(x, y);
        QVERIFY(!fit.accepted);
        QVERIFY(fit.rSquared < 0.7);
        QVERIFY(!fit.rejected.empty());
        const auto r = sizing::size({{1, 10, {}, false},
                                     {2, 2, {}, false},
                                     {3, 11, {}, false},
                                     {4, 3, {}, false},
                                     {5, 12, {}, false},
                                     {6, 4, {}, false}},
                                    {100, 20, 8});
        QVERIFY(!r.gpus.has_value());
        QVERIFY(!r.concurrencyAtBudget.has_value());
        // The single-point estimates do not need the fit.
        QVERIFY(near(*r.singlePoint[1], 100.0 / 2 * (2.0 / 20) * 8));
    }
    void fewerThanFivePointsKeepEveryPoint() {
        // 100 looks like an outlier, but NAT removes none with 4 points: plain least squares.
        const std::vector<double> x = {1, 2, 4, 8}, y = {3, 5, 9, 100};
        const auto fit = sizing::fitLine(x, y);
        QVERIFY(fit.outliersRemoved.empty());
        // n=4, sx=15, sy=117, sxy=849, sxx=85.
        const double slope = (4.0 * 849 - 15.0 * 117) / (4.0 * 85 - 15.0 * 15);
        QVERIFY(near(fit.slope, slope));
        QVERIFY(near(fit.intercept, (117 - slope * 15) / 4));
        QVERIFY(!sizing::fitLine({4}, {3}).accepted);
        QVERIFY(!sizing::fitLine({4, 4, 4}, {3, 5, 6}).accepted); // one concurrency: no line
    }
    void interruptedAndOverBudgetPoints() {
        const std::vector<sizing::Point> points = {{1, 11, {9, 12}, false},
                                                   {2, 12, {11, 13, 14}, false},
                                                   {4, 500, {}, true}, // interrupted: not fitted
                                                   {8, 18, {}, false}};
        const auto r = sizing::size(points, {50, 12.5, 2});
        QVERIFY(r.fit.accepted);
        QVERIFY(near(r.fit.slope, 1.0));
        QVERIFY(!r.singlePoint[2].has_value());
        QVERIFY(!r.singlePoint[3].has_value()); // 18 s over the 12.5 s budget
        QVERIFY(near(*r.singlePoint[0], 50.0 / 1 * (11 / 12.5) * 2));
        QCOMPARE(r.itemsOverBudget, (std::vector<int>{0, 2, -1, -1}));
        QCOMPARE(*r.maxTestedWithinBudget, 2.0);
    }
};

QTEST_MAIN(TstSizingFit)
#include "tst_sizingfit.moc"

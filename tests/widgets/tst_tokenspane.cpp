// The token view offscreen: the histograms count every LLM call with a count once, by model;
// a click on a bar lists exactly the calls in it; the profiler's forecasts and prefixes appear
// where the run has them. Saves tokens*.png in the working folder to look at.
#include "store/runanalysis.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"
#include "tokens/tokenspane.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <qcustomplot.h>

using namespace spanscope;

namespace {

std::shared_ptr<RunAnalysis> analyse(const QString &input, QTemporaryDir &tmp) {
    return testsupport::importAndAnalyse(input, tmp.filePath(QStringLiteral("w.spanscope")));
}

double barTotal(QCustomPlot *p) {
    double sum = 0;
    for (int k = 0; k < p->plottableCount(); ++k)
        if (auto *b = qobject_cast<QCPBars *>(p->plottable(k)))
            for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
                sum += it->value;
    return sum;
}

} // namespace

class TstTokensPane : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::shared_ptr<RunAnalysis> m_run;

private slots:
    void initTestCase() {
        synth::WorkloadOptions o;
        o.spans = 3000;
        o.concurrency = 8;
        const QString file = m_tmp.filePath(QStringLiteral("t.jsonl"));
        synth::generate(o, synth::OutputFormat::OtlpJsonLines, file);
        m_run = analyse(file, m_tmp);
        QVERIFY(m_run->llmCalls.size() > 50);
    }

    void histogramsCountEveryCallOnce() {
        TokensPane pane;
        pane.setAnalysis(m_run);
        std::size_t withInput = 0, withOutput = 0;
        for (const LlmCallSample &c : m_run->llmCalls) {
            withInput += c.inputTokens >= 0;
            withOutput += c.outputTokens >= 0;
        }
        QCOMPARE(barTotal(pane.promptChart()), double(withInput));
        QCOMPARE(barTotal(pane.completionChart()), double(withOutput));
        QCOMPARE(barTotal(pane.latencyChart()), double(m_run->llmCalls.size()));
    }

    // NAT 1.4+ cached and reasoning tokens: the summary says per model how much of the
    // prompts the cache served (summed from the file's LLM_END steps here) and never adds them.
    void cachedTokensAreSaidPerModel() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QString folder =
            QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat/aiq-v1-c8"));
        std::map<std::string, std::int64_t> cached;
        for (const auto &req : testsupport::readJson(
                 QDir(folder).filePath(QStringLiteral("all_requests_profiler_traces.json"))))
            for (const auto &step : req["intermediate_steps"])
                if (step["payload"]["event_type"] == "LLM_END")
                    cached[step["payload"]["name"]] +=
                        step["payload"]["usage_info"]["token_usage"].value("cached_tokens",
                                                                           std::int64_t{0});
        QTemporaryDir tmp;
        const auto run = analyse(folder, tmp);
        TokensPane pane;
        pane.setAnalysis(run);
        const TokenCharts &t = run->tokenCharts;
        QVERIFY(!t.byModel.empty());
        std::int64_t prompt = 0;
        for (const ModelTokens &m : t.byModel) {
            QCOMPARE(m.cachedTokens, cached[m.model]);
            prompt += m.inputTokens;
        }
        QCOMPARE(prompt, t.inputTokens); // cached tokens not added on top
        const QString text = pane.findChild<QLabel *>(QStringLiteral("tokensSummary"))->text();
        for (const ModelTokens &m : t.byModel)
            if (m.cachedTokens > 0)
                QVERIFY2(text.contains(QStringLiteral("%1: %2% of prompt tokens from the cache")
                                           .arg(QString::fromStdString(m.model))
                                           .arg(*m.cacheHitRatio() * 100, 0, 'f', 1)),
                         qPrintable(text));
    }

    // In a narrow centre (1280 px with both docks open) the histograms' bin labels ran
    // together ("903 1.69k 4k8k") and the models' legend covered the bars: the labels are
    // thinned to what the width keeps apart, and the legend shows only where it fits.
    void narrowChartsKeepTheirLabelsApart() {
        TokensPane pane;
        pane.resize(690, 640);
        pane.setAnalysis(m_run);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTest::qWait(100); // the queued replots after the first layout
        QVERIFY(pane.grab().save(QStringLiteral("tokens-narrow.png")));
        for (QCustomPlot *chart : {pane.promptChart(), pane.completionChart()}) {
            auto *ticker = dynamic_cast<QCPAxisTickerText *>(chart->xAxis->ticker().data());
            QVERIFY(ticker);
            QVERIFY(ticker->ticks().size() >= 2);
            const QFontMetrics fm(chart->xAxis->tickLabelFont());
            double rightOfLast = -1e9;
            for (auto it = ticker->ticks().constBegin(); it != ticker->ticks().constEnd(); ++it) {
                const double x = chart->xAxis->coordToPixel(it.key());
                const double half = fm.horizontalAdvance(it.value()) / 2.0;
                QVERIFY2(x - half > rightOfLast, qPrintable(it.value()));
                rightOfLast = x + half;
            }
            QVERIFY(!chart->legend->visible() ||
                    chart->axisRect()->rect().contains(chart->legend->outerRect()));
        }
    }

    void clickingABarListsItsCalls() {
        TokensPane pane;
        pane.resize(1400, 900);
        pane.setAnalysis(m_run);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCustomPlot *p = pane.promptChart();
        p->replot();
        // The tallest bar of the first model.
        QCPBars *bars = nullptr;
        for (int k = 0; k < p->plottableCount() && !bars; ++k)
            bars = qobject_cast<QCPBars *>(p->plottable(k));
        QVERIFY(bars);
        auto best = bars->data()->constBegin();
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            if (it->value > best->value) best = it;
        QVERIFY(best->value > 0);
        const QPointF at(bars->keyAxis()->coordToPixel(best->key),
                         bars->valueAxis()->coordToPixel(best->value / 2));
        QTest::mouseClick(p, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(double(pane.listedCalls().size()), best->value);
        QCOMPARE(pane.callList()->topLevelItemCount(), static_cast<int>(best->value));
        for (const std::size_t k : pane.listedCalls())
            QCOMPARE(QString::fromStdString(m_run->llmCalls[k].model), bars->name());
        // Activating a listed call asks for it by its workspace row.
        QSignalSpy open(&pane, &TokensPane::callActivated);
        emit pane.callList()->itemActivated(pane.callList()->topLevelItem(0), 0);
        QCOMPARE(open.count(), 1);
        bool known = false;
        for (const std::size_t k : pane.listedCalls())
            known = known || m_run->llmCalls[k].spanId == open.front().front().toLongLong();
        QVERIFY(known);
        QVERIFY(pane.grab().save(QStringLiteral("tokens.png")));
    }

    void profilerForecastsAndPrefixes() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        const auto a = analyse(testsupport::samplesDir() + QStringLiteral("/nat/aiq-v1-c8"), tmp);
        QVERIFY(a->metric("forecast.llm_latency.mean"));
        TokensPane pane;
        pane.resize(1400, 900);
        pane.setAnalysis(a);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        // The forecast is drawn on the LLM latency chart: a band, a mean and p90/p95/p99.
        QVERIFY(pane.latencyChart()->itemCount() >= 3);
        const nlohmann::json doc =
            testsupport::readJson(testsupport::samplesDir() +
                                  QStringLiteral("/nat/aiq-v1-c8/inference_optimization.json"));
        const auto &prefixes = doc["common_prefixes"];
        QCOMPARE(pane.prefixTable()->topLevelItemCount(), static_cast<int>(prefixes.size()));
        for (int k = 0; k < pane.prefixTable()->topLevelItemCount(); ++k) {
            QTreeWidgetItem *llm = pane.prefixTable()->topLevelItem(k);
            const auto &entry = prefixes[llm->text(0).toStdString()];
            QCOMPARE(llm->childCount(), static_cast<int>(entry["prefix_info"].size()));
            QVERIFY(!llm->text(4).isEmpty()); // its token uniqueness p90
        }
        QVERIFY(pane.grab().save(QStringLiteral("tokens-aiq-v1.png")));
    }
};

QTEST_MAIN(TstTokensPane)
#include "tst_tokenspane.moc"

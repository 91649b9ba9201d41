#include "natsizingreader.h"

#include "analysis/stats.h"
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "jsonfile.h"
#include "natfiles.h"
#include "natmetrics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <charconv>

namespace spanscope {

namespace {
using json = nlohmann::json;
}

NatSizingReader::NatSizingReader(ImportSource source) : m_source(std::move(source)) {}

void NatSizingReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    for (const QString &f : m_source.files)
        progress.addTotal(QFileInfo(f).size());
    ImportBatch batch;
    for (const QString &path : m_source.files) {
        const QString fileName = QFileInfo(path).fileName();
        if (fileName != natfiles::calcRunnerOutput) {
            RunFileRecord r{fileName.toStdString(), "attachment", QFileInfo(path).size(),
                            natfiles::compressed(path)};
            progress.addDone(r.size);
            batch.files.push_back(std::move(r));
            continue;
        }
        const std::string name = QDir::toNativeSeparators(path).toStdString();
        const json doc = jsonfile::read(path, name, &progress, &report);
        if (!doc.is_object())
            throw IngestError(name, "",
                              "top level is " + jsonfile::typeName(doc) +
                                  ", expected the sizing calculator's object");
        batch.files.push_back({fileName.toStdString(), "sizing", QFileInfo(path).size(), {}});
        const json *points = nullptr;
        for (const char *key : {"calc_data", "per_concurrency_data"})
            if (doc.contains(key) && doc[key].is_object()) points = &doc[key];
        if (!points)
            throw IngestError(name, "",
                              "has neither calc_data nor per_concurrency_data: not a "
                              "sizing calculator output");

        for (const auto &[concText, data] : points->items()) {
            int concurrency = 0;
            if (std::from_chars(concText.data(), concText.data() + concText.size(), concurrency)
                        .ec != std::errc() ||
                concurrency <= 0) {
                report.warn("bad-concurrency", name + ": key '" + concText +
                                                   "' is not a positive concurrency; skipped");
                continue;
            }
            const json metrics = data.is_object() ? data.value("sizing_metrics", json()) : json();
            if (!metrics.is_object()) {
                report.warn("bad-sizing-point", name + ": concurrency " + concText +
                                                    " has no sizing_metrics object; skipped");
                continue;
            }
            json extra = json::object();
            for (const char *k : {"alerts", "out_of_range_runs", "gpu_estimates"})
                if (data.contains(k)) extra[k] = data[k];
            if (metrics.contains("alerts")) extra["workflow_alerts"] = metrics["alerts"];
            if (metrics.contains("total_runtime"))
                extra["total_runtime"] = metrics["total_runtime"];
            const json perItem = metrics.value("per_item_metrics", json::object());
            for (const char *metric : {"llm_latency", "workflow_runtime"}) {
                SizingPointRecord p;
                p.concurrency = concurrency;
                p.metric = metric;
                p.p95 = natmetrics::number(metrics, (std::string(metric) + "_p95").c_str());
                std::vector<double> values;
                if (perItem.is_object())
                    for (const auto &[item, v] : perItem.items())
                        if (const auto x = natmetrics::number(v, metric)) values.push_back(*x);
                if (!values.empty()) {
                    std::sort(values.begin(), values.end());
                    p.p50 = stats::percentileSorted(values, 50);
                    p.p90 = stats::percentileSorted(values, 90);
                    p.mean = stats::mean(values);
                }
                p.samples = static_cast<int>(values.size());
                // The per-item times, so a view can count the items over any budget.
                json pointExtra = extra;
                pointExtra["items"] = values;
                p.extraJson = pointExtra.dump();
                if (p.p95 || !values.empty()) batch.sizingPoints.push_back(std::move(p));
            }
        }
        std::sort(batch.sizingPoints.begin(), batch.sizingPoints.end(),
                  [](const SizingPointRecord &a, const SizingPointRecord &b) {
                      return std::tie(a.concurrency, a.metric) < std::tie(b.concurrency, b.metric);
                  });

        const json gpu = doc.value("gpu_estimates", json::object());
        for (const char *k : {"gpu_estimate_by_wf_runtime", "gpu_estimate_by_llm_latency"})
            if (const auto v = natmetrics::number(gpu, k)) {
                RunMetricRecord m;
                m.name = std::string("sizing.") + k;
                m.value = v;
                m.unit = "GPUs";
                batch.metrics.push_back(std::move(m));
            }
        const json fits = doc.value("fit_results", json::object());
        for (const char *k : {"llm_latency_fit", "wf_runtime_fit"}) {
            const json fit = fits.is_object() ? fits.value(k, json()) : json();
            if (!fit.is_object()) continue;
            for (const char *f : {"slope", "intercept", "r_squared"}) {
                RunMetricRecord m;
                m.name = std::string("sizing.") + k + "." + f;
                m.value = natmetrics::number(fit, f);
                if (f == std::string("slope")) m.json = fit.dump();
                if (m.value) batch.metrics.push_back(std::move(m));
            }
        }
    }
    if (batch.sizingPoints.empty())
        throw IngestError(m_source.path.toStdString(), "", "no sizing points found");
    sink(std::move(batch));
}

} // namespace spanscope

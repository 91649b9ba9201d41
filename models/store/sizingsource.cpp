#include "sizingsource.h"

#include "analysis/stats.h"
#include "core/category.h"
#include "core/records.h"
#include "runinfo.h"
#include "statement.h"
#include "workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>

namespace spanscope {

bool natEstimated(const StoredSizing &stored, SizingMetric metric) {
    const bool runtime = metric == SizingMetric::Runtime;
    if (runtime ? stored.natGpusByRuntime : stored.natGpusByLatency) return true;
    return std::any_of(stored.points.begin(), stored.points.end(), [&](const StoredSizingPoint &p) {
        return (runtime ? p.natGpusByRuntime : p.natGpusByLatency).has_value();
    });
}

SizingSource sizingFromCalc(const StoredSizing &stored, SizingMetric metric) {
    SizingSource s;
    s.metric = metric;
    s.fromNat = true;
    const bool runtime = metric == SizingMetric::Runtime;
    for (const StoredSizingPoint &p : stored.points) {
        const auto &p95 = runtime ? p.runtimeP95 : p.latencyP95;
        // NAT skips a point without the metric (it needs both p95s) from the fit.
        if (!p95 || !p.runtimeP95 || !p.latencyP95) continue;
        s.points.push_back({static_cast<double>(p.concurrency), *p95,
                            runtime ? p.runtimeItems : p.latencyItems, p.interrupted});
        s.runOfPoint.push_back(0);
        s.concurrencyFromNat.push_back(true);
        s.natSinglePoint.push_back(runtime ? p.natGpusByRuntime : p.natGpusByLatency);
        s.natOutlier.push_back(runtime ? p.natOutlierRuntime : p.natOutlierLatency);
        s.natItemsOver.push_back(runtime ? p.natItemsOverRuntime : p.natItemsOverLatency);
    }
    s.natGpus = runtime ? stored.natGpusByRuntime : stored.natGpusByLatency;
    s.natFit = runtime ? stored.natRuntimeFit : stored.natLatencyFit;
    if (natEstimated(stored, metric))
        s.natImpliedBudget = sizing::impliedBudget(s.points, s.natSinglePoint, defaultSizingUsers,
                                                   defaultSizingGpus);
    return s;
}

void linkCalcEvalRuns(const Workspace &ws, const RunInfo &calc, SizingSource &source) {
    // <calc_output_dir>/<online|offline>/<job>: the folder the calculator's output sits in.
    std::filesystem::path job(calc.sourcePath);
    if (job.filename() == "calc_runner_output.json") job = job.parent_path();
    const std::filesystem::path root = job.parent_path().parent_path().parent_path();
    if (root.empty() || root == root.root_path()) return;
    const std::string prefix = (root / "").string();
    Statement st(ws.handle(), "SELECT r.id, r.source_path, m.value, m.json FROM runs r JOIN "
                              "run_metrics m ON m.run_id = r.id WHERE r.kind = 'nat-eval' AND "
                              "m.name = 'nat.max_concurrency' ORDER BY r.id");
    while (st.step()) {
        if (st.text(1).rfind(prefix, 0) != 0) continue;
        const double concurrency = st.real(2);
        const auto meta = nlohmann::json::parse(st.text(3), nullptr, false);
        const std::string alias =
            meta.is_object() ? meta.value("workflow_alias", std::string()) : std::string();
        char expected[64];
        std::snprintf(expected, sizeof expected, "wf_concurrency_%.0f", concurrency);
        if (alias != expected) continue; // a run of its own, not one the calculator made
        for (std::size_t i = 0; i < source.points.size(); ++i)
            if (source.points[i].concurrency == concurrency) source.runOfPoint[i] = st.int64(0);
    }
}

SizingSource sizingFromRuns(const Workspace &ws, const std::vector<std::int64_t> &runIds,
                            SizingMetric metric) {
    SizingSource s;
    s.metric = metric;
    struct Measured {
        sizing::Point point;
        std::int64_t run;
        bool fromNat;
    };
    std::vector<Measured> measured;
    for (const std::int64_t runId : runIds) {
        std::vector<std::pair<std::int64_t, std::int64_t>> requests;
        std::vector<double> items;
        {
            Statement st(ws.handle(), "SELECT start_ns, end_ns FROM traces WHERE run_id = ? AND "
                                      "start_ns IS NOT NULL AND end_ns IS NOT NULL");
            st.bind(1, runId);
            while (st.step()) {
                requests.emplace_back(st.int64(0), st.int64(1));
                if (metric == SizingMetric::Runtime)
                    items.push_back(static_cast<double>(st.int64(1) - st.int64(0)) / 1e9);
            }
        }
        if (metric == SizingMetric::LlmLatency) {
            Statement st(ws.handle(), "SELECT end_ns - start_ns FROM spans WHERE run_id = ? AND "
                                      "category = ? AND (flags & ?) = 0");
            st.bind(1, runId)
                .bind(2, static_cast<int>(Category::Llm))
                .bind(3, static_cast<int>(SpanUnfinished | SpanInnerLlm));
            while (st.step())
                items.push_back(static_cast<double>(st.int64(0)) / 1e9);
        }
        // What the run was set to beats what its overlap shows: a request's queueing makes
        // fewer requests overlap than the concurrency the load test asked for.
        std::optional<double> concurrency;
        {
            Statement st(ws.handle(), "SELECT value FROM run_metrics WHERE run_id = ? AND name = "
                                      "'nat.max_concurrency' AND value > 0");
            st.bind(1, runId);
            if (st.step()) concurrency = st.real(0);
        }
        const bool fromNat = concurrency.has_value();
        if (!concurrency) concurrency = sizing::inFlightPercentile(requests, 95);
        const auto p95 = stats::percentile(items, 95);
        if (!concurrency || !p95 || *concurrency <= 0) continue;
        measured.push_back({{*concurrency, *p95, std::move(items), false}, runId, fromNat});
    }
    std::stable_sort(measured.begin(), measured.end(), [](const Measured &a, const Measured &b) {
        return a.point.concurrency < b.point.concurrency;
    });
    for (Measured &m : measured) {
        s.points.push_back(std::move(m.point));
        s.runOfPoint.push_back(m.run);
        s.concurrencyFromNat.push_back(m.fromNat);
        s.natSinglePoint.emplace_back();
        s.natOutlier.push_back(false);
        s.natItemsOver.emplace_back();
    }
    return s;
}

DefaultBudget defaultBudget(const SizingSource &source) {
    if (source.natImpliedBudget) return {*source.natImpliedBudget, "nat"};
    if (source.points.empty()) return {};
    std::vector<double> p95s;
    for (const sizing::Point &p : source.points)
        p95s.push_back(p.p95);
    std::sort(p95s.begin(), p95s.end());
    return {p95s[p95s.size() / 2], "median of the points"};
}

std::optional<bool> agreesWithNat(const SizingSource &source, const sizing::Inputs &inputs,
                                  const sizing::Result &result) {
    const auto same = [](double a, double b) {
        return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b));
    };
    if (!source.natImpliedBudget || !same(inputs.budget, *source.natImpliedBudget) ||
        inputs.users != defaultSizingUsers || inputs.testGpus != defaultSizingGpus)
        return std::nullopt;
    if (source.natGpus.has_value() != result.gpus.has_value()) return false;
    if (result.gpus && !same(*result.gpus, *source.natGpus)) return false;
    for (std::size_t i = 0; i < result.singlePoint.size() && i < source.natSinglePoint.size();
         ++i) {
        const auto &ours = result.singlePoint[i], &nat = source.natSinglePoint[i];
        if (ours.has_value() != nat.has_value() || (ours && !same(*ours, *nat))) return false;
    }
    return true;
}

std::string concurrencyText(double c) {
    if (c == std::floor(c)) return std::to_string(static_cast<long long>(c));
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", c);
    return text;
}

} // namespace spanscope

#include "runsummary.h"

#include "stats.h"

#include <algorithm>

namespace spanscope {

namespace {
std::vector<double> seconds(const std::vector<std::int64_t> &ns) {
    std::vector<double> out;
    out.reserve(ns.size());
    for (const std::int64_t v : ns)
        out.push_back(static_cast<double>(v) / 1e9);
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

RunSummary summarize(const RunSummaryInput &in) {
    RunSummary s;
    s.requests = static_cast<std::int64_t>(in.requestDurationsNs.size());
    s.spansByCategory = in.spansByCategory;
    for (const auto &[category, n] : in.spansByCategory)
        s.spans += n;
    s.unfinishedSpans = in.unfinishedSpans;
    s.errorSpans = in.errorSpans;

    const std::vector<double> latency = seconds(in.requestDurationsNs);
    s.latencyP50 = stats::percentileSorted(latency, 50);
    s.latencyP95 = stats::percentileSorted(latency, 95);
    if (!latency.empty()) s.latencyMax = latency.back();

    const std::vector<double> llm = seconds(in.llmDurationsNs);
    s.llmCalls = static_cast<std::int64_t>(llm.size());
    s.llmP50 = stats::percentileSorted(llm, 50);
    s.llmP95 = stats::percentileSorted(llm, 95);
    s.inputTokens = in.inputTokens;
    s.outputTokens = in.outputTokens;
    s.models = in.models;
    s.modelTokens = in.modelTokens;

    std::map<std::string, EvaluatorSummary> evaluators;
    for (const auto &[name, scores] : in.evaluatorScores) {
        auto &e = evaluators[name];
        e.name = name;
        e.items = static_cast<std::int64_t>(scores.size());
        e.mean = stats::mean(scores);
    }
    for (const auto &[name, avg] : in.evaluatorReportedAverage) {
        auto &e = evaluators[name];
        e.name = name;
        e.reportedAverage = avg;
    }
    for (auto &[name, e] : evaluators)
        s.evaluators.push_back(std::move(e));

    for (const MetricValue &m : in.metrics) {
        if (m.name.rfind("forecast.", 0) == 0)
            s.forecasts.push_back(m);
        else if (m.name.rfind("sizing.", 0) == 0)
            s.sizingMetrics.push_back(m);
        else if (m.name.rfind("dynamo.", 0) == 0)
            s.dynamo.push_back(m);
        else if (m.name == "nat.max_concurrency" && m.value)
            s.natConcurrency = static_cast<int>(*m.value);
    }
    s.sizing = in.sizing;
    return s;
}

} // namespace spanscope

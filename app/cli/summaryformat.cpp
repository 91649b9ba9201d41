#include "summaryformat.h"

#include <QDateTime>
#include <QTimeZone>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace spanscope::summaryformat {

namespace {

std::string fixed(std::optional<double> v, int decimals = 3) {
    if (!v) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return buf;
}

std::string seconds(std::optional<double> v) {
    return v ? fixed(v, 3) + " s" : "-";
}

std::string grouped(std::int64_t n) {
    std::string s = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return n < 0 ? "-" + s : s;
}

std::string time(std::optional<std::int64_t> ns) {
    if (!ns) return "-";
    return QDateTime::fromMSecsSinceEpoch(*ns / 1'000'000, QTimeZone::utc())
        .toString(Qt::ISODateWithMs)
        .toStdString();
}

std::string categories(const RunSummary &s) {
    std::string out;
    for (const auto &[name, n] : s.spansByCategory) {
        if (!out.empty()) out += ", ";
        out += name + " " + grouped(n);
    }
    return out;
}

std::string joined(const std::vector<std::string> &v) {
    std::string out;
    for (const auto &s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "-" : out;
}

// "forecast.llm_latency.p95" -> {"llm_latency": [..p95..]}, in first-seen order.
std::vector<std::pair<std::string, std::vector<const MetricValue *>>>
forecastGroups(const std::vector<MetricValue> &forecasts) {
    std::vector<std::pair<std::string, std::vector<const MetricValue *>>> groups;
    for (const MetricValue &m : forecasts) {
        const std::string rest = m.name.substr(m.name.find('.') + 1);
        const std::string base = rest.substr(0, rest.rfind('.'));
        if (groups.empty() || groups.back().first != base) groups.push_back({base, {}});
        groups.back().second.push_back(&m);
    }
    return groups;
}

const MetricValue *find(const std::vector<const MetricValue *> &parts, const std::string &leaf) {
    for (const MetricValue *m : parts)
        if (m->name.size() > leaf.size() &&
            m->name.compare(m->name.size() - leaf.size() - 1, leaf.size() + 1, "." + leaf) == 0)
            return m;
    return nullptr;
}

nlohmann::json opt(std::optional<double> v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
}

} // namespace

std::string text(const RunInfo &run, const RunSummary &s) {
    std::ostringstream o;
    o << "Run " << run.id << ": " << run.label << " (" << run.kind << ")\n"
      << "Source:     " << run.sourcePath << "\n"
      << "Time:       " << time(run.startNs) << " .. " << time(run.endNs) << "\n";
    if (run.kind != "nat-sizing") {
        o << "Requests:   " << grouped(s.requests) << "\n"
          << "Spans:      " << grouped(s.spans) << " (" << categories(s) << "); "
          << grouped(s.unfinishedSpans) << " unfinished, " << grouped(s.errorSpans) << " errors\n"
          << "Latency:    p50 " << seconds(s.latencyP50) << ", p95 " << seconds(s.latencyP95)
          << ", max " << seconds(s.latencyMax) << "\n"
          << "LLM calls:  " << grouped(s.llmCalls) << ", p50 " << seconds(s.llmP50) << ", p95 "
          << seconds(s.llmP95) << "\n"
          << "Tokens:     in " << grouped(s.inputTokens) << ", out " << grouped(s.outputTokens)
          << "\n"
          << "Models:     " << joined(s.models) << "\n";
        // Cached and reasoning tokens are parts of the prompt and completion tokens.
        for (const ModelTokens &m : s.modelTokens) {
            o << "  " << m.model << ": " << grouped(m.calls) << " calls, in "
              << grouped(m.inputTokens) << " (cached " << grouped(m.cachedTokens);
            if (const auto hit = m.cacheHitRatio()) o << ", " << fixed(*hit * 100, 1) << "%";
            o << "), out " << grouped(m.outputTokens) << " (reasoning "
              << grouped(m.reasoningTokens) << ")\n";
        }
    }
    if (!s.evaluators.empty()) {
        o << "Evaluators: mean of item scores (items; average the evaluator reported)\n";
        for (const auto &e : s.evaluators) {
            char line[256];
            std::snprintf(line, sizeof line, "  %-24s %8s  (%lld items; reported %s)\n",
                          e.name.c_str(), fixed(e.mean, 4).c_str(), static_cast<long long>(e.items),
                          fixed(e.reportedAverage, 4).c_str());
            o << line;
        }
    }
    if (!s.forecasts.empty()) {
        o << "Forecasts:  the profiler's estimates, mean [95% interval] and percentiles\n";
        for (const auto &[base, parts] : forecastGroups(s.forecasts)) {
            o << "  " << base << ":";
            if (const MetricValue *m = find(parts, "mean")) {
                o << " mean " << fixed(m->value, 4);
                if (m->lower && m->upper)
                    o << " [" << fixed(m->lower, 4) << ", " << fixed(m->upper, 4) << "]";
            }
            for (const char *p : {"p90", "p95", "p99"})
                if (const MetricValue *m = find(parts, p))
                    o << ", " << p << " " << fixed(m->value, 4);
            if (!parts.empty()) o << " " << parts.front()->unit;
            if (const MetricValue *m = find(parts, "n")) o << " (n=" << fixed(m->value, 0) << ")";
            o << "\n";
        }
    }
    if (s.natConcurrency) o << "Concurrency: " << *s.natConcurrency << " (NAT's max_concurrency)\n";
    if (!s.dynamo.empty()) {
        o << "Dynamo:     the inference server's metrics, as NAT read them\n";
        for (const auto &m : s.dynamo)
            o << "  " << m.name.substr(7) << " = " << fixed(m.value, 4)
              << (m.unit.empty() ? "" : " ") << m.unit << "\n";
    }
    if (!s.sizing.empty()) {
        o << "Sizing:     p95 by concurrency (s)\n  concurrency  metric             p50        p95 "
             "    samples\n";
        for (const auto &p : s.sizing) {
            char line[256];
            std::snprintf(line, sizeof line, "  %11d  %-16s %9s  %9s  %6d\n", p.concurrency,
                          p.metric.c_str(), fixed(p.p50).c_str(), fixed(p.p95).c_str(), p.samples);
            o << line;
        }
        for (const auto &m : s.sizingMetrics)
            o << "  " << m.name.substr(7) << " = " << fixed(m.value, 4)
              << (m.unit.empty() ? "" : " ") << m.unit << "\n";
    }
    return o.str();
}

std::string json(const RunInfo &run, const RunSummary &s) {
    using nlohmann::json;
    json j = {
        {"run",
         {{"id", run.id},
          {"label", run.label},
          {"kind", run.kind},
          {"source", run.sourcePath},
          {"start_ns", run.startNs ? json(*run.startNs) : json()},
          {"end_ns", run.endNs ? json(*run.endNs) : json()}}},
        {"requests", s.requests},
        {"spans", s.spans},
        {"spans_by_category", s.spansByCategory},
        {"unfinished_spans", s.unfinishedSpans},
        {"error_spans", s.errorSpans},
        {"latency_s",
         {{"p50", opt(s.latencyP50)}, {"p95", opt(s.latencyP95)}, {"max", opt(s.latencyMax)}}},
        {"llm_calls", s.llmCalls},
        {"llm_latency_s", {{"p50", opt(s.llmP50)}, {"p95", opt(s.llmP95)}}},
        {"tokens", {{"input", s.inputTokens}, {"output", s.outputTokens}}},
        {"models", s.models}};
    json byModel = json::array();
    for (const ModelTokens &m : s.modelTokens)
        byModel.push_back({{"model", m.model},
                           {"calls", m.calls},
                           {"prompt_tokens", m.inputTokens},
                           {"completion_tokens", m.outputTokens},
                           {"cached_tokens", m.cachedTokens},
                           {"reasoning_tokens", m.reasoningTokens},
                           {"cache_hit_ratio", opt(m.cacheHitRatio())}});
    j["model_tokens"] = byModel;
    json evals = json::object();
    for (const auto &e : s.evaluators)
        evals[e.name] = {{"items", e.items},
                         {"mean", opt(e.mean)},
                         {"reported_average", opt(e.reportedAverage)}};
    j["evaluators"] = evals;
    json forecasts = json::object();
    for (const auto &m : s.forecasts)
        forecasts[m.name.substr(9)] = {{"value", opt(m.value)},
                                       {"lower", opt(m.lower)},
                                       {"upper", opt(m.upper)},
                                       {"unit", m.unit}};
    j["forecasts"] = forecasts;
    j["nat_concurrency"] = s.natConcurrency ? json(*s.natConcurrency) : json();
    json dynamo = json::object();
    for (const auto &m : s.dynamo)
        dynamo[m.name.substr(7)] = {{"value", opt(m.value)}, {"unit", m.unit}};
    j["dynamo"] = dynamo;
    json sizing = json::array();
    for (const auto &p : s.sizing)
        sizing.push_back({{"concurrency", p.concurrency},
                          {"metric", p.metric},
                          {"p50", opt(p.p50)},
                          {"p90", opt(p.p90)},
                          {"p95", opt(p.p95)},
                          {"mean", opt(p.mean)},
                          {"samples", p.samples}});
    j["sizing_points"] = sizing;
    json sizingMetrics = json::object();
    for (const auto &m : s.sizingMetrics)
        sizingMetrics[m.name.substr(7)] = opt(m.value);
    j["sizing"] = sizingMetrics;
    return j.dump(2) + "\n";
}

std::string markdown(const RunInfo &run, const RunSummary &s) {
    std::ostringstream o;
    o << "## Run " << run.id << ": " << run.label << " (" << run.kind << ")\n\n"
      << "| | |\n|---|---|\n"
      << "| Requests | " << grouped(s.requests) << " |\n"
      << "| Spans | " << grouped(s.spans) << " (" << categories(s) << ") |\n"
      << "| Unfinished / error spans | " << s.unfinishedSpans << " / " << s.errorSpans << " |\n"
      << "| Request latency p50 / p95 / max | " << seconds(s.latencyP50) << " / "
      << seconds(s.latencyP95) << " / " << seconds(s.latencyMax) << " |\n"
      << "| LLM calls (p95 latency) | " << grouped(s.llmCalls) << " (" << seconds(s.llmP95)
      << ") |\n"
      << "| Tokens in / out | " << grouped(s.inputTokens) << " / " << grouped(s.outputTokens)
      << " |\n";
    if (!s.evaluators.empty()) {
        o << "\n| Evaluator | Items | Mean | Reported |\n|---|---:|---:|---:|\n";
        for (const auto &e : s.evaluators)
            o << "| " << e.name << " | " << e.items << " | " << fixed(e.mean, 4) << " | "
              << fixed(e.reportedAverage, 4) << " |\n";
    }
    if (!s.forecasts.empty()) {
        o << "\n| Forecast | Value | 95% interval |\n|---|---:|---|\n";
        for (const auto &m : s.forecasts)
            o << "| " << m.name.substr(9) << " | " << fixed(m.value, 4) << " " << m.unit << " | "
              << (m.lower && m.upper ? fixed(m.lower, 4) + " .. " + fixed(m.upper, 4) : "-")
              << " |\n";
    }
    if (!s.sizing.empty()) {
        o << "\n| Concurrency | Metric | p50 (s) | p95 (s) | Samples "
             "|\n|---:|---|---:|---:|---:|\n";
        for (const auto &p : s.sizing)
            o << "| " << p.concurrency << " | " << p.metric << " | " << fixed(p.p50) << " | "
              << fixed(p.p95) << " | " << p.samples << " |\n";
    }
    return o.str();
}

} // namespace spanscope::summaryformat

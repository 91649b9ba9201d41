#include "natmetrics.h"

namespace spanscope::natmetrics {

namespace {

using json = nlohmann::json;

void add(std::vector<RunMetricRecord> &out, std::string name, std::optional<double> value,
         const std::string &unit, std::optional<double> lower = {},
         std::optional<double> upper = {}) {
    if (!value) return;
    RunMetricRecord m;
    m.name = std::move(name);
    m.value = value;
    m.lower = lower;
    m.upper = upper;
    m.unit = unit;
    out.push_back(std::move(m));
}

const json &child(const json &obj, const char *key) {
    static const json none;
    if (!obj.is_object()) return none;
    const auto it = obj.find(key);
    return it == obj.end() ? none : *it;
}

} // namespace

std::optional<double> number(const json &obj, const char *key) {
    const json &v = child(obj, key);
    return v.is_number() ? std::optional<double>(v.get<double>()) : std::nullopt;
}

void fromInferenceOptimization(const json &doc, std::vector<RunMetricRecord> &out) {
    struct Interval {
        const char *key;
        const char *name;
        const char *unit;
    };
    static const Interval intervals[] = {
        {"workflow_run_time_confidence_intervals", "workflow_runtime", "s"},
        {"llm_latency_confidence_intervals", "llm_latency", "s"},
        {"throughput_estimate_confidence_interval", "throughput", "req/s"}};
    const json &ci = child(doc, "confidence_intervals");
    for (const Interval &iv : intervals) {
        const json &c = child(ci, iv.key);
        if (!c.is_object()) continue;
        const std::string base = std::string("forecast.") + iv.name;
        std::optional<double> lo, hi;
        const json &b = child(c, "ninety_fifth_interval");
        if (b.is_array() && b.size() == 2 && b[0].is_number() && b[1].is_number()) {
            lo = b[0].get<double>();
            hi = b[1].get<double>();
        }
        add(out, base + ".mean", number(c, "mean"), iv.unit, lo, hi);
        add(out, base + ".n", number(c, "n"), "");
        for (const char *p : {"p90", "p95", "p99"})
            add(out, base + "." + p, number(c, p), iv.unit);
    }
    const json &runtimes = child(doc, "workflow_runtimes");
    for (const char *p : {"p90", "p95", "p99"})
        add(out, std::string("profiler.workflow_runtime.") + p, number(runtimes, p), "s");
    const json &uniq = child(doc, "token_uniqueness");
    if (uniq.is_object())
        for (const auto &[llm, v] : uniq.items())
            for (const char *p : {"p90", "p95", "p99"})
                add(out, "profiler.token_uniqueness." + llm + "." + p, number(v, p), "tokens");
    const json &prefixes = child(doc, "common_prefixes");
    if (prefixes.is_object() && !prefixes.empty()) {
        RunMetricRecord m;
        m.name = "profiler.common_prefixes";
        m.value = static_cast<double>(prefixes.size());
        m.json = prefixes.dump(-1, ' ', false, json::error_handler_t::replace);
        out.push_back(std::move(m));
    }
    fromDynamo(doc, out);
}

namespace {

// NAT's Dynamo collector (1.5+) writes what it read from the inference server's Prometheus:
// numbers, null where a query returned nothing, grouped in objects by some versions.
void addDynamo(const json &v, const std::string &name, std::vector<RunMetricRecord> &out,
               int depth) {
    if (v.is_object() && depth < 4) {
        for (const auto &[key, child] : v.items())
            addDynamo(child, name + "." + key, out, depth + 1);
    } else if (v.is_number()) {
        const auto endsWith = [&](const char *suffix) {
            const std::string s(suffix);
            return name.size() >= s.size() &&
                   name.compare(name.size() - s.size(), s.size(), s) == 0;
        };
        add(out, name, v.get<double>(),
            endsWith("_seconds")   ? "s"
            : endsWith("_percent") ? "%"
                                   : "");
    }
}

} // namespace

void fromDynamo(const json &doc, std::vector<RunMetricRecord> &out) {
    addDynamo(child(doc, "dynamo_metrics"), "dynamo", out, 0);
}

void fromProfilingMetrics(const json &doc, std::vector<RunMetricRecord> &out) {
    const json &nested = child(doc, "nested_stack_analysis");
    const json &conc = child(nested, "concurrency");
    for (const char *p : {"p50", "p90", "p95", "p99"})
        add(out, std::string("profiler.concurrency.") + p, number(conc, p), "calls");
    const json &spikes = child(doc, "concurrency_spike_analysis");
    for (const char *p :
         {"p50_concurrency", "p90_concurrency", "p95_concurrency", "p99_concurrency"})
        add(out, std::string("profiler.spikes.") + p, number(spikes, p), "calls");
    add(out, "profiler.spikes.threshold", number(spikes, "spike_threshold"), "calls");
    const json &intervals = child(spikes, "spike_intervals");
    if (intervals.is_array())
        add(out, "profiler.spikes.count", static_cast<double>(intervals.size()), "");
    const json &nodes = child(nested, "node_metrics");
    if (nodes.is_object()) add(out, "profiler.nodes.count", static_cast<double>(nodes.size()), "");
}

} // namespace spanscope::natmetrics

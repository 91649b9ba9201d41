#include "natoperations.h"

#include "stats.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace spanscope {

std::vector<NatOperation> natReportedOperations(const std::string &statsJson) {
    using json = nlohmann::json;
    const json stats = json::parse(statsJson, nullptr, false);
    std::vector<NatOperation> out;
    if (!stats.is_object()) return out;
    const auto number = [](const json &o, const char *key) -> std::optional<double> {
        const auto it = o.find(key);
        return it != o.end() && it->is_number() ? std::optional(it->get<double>()) : std::nullopt;
    };
    for (auto it = stats.begin(); it != stats.end(); ++it) {
        const json &s = *it;
        if (!s.is_object()) continue;
        NatOperation op;
        op.kind = s.value("operation_type", std::string());
        op.name = s.value("operation_name", std::string());
        if (op.kind.empty() && op.name.empty()) { // the key says it: "LLM:llama-3"
            const auto colon = it.key().find(':');
            op.kind = it.key().substr(0, colon);
            if (colon != std::string::npos) op.name = it.key().substr(colon + 1);
        }
        op.calls = static_cast<std::int64_t>(number(s, "usage_count").value_or(0));
        op.meanS = number(s, "avg_duration").value_or(0);
        op.p95S = number(s, "p95_duration").value_or(0);
        op.p99S = number(s, "p99_duration").value_or(0);
        if (const auto c = number(s, "max_concurrency")) op.maxConcurrency = static_cast<int>(*c);
        op.bottleneckScore = number(s, "bottleneck_score");
        out.push_back(std::move(op));
    }
    std::stable_sort(out.begin(), out.end(), [](const NatOperation &a, const NatOperation &b) {
        return a.bottleneckScore.value_or(0) > b.bottleneckScore.value_or(0);
    });
    return out;
}

std::vector<NatOperation> measuredOperations(const std::vector<NatCall> &calls) {
    std::map<std::pair<std::string, std::string>, std::vector<double>> durations;
    for (const NatCall &c : calls)
        if (c.ended && (c.kind == "LLM" || c.kind == "TOOL"))
            durations[{c.kind, c.name}].push_back(static_cast<double>(c.endNs - c.startNs) / 1e9);
    std::vector<NatOperation> out;
    for (auto &[key, d] : durations) {
        std::sort(d.begin(), d.end());
        NatOperation op;
        op.kind = key.first;
        op.name = key.second;
        op.calls = static_cast<std::int64_t>(d.size());
        op.meanS = stats::mean(d).value_or(0);
        op.p95S = stats::percentileSorted(d, 95).value_or(0);
        op.p99S = stats::percentileSorted(d, 99).value_or(0);
        out.push_back(std::move(op));
    }
    return out;
}

} // namespace spanscope

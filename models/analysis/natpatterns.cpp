#include "natpatterns.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace spanscope {

namespace {

// "LLM:llama-3|Hello" -> "LLM:llama-3": the call, without NAT's cut of its prompt.
std::string callOf(const std::string &token) {
    return token.substr(0, token.find('|'));
}

} // namespace

std::vector<NatPattern> natReportedPatterns(const std::string &text) {
    std::vector<NatPattern> out;
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    const nlohmann::json *patterns = &doc;
    if (doc.is_object()) {
        const auto it = doc.find("patterns");
        if (it == doc.end()) return out;
        patterns = &*it;
    }
    if (!patterns->is_array()) return out;
    for (const nlohmann::json &p : *patterns) {
        if (!p.is_object() || !p.contains("pattern") || !p["pattern"].is_array()) continue;
        NatPattern n;
        for (const nlohmann::json &c : p["pattern"])
            if (c.is_string()) n.calls.push_back(c.get<std::string>());
        if (n.calls.empty()) continue;
        const auto num = [&](const char *key) {
            const auto it = p.find(key);
            return it != p.end() && it->is_number() ? it->get<double>() : 0.0;
        };
        n.frequency = static_cast<std::int64_t>(num("frequency"));
        n.coverage = num("coverage");
        n.averageDurationS = num("average_duration");
        if (const auto it = p.find("examples_containing"); it != p.end() && it->is_array())
            n.requests = static_cast<std::int64_t>(it->size());
        out.push_back(std::move(n));
    }
    return out;
}

void measurePatterns(std::vector<NatPattern> &patterns, const std::vector<NatCall> &calls,
                     std::size_t requests) {
    std::map<std::int32_t, std::vector<const NatCall *>> byRequest;
    for (const NatCall &c : calls)
        if (c.kind == "LLM" || c.kind == "TOOL") byRequest[c.request].push_back(&c);
    for (auto &[request, list] : byRequest)
        std::stable_sort(list.begin(), list.end(), [](const NatCall *a, const NatCall *b) {
            return std::tie(a->startNs, a->order) < std::tie(b->startNs, b->order);
        });
    std::map<std::int32_t, std::vector<std::string>> sequences;
    for (const auto &[request, list] : byRequest)
        for (const NatCall *c : list)
            sequences[request].push_back(c->kind + ":" + c->name);
    requests = std::max(requests, sequences.size());
    if (requests == 0) return;
    for (NatPattern &p : patterns) {
        std::int64_t containing = 0;
        for (const auto &[request, seq] : sequences) {
            std::size_t next = 0;
            for (const std::string &call : seq)
                if (next < p.calls.size() && call == callOf(p.calls[next])) ++next;
            containing += next == p.calls.size();
        }
        p.measuredCoverage = static_cast<double>(containing) / static_cast<double>(requests);
    }
}

} // namespace spanscope

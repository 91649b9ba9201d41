#include "predictiontrie.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace spanscope {

namespace {

using json = nlohmann::json;

double mean(const json &prediction, const char *metric, std::int64_t *samples = nullptr) {
    const auto m = prediction.find(metric);
    if (m == prediction.end() || !m->is_object()) return 0;
    if (samples) {
        const auto n = m->find("sample_count");
        if (n != m->end() && n->is_number_integer()) *samples = n->get<std::int64_t>();
    }
    const auto v = m->find("mean");
    return v != m->end() && v->is_number() ? v->get<double>() : 0;
}

TriePrediction read(const json &p, const std::string &path, int index) {
    TriePrediction out;
    out.path = path;
    out.callIndex = index;
    out.remainingCalls = mean(p, "remaining_calls", &out.samples);
    out.interarrivalMs = mean(p, "interarrival_ms");
    out.outputTokens = mean(p, "output_tokens");
    const auto s = p.find("latency_sensitivity");
    if (s != p.end() && s->is_number_integer()) out.sensitivity = s->get<int>();
    return out;
}

} // namespace

std::optional<PredictionTrie> parsePredictionTrie(const std::string &text) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("root") || !doc["root"].is_object()) return std::nullopt;
    PredictionTrie trie;
    if (doc.contains("workflow_name") && doc["workflow_name"].is_string())
        trie.workflow = doc["workflow_name"].get<std::string>();
    // Depth first with an explicit stack: nlohmann parses and frees without recursion, and so
    // does this walk, so a trie as deep as a hostile file makes it costs no call stack.
    struct Item {
        const json *node;
        std::string path;
    };
    std::vector<Item> stack{{&doc["root"], std::string()}};
    while (!stack.empty()) {
        const Item it = stack.back();
        stack.pop_back();
        const json &node = *it.node;
        const std::string name = node.value("name", std::string("?"));
        const std::string path = it.path.empty() ? name : it.path + "/" + name;
        std::vector<std::pair<int, const json *>> byIndex;
        if (const auto p = node.find("predictions_by_call_index");
            p != node.end() && p->is_object())
            for (auto e = p->begin(); e != p->end(); ++e)
                if (e->is_object()) byIndex.push_back({std::atoi(e.key().c_str()), &*e});
        std::sort(byIndex.begin(), byIndex.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[index, p] : byIndex)
            trie.predictions.push_back(read(*p, path, index));
        if (const auto any = node.find("predictions_any_index");
            byIndex.empty() && any != node.end() && any->is_object())
            trie.predictions.push_back(read(*any, path, 0));
        if (const auto children = node.find("children");
            children != node.end() && children->is_object()) {
            std::vector<Item> kids;
            for (auto c = children->begin(); c != children->end(); ++c)
                if (c->is_object()) kids.push_back({&*c, path});
            for (auto k = kids.rbegin(); k != kids.rend(); ++k) // children in name order
                stack.push_back(*k);
        }
    }
    return trie;
}

} // namespace spanscope

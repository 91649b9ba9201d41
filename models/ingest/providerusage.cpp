#include "providerusage.h"

#include <vector>

namespace spanscope::providerusage {

namespace {

using json = nlohmann::json;

std::optional<std::int64_t> count(const json &obj, std::initializer_list<const char *> keys) {
    for (const char *k : keys) {
        const auto it = obj.find(k);
        if (it != obj.end() && it->is_number_integer() && it->get<std::int64_t>() >= 0)
            return it->get<std::int64_t>();
        if (it != obj.end() && it->is_number_float() && it->get<double>() >= 0)
            return static_cast<std::int64_t>(it->get<double>());
    }
    return std::nullopt;
}

std::optional<Usage> read(const json &u) {
    Usage out;
    out.input = count(u, {"prompt_tokens", "input_tokens", "prompt", "input", "promptTokenCount"});
    out.output = count(
        u, {"completion_tokens", "output_tokens", "completion", "output", "candidatesTokenCount"});
    out.total = count(u, {"total_tokens", "total", "totalTokenCount"});
    if (!out.input && !out.output && !out.total) return std::nullopt;
    if ((!out.total || *out.total == 0) && (out.input || out.output))
        out.total = out.input.value_or(0) + out.output.value_or(0);
    return out;
}

} // namespace

std::optional<Usage> find(const json &data) {
    // Breadth first, bounded: a payload may be deep, and the usage sits near its top.
    std::vector<const json *> level = {&data};
    for (int depth = 0; depth < 8 && !level.empty(); ++depth) {
        std::vector<const json *> next;
        for (const json *node : level) {
            if (node->is_object()) {
                for (const char *k : {"token_usage", "usage", "usage_info", "usageMetadata"}) {
                    const auto it = node->find(k);
                    if (it != node->end() && it->is_object())
                        if (auto u = read(*it)) return u;
                }
                for (const auto &[key, child] : node->items())
                    if (child.is_structured()) next.push_back(&child);
            } else if (node->is_array()) {
                for (const json &child : *node)
                    if (child.is_structured()) next.push_back(&child);
            }
        }
        level = std::move(next);
    }
    return std::nullopt;
}

} // namespace spanscope::providerusage

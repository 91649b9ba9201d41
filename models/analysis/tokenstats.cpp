#include "tokenstats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace spanscope {

std::int32_t Histogram::binOf(double v) const {
    if (edges.size() < 2 || v < edges.front() || v > edges.back()) return -1;
    const auto it = std::upper_bound(edges.begin(), edges.end(), v);
    const auto k = static_cast<std::int32_t>(it - edges.begin()) - 1;
    return std::min<std::int32_t>(k, static_cast<std::int32_t>(counts.size()) - 1);
}

Histogram histogram(const std::vector<double> &values, int bins) {
    Histogram h;
    if (values.empty() || bins < 1) return h;
    const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    double minPositive = 0;
    for (const double v : values)
        if (v > 0 && (minPositive == 0 || v < minPositive)) minPositive = v;
    h.logScale = minPositive > 0 && *mx / minPositive > 100.0;
    if (h.logScale) {
        const double a = std::log10(minPositive), b = std::log10(*mx);
        if (*mn <= 0) h.edges.push_back(std::min(0.0, *mn));
        for (int k = 0; k <= bins; ++k)
            h.edges.push_back(std::pow(10.0, a + (b - a) * k / bins));
        h.edges[h.edges.size() - bins - 1] = minPositive; // exact ends despite pow's rounding
        h.edges.back() = *mx;
    } else {
        const double lo = *mn, hi = *mx > *mn ? *mx : *mn + 1;
        for (int k = 0; k <= bins; ++k)
            h.edges.push_back(lo + (hi - lo) * k / bins);
        h.edges.back() = hi;
    }
    h.counts.assign(h.edges.size() - 1, 0);
    for (const double v : values)
        if (const std::int32_t k = h.binOf(v); k >= 0) ++h.counts[static_cast<std::size_t>(k)];
    return h;
}

std::vector<PositionTokens> tokensByPosition(const std::vector<LlmCallSample> &calls) {
    std::map<std::int32_t, std::vector<const LlmCallSample *>> byTrace;
    for (const LlmCallSample &c : calls)
        byTrace[c.trace].push_back(&c);
    std::vector<PositionTokens> out;
    std::vector<std::int64_t> inputs, outputs; // per position: calls with a count
    for (auto &[trace, list] : byTrace) {
        std::stable_sort(list.begin(), list.end(),
                         [](const auto *a, const auto *b) { return a->startNs < b->startNs; });
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (out.size() <= k) {
                out.push_back({static_cast<std::int32_t>(k + 1), 0, 0, 0});
                inputs.push_back(0);
                outputs.push_back(0);
            }
            ++out[k].calls;
            if (list[k]->inputTokens >= 0) {
                out[k].meanInput += static_cast<double>(list[k]->inputTokens);
                ++inputs[k];
            }
            if (list[k]->outputTokens >= 0) {
                out[k].meanOutput += static_cast<double>(list[k]->outputTokens);
                ++outputs[k];
            }
        }
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        out[k].meanInput = inputs[k] ? out[k].meanInput / static_cast<double>(inputs[k]) : 0;
        out[k].meanOutput = outputs[k] ? out[k].meanOutput / static_cast<double>(outputs[k]) : 0;
    }
    return out;
}

std::vector<MinuteTokens> tokensPerMinute(const std::vector<LlmCallSample> &calls) {
    if (calls.empty()) return {};
    std::int64_t t0 = calls.front().startNs;
    for (const LlmCallSample &c : calls)
        t0 = std::min(t0, c.startNs);
    std::map<std::int64_t, MinuteTokens> by;
    for (const LlmCallSample &c : calls) {
        const std::int64_t m = (c.startNs - t0) / 60'000'000'000;
        MinuteTokens &b = by[m];
        b.minute = m;
        ++b.calls;
        b.inputTokens += std::max<std::int64_t>(0, c.inputTokens);
        b.outputTokens += std::max<std::int64_t>(0, c.outputTokens);
    }
    std::vector<MinuteTokens> out;
    const std::int64_t last = by.rbegin()->first;
    if (last > 100'000) { // weeks of data: only the minutes with calls
        for (auto &[m, b] : by)
            out.push_back(b);
        return out;
    }
    for (std::int64_t m = 0; m <= last; ++m) { // quiet minutes are part of the picture
        const auto it = by.find(m);
        out.push_back(it == by.end() ? MinuteTokens{m, 0, 0, 0} : it->second);
    }
    return out;
}

namespace {

TokenHistogram tokenHistogram(const std::vector<LlmCallSample> &calls, bool prompt) {
    TokenHistogram h;
    std::vector<double> all;
    for (const LlmCallSample &c : calls)
        if (const std::int64_t v = prompt ? c.inputTokens : c.outputTokens; v >= 0)
            all.push_back(static_cast<double>(v));
    if (all.empty()) return h;
    h.bins = histogram(all, 20);
    std::map<std::string, std::vector<std::int64_t>> counts;
    for (const LlmCallSample &c : calls) {
        const std::int64_t v = prompt ? c.inputTokens : c.outputTokens;
        if (v < 0) continue;
        auto &bins = counts[c.model];
        if (bins.empty()) bins.assign(h.bins.counts.size(), 0);
        if (const std::int32_t b = h.bins.binOf(static_cast<double>(v)); b >= 0)
            ++bins[static_cast<std::size_t>(b)];
    }
    h.byModel.assign(counts.begin(), counts.end());
    return h;
}

} // namespace

TokenCharts tokenCharts(const std::vector<LlmCallSample> &calls) {
    TokenCharts t;
    t.prompt = tokenHistogram(calls, true);
    t.completion = tokenHistogram(calls, false);
    std::vector<double> seconds;
    std::set<std::string> models;
    std::map<std::string, ModelTokens> byModel;
    for (const LlmCallSample &c : calls) {
        seconds.push_back(static_cast<double>(c.endNs - c.startNs) / 1e9);
        models.insert(c.model);
        t.inputTokens += std::max<std::int64_t>(0, c.inputTokens);
        t.outputTokens += std::max<std::int64_t>(0, c.outputTokens);
        const bool counted = c.inputTokens >= 0 || c.outputTokens >= 0;
        t.callsWithCounts += counted;
        if (!counted) continue;
        ModelTokens &m = byModel[c.model];
        ++m.calls;
        m.inputTokens += std::max<std::int64_t>(0, c.inputTokens);
        m.outputTokens += std::max<std::int64_t>(0, c.outputTokens);
        m.cachedTokens += c.cachedTokens;
        m.reasoningTokens += c.reasoningTokens;
    }
    t.models = models.size();
    for (auto &[model, m] : byModel) {
        m.model = model;
        t.byModel.push_back(m);
    }
    t.latencySeconds = histogram(seconds, 20);
    t.positions = tokensByPosition(calls);
    t.minutes = tokensPerMinute(calls);
    return t;
}

} // namespace spanscope

#include "triemeasure.h"

#include "criticalpath.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace spanscope {

namespace {

struct Sums {
    std::int64_t calls = 0;
    double durationNs = 0, onPathNs = 0, latencyShare = 0;
};

} // namespace

void measurePredictionTrie(PredictionTrie &trie, const TimelineSpans &spans,
                           const SpanChildren &children,
                           const std::vector<std::pair<std::int32_t, std::int32_t>> &ranges,
                           const std::vector<TrieCall> &calls) {
    std::map<std::int32_t, std::vector<const TrieCall *>> byTrace;
    for (const TrieCall &c : calls)
        if (c.span >= 0 && static_cast<std::size_t>(c.span) < spans.size())
            byTrace[spans.trace[static_cast<std::size_t>(c.span)]].push_back(&c);
    std::map<std::pair<std::string, int>, Sums> sums; // (path, call index; 0 = any)
    for (auto &[trace, list] : byTrace) {
        if (trace < 0 || static_cast<std::size_t>(trace) >= ranges.size()) continue;
        const auto [first, last] = ranges[static_cast<std::size_t>(trace)];
        const CriticalPath cp = criticalPath(spans, children, first, last);
        std::unordered_map<std::int32_t, std::int64_t> onPath;
        for (const CriticalSpan &s : cp.spans)
            onPath[s.span] += s.onPathNs;
        // NAT numbers a function's calls in the order they ended.
        std::stable_sort(list.begin(), list.end(), [&](const TrieCall *a, const TrieCall *b) {
            return spans.end[static_cast<std::size_t>(a->span)] <
                   spans.end[static_cast<std::size_t>(b->span)];
        });
        std::map<std::string, int> index;
        for (const TrieCall *c : list) {
            const auto u = static_cast<std::size_t>(c->span);
            const double duration = static_cast<double>(spans.end[u] - spans.start[u]);
            const int callIndex = ++index[c->functionId];
            std::vector<std::string> paths = {"root"};
            if (!c->parentName.empty()) paths.push_back(paths.back() + "/" + c->parentName);
            paths.push_back(paths.back() + "/" + c->functionName);
            for (const std::string &p : paths)
                for (const int k : {callIndex, 0}) {
                    Sums &s = sums[{p, k}];
                    ++s.calls;
                    s.durationNs += duration;
                    const auto it = onPath.find(c->span);
                    s.onPathNs += it == onPath.end() ? 0.0 : static_cast<double>(it->second);
                    s.latencyShare +=
                        cp.latencyNs > 0
                            ? std::min(duration / static_cast<double>(cp.latencyNs), 1.0)
                            : 1.0;
                }
        }
    }
    for (TriePrediction &p : trie.predictions) {
        const auto it = sums.find({p.path, p.callIndex});
        if (it == sums.end()) continue;
        const Sums &s = it->second;
        p.measuredCalls = s.calls;
        if (s.durationNs > 0) p.onCriticalPath = s.onPathNs / s.durationNs;
        p.latencyShare = s.latencyShare / static_cast<double>(s.calls);
    }
}

} // namespace spanscope

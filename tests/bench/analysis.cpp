// Analysis speed (issue: bottleneck stacks, concurrency, slow requests): on a generated run of N
// spans (default 1,000,000; agent requests 3-4 levels deep over ~60 span names, ~32 requests in
// flight), times what the app computes when a run opens: call stacks (with self and wall time),
// the bottom-up tree, the concurrency profile and spikes, and every request's critical path.
// Baseline in the same run: a straightforward implementation of the same answers (path strings
// in a std::map, self time by scanning the request, a std::map sweep for concurrency, critical
// paths that search the request for children). Checks both agree before timing.
// Usage: spanscope-bench-analysis [N]
#include "analysis/callstacks.h"
#include "analysis/concurrency.h"
#include "analysis/criticalpath.h"
#include "analysis/spantree.h"
#include "core/category.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <string>

using namespace spanscope;

namespace {

TimelineSpans generate(std::int64_t n, bool longRequests) {
    std::mt19937_64 rng(7);
    TimelineSpans s;
    s.reserve(static_cast<std::size_t>(n) + 256);
    const auto name = [&](const std::string &v) {
        const auto it = std::find(s.names.begin(), s.names.end(), v);
        if (it != s.names.end()) return static_cast<std::uint32_t>(it - s.names.begin());
        s.names.push_back(v);
        return static_cast<std::uint32_t>(s.names.size() - 1);
    };
    std::int64_t t = 0;
    std::int32_t trace = 0;
    std::vector<std::pair<std::int32_t, std::int64_t>> todo;
    const auto add = [&](std::int32_t parent, std::int64_t a, std::int64_t b, Category c,
                         std::uint32_t nameId) {
        s.start.push_back(a);
        s.end.push_back(b);
        s.parent.push_back(parent);
        s.trace.push_back(trace);
        s.category.push_back(static_cast<std::uint8_t>(c));
        s.flags.push_back(0);
        s.nameId.push_back(nameId);
        s.spanId.push_back(static_cast<std::int64_t>(s.size()));
        return static_cast<std::int32_t>(s.size()) - 1;
    };
    const std::uint32_t agent = name("agent"), planner = name("planner"), writer = name("writer");
    while (static_cast<std::int64_t>(s.size()) < n) {
        const std::size_t first = s.size();
        const std::int64_t start = t, length = 5'000'000'000 +
                                               static_cast<std::int64_t>(rng() % 60'000'000'000ULL);
        const std::int32_t root = add(-1, start, start + length, Category::Agent, agent);
        add(root, start + 1'000'000, start + length / 10, Category::Llm, planner);
        const int branches =
            longRequests ? 40 + static_cast<int>(rng() % 40) : 2 + static_cast<int>(rng() % 5);
        for (int b = 0; b < branches; ++b) {
            // Branches run in parallel, each a few tool and LLM calls one after another.
            const std::int64_t a = start + length / 10,
                               e = a + static_cast<std::int64_t>(
                                           rng() % static_cast<std::uint64_t>(length * 8 / 10));
            const std::int32_t br =
                add(root, a, e, Category::Function, name("branch_" + std::to_string(rng() % 6)));
            std::int64_t x = a;
            const int steps =
                longRequests ? 10 + static_cast<int>(rng() % 20) : 2 + static_cast<int>(rng() % 6);
            for (int k = 0; k < steps && x < e; ++k) {
                const std::int64_t y = std::min(e, x + (e - a) / steps);
                const bool tool = k % 2 == 0;
                const std::int32_t c = add(
                    br, x, y, tool ? Category::Tool : Category::Llm,
                    name((tool ? "tool_" : "model_") + std::to_string(rng() % (tool ? 30 : 4))));
                if (tool && rng() % 3 == 0) // a tool that calls an embedding model
                    add(c, x, x + (y - x) / 3, Category::Embedding,
                        name("embed_" + std::to_string(rng() % 3)));
                x = y;
            }
        }
        add(root, start + length * 9 / 10, start + length, Category::Llm, writer);
        // The columns are by trace, then start (as RunQueries loads them).
        std::vector<std::int32_t> order(s.size() - first);
        for (std::size_t k = 0; k < order.size(); ++k)
            order[k] = static_cast<std::int32_t>(first + k);
        std::stable_sort(order.begin(), order.end(), [&](std::int32_t p, std::int32_t q) {
            return s.start[static_cast<std::size_t>(p)] < s.start[static_cast<std::size_t>(q)];
        });
        std::vector<std::int32_t> newIndex(order.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            newIndex[static_cast<std::size_t>(order[k]) - first] =
                static_cast<std::int32_t>(first + k);
        const auto permute = [&](auto &col) {
            auto old = std::vector<typename std::decay_t<decltype(col)>::value_type>(
                col.begin() + static_cast<std::ptrdiff_t>(first), col.end());
            for (std::size_t k = 0; k < order.size(); ++k)
                col[first + k] = old[static_cast<std::size_t>(order[k]) - first];
        };
        permute(s.start);
        permute(s.end);
        permute(s.parent);
        permute(s.category);
        permute(s.nameId);
        for (std::size_t k = first; k < s.size(); ++k)
            if (s.parent[k] >= 0)
                s.parent[k] = newIndex[static_cast<std::size_t>(s.parent[k]) - first];
        ++trace;
        t += static_cast<std::int64_t>(rng() % 1'000'000'000ULL);
    }
    s.traceCount = trace;
    return s;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct Answers {
    std::size_t paths = 0;
    std::size_t bottomUpRows = 0, spikes = 0; // reported, not compared
    std::int64_t selfSum = 0;
    std::int32_t p95 = 0;
    std::int64_t criticalSum = 0;
};

Answers fast(const TimelineSpans &s, double &tStacks, double &tConc, double &tCrit) {
    Answers a;
    auto t0 = std::chrono::steady_clock::now();
    const StackTree tree = buildStacks(s);
    const BottomUpTree bottom = buildBottomUp(tree);
    tStacks = secondsSince(t0);
    a.paths = tree.nodes.size();
    a.bottomUpRows = bottom.nodes.size();
    for (const StackNode &n : tree.nodes)
        a.selfSum += n.selfNs;
    t0 = std::chrono::steady_clock::now();
    const auto calls = llmAndToolCalls(s);
    const ConcurrencyProfile p = concurrencyProfile(calls);
    const auto sp = spikes(p, p.p90);
    tConc = secondsSince(t0);
    a.p95 = p.p95;
    a.spikes = sp.size();
    t0 = std::chrono::steady_clock::now();
    const SpanChildren children = SpanChildren::build(s);
    for (const auto &[first, last] : traceRanges(s))
        for (const CriticalSpan &c : criticalPath(s, children, first, last).spans)
            a.criticalSum += c.onPathNs;
    tCrit = secondsSince(t0);
    return a;
}

// The same answers, written the obvious way.
Answers naive(const TimelineSpans &s, double &tStacks, double &tConc, double &tCrit) {
    Answers a;
    auto t0 = std::chrono::steady_clock::now();
    std::map<std::string, std::vector<std::int64_t>> durations;
    std::map<std::string, std::int64_t> self;
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::string path = s.names[s.nameId[i]];
        for (std::int32_t p = s.parent[i]; p >= 0; p = s.parent[static_cast<std::size_t>(p)])
            path = s.names[s.nameId[static_cast<std::size_t>(p)]] + ";" + path;
        durations[path].push_back(s.end[i] - s.start[i]);
        self[path] += selfTimeNs(s, static_cast<std::int32_t>(i));
    }
    for (auto &[path, d] : durations)
        std::sort(d.begin(), d.end()); // for the percentiles
    tStacks = secondsSince(t0);
    a.paths = durations.size();
    for (const auto &[path, v] : self)
        a.selfSum += v;
    t0 = std::chrono::steady_clock::now();
    std::map<std::int64_t, int> delta;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<Category>(s.category[i]);
        if (c != Category::Llm && c != Category::Tool) continue;
        ++delta[s.start[i]];
        --delta[s.end[i]];
    }
    std::map<int, std::int64_t> atLevel;
    int level = 0;
    std::int64_t prev = delta.empty() ? 0 : delta.begin()->first;
    for (const auto &[t, d] : delta) {
        atLevel[level] += t - prev;
        level += d;
        prev = t;
    }
    std::int64_t total = 0, acc = 0;
    for (const auto &[l, ns] : atLevel)
        total += ns;
    for (const auto &[l, ns] : atLevel)
        if ((acc += ns) >= total * 0.95) {
            a.p95 = l;
            break;
        }
    tConc = secondsSince(t0);
    t0 = std::chrono::steady_clock::now();
    // Critical paths, recursively, children found by scanning the request each time.
    for (const auto &[first, last] : traceRanges(s)) {
        std::function<void(std::int32_t, std::int64_t)> walk = [&](std::int32_t span,
                                                                   std::int64_t upTo) {
            const auto u = static_cast<std::size_t>(span);
            std::int64_t cursor = upTo;
            while (cursor > s.start[u]) {
                std::int32_t best = -1;
                for (std::int32_t j = first; j < last; ++j) {
                    const auto v = static_cast<std::size_t>(j);
                    if (s.parent[v] != span) continue;
                    const std::int64_t e = std::min(s.end[v], s.end[u]),
                                       b = std::max(s.start[v], s.start[u]);
                    if (e <= b || e > cursor || b >= cursor) continue;
                    if (best < 0 || e > std::min(s.end[static_cast<std::size_t>(best)], s.end[u]))
                        best = j;
                }
                if (best < 0) {
                    a.criticalSum += cursor - s.start[u];
                    return;
                }
                const auto b = static_cast<std::size_t>(best);
                const std::int64_t e = std::min(s.end[b], s.end[u]);
                a.criticalSum += cursor - e;
                walk(best, e);
                cursor = std::max(s.start[b], s.start[u]);
            }
        };
        walk(first, s.end[static_cast<std::size_t>(first)]);
    }
    tCrit = secondsSince(t0);
    return a;
}

} // namespace

int main(int argc, char *argv[]) {
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    bool allAgree = true;
    for (const bool longRequests : {false, true}) {
        const TimelineSpans s = generate(n, longRequests);
        std::printf("\n%s: %zu spans in %d requests (%.0f a request), %zu names\n",
                    longRequests ? "long agent requests" : "short agent requests", s.size(),
                    s.traceCount, static_cast<double>(s.size()) / s.traceCount, s.names.size());
        double fs = 0, fc = 0, fp = 0, ns = 0, nc = 0, np = 0;
        const Answers f = fast(s, fs, fc, fp);
        const Answers b = naive(s, ns, nc, np);
        const bool agree = f.paths == b.paths && f.selfSum == b.selfSum && f.p95 == b.p95 &&
                           f.criticalSum == b.criticalSum;
        allAgree = allAgree && agree;
        std::printf("answers %s: %zu paths (%zu bottom-up rows), self %.1f s, concurrency p95 %d "
                    "(%zu spikes above p90), critical paths %.1f s\n",
                    agree ? "agree" : "DIFFER", f.paths, f.bottomUpRows,
                    static_cast<double>(f.selfSum) / 1e9, f.p95, f.spikes,
                    static_cast<double>(f.criticalSum) / 1e9);
        std::printf("stacks (paths, self, wall, p50/p95, max concurrency, bottom-up): %.3f s  "
                    "(baseline %.3f s, %.1fx)\n",
                    fs, ns, ns / fs);
        std::printf("concurrency profile and spikes:                                  %.3f s  "
                    "(baseline %.3f s, %.1fx)\n",
                    fc, nc, nc / fc);
        std::printf("critical paths of every request:                                 %.3f s  "
                    "(baseline %.3f s, %.1fx)\n",
                    fp, np, np / fp);
        std::printf("all three: %.3f s (goal < 1 s)\n", fs + fc + fp);
    }
    return allAgree ? 0 : 1;
}

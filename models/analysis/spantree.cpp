#include "spantree.h"

#include <algorithm>

namespace spanscope {

SpanChildren SpanChildren::build(const TimelineSpans &s) {
    SpanChildren c;
    const std::size_t n = s.size();
    c.offset.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (s.parent[i] >= 0) ++c.offset[static_cast<std::size_t>(s.parent[i]) + 1];
    for (std::size_t i = 1; i <= n; ++i)
        c.offset[i] += c.offset[i - 1];
    c.child.resize(static_cast<std::size_t>(c.offset[n]));
    std::vector<std::int32_t> fill(c.offset.begin(), c.offset.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        if (s.parent[i] >= 0)
            c.child[static_cast<std::size_t>(fill[static_cast<std::size_t>(s.parent[i])]++)] =
                static_cast<std::int32_t>(i);
    return c;
}

std::vector<std::int64_t> selfTimes(const TimelineSpans &s, const SpanChildren &children) {
    std::vector<std::int64_t> self(s.size());
    std::vector<std::pair<std::int64_t, std::int64_t>> kids;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::int64_t a = s.start[i], b = std::max(s.end[i], s.start[i]);
        const auto span = static_cast<std::int32_t>(i);
        kids.clear();
        for (const std::int32_t *k = children.begin(span); k != children.end(span); ++k) {
            const auto j = static_cast<std::size_t>(*k);
            kids.push_back({std::clamp(s.start[j], a, b), std::clamp(s.end[j], a, b)});
        }
        const std::int64_t covered = unionLength(kids);
        self[i] = (b - a) - covered;
    }
    return self;
}

std::vector<std::pair<std::int32_t, std::int32_t>> traceRanges(const TimelineSpans &s) {
    std::vector<std::pair<std::int32_t, std::int32_t>> r;
    const auto n = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < n;) {
        std::int32_t j = i + 1;
        while (j < n &&
               s.trace[static_cast<std::size_t>(j)] == s.trace[static_cast<std::size_t>(i)])
            ++j;
        r.push_back({i, j});
        i = j;
    }
    return r;
}

std::vector<double> wallShares(const TimelineSpans &s) {
    // A sweep per trace. `acc` is the time each innermost span has earned so far (the integral
    // of dt / k with k innermost spans running); a span's share is acc at its leaving the
    // innermost set less acc at its joining it, summed over each stay.
    std::vector<double> share(s.size(), 0.0);
    std::vector<std::int32_t> runningKids(s.size(), 0);
    std::vector<double> joined(s.size(), 0.0);
    std::vector<char> running(s.size(), 0);
    struct Ev {
        std::int64_t t;
        std::int32_t span;
        bool start;
    };
    std::vector<Ev> ev;
    for (const auto &[first, last] : traceRanges(s)) {
        ev.clear();
        for (std::int32_t i = first; i < last; ++i) {
            const auto u = static_cast<std::size_t>(i);
            if (s.end[u] <= s.start[u]) continue; // holds no time
            ev.push_back({s.start[u], i, true});
            ev.push_back({s.end[u], i, false});
        }
        std::sort(ev.begin(), ev.end(), [](const Ev &x, const Ev &y) { return x.t < y.t; });
        double acc = 0;
        std::int64_t inner = 0, prev = ev.empty() ? 0 : ev.front().t;
        const auto join = [&](std::int32_t i) {
            joined[static_cast<std::size_t>(i)] = acc;
            ++inner;
        };
        const auto leave = [&](std::int32_t i) {
            share[static_cast<std::size_t>(i)] += acc - joined[static_cast<std::size_t>(i)];
            --inner;
        };
        const auto isInner = [&](std::int32_t i) {
            const auto u = static_cast<std::size_t>(i);
            return running[u] && runningKids[u] == 0;
        };
        for (std::size_t k = 0; k < ev.size(); ++k) {
            const Ev &e = ev[k];
            if (e.t > prev && inner > 0) acc += static_cast<double>(e.t - prev) / inner;
            prev = e.t;
            const auto u = static_cast<std::size_t>(e.span);
            const std::int32_t p = s.parent[u];
            // The parent leaves the innermost set when its first child starts, and joins it
            // again when its last running child ends.
            if (e.start) {
                if (p >= 0 && p >= first && p < last) {
                    if (isInner(p)) leave(p);
                    ++runningKids[static_cast<std::size_t>(p)];
                }
                running[u] = 1;
                if (isInner(e.span)) join(e.span);
            } else {
                if (isInner(e.span)) leave(e.span);
                running[u] = 0;
                if (p >= 0 && p >= first && p < last) {
                    --runningKids[static_cast<std::size_t>(p)];
                    if (isInner(p)) join(p);
                }
            }
        }
    }
    return share;
}

} // namespace spanscope

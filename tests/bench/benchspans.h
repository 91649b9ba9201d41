#pragma once

// Generated span columns for the timeline benchmarks: agent requests of 9-32 nested calls
// (a root and calls of 1 ms-4 s inside it), about 32 requests in flight, deterministic.
#include "analysis/timelineframe.h"
#include "analysis/timelinelayout.h"

#include <algorithm>
#include <random>

namespace spanscope::bench {

inline TimelineSpans generate(std::int64_t n) {
    std::mt19937_64 rng(1);
    TimelineSpans s;
    s.reserve(static_cast<std::size_t>(n) + 64); // a request may overshoot n
    s.names = {"agent", "llm", "tool"};
    std::int64_t t = 0;
    std::int32_t trace = 0;
    while (static_cast<std::int64_t>(s.size()) < n) {
        const std::int64_t start = t;
        const auto root = static_cast<std::int32_t>(s.size());
        const int calls = 8 + static_cast<int>(rng() % 24);
        const std::int64_t length =
            2'000'000'000 + static_cast<std::int64_t>(rng() % 30'000'000'000ULL);
        const auto add = [&](std::int32_t parent, std::int64_t a, std::int64_t b,
                             std::uint8_t cat) {
            s.start.push_back(a);
            s.end.push_back(b);
            s.parent.push_back(parent);
            s.trace.push_back(trace);
            s.category.push_back(cat);
            s.flags.push_back(0);
            s.nameId.push_back(cat);
            s.spanId.push_back(static_cast<std::int64_t>(s.size()));
        };
        add(-1, start, start + length, 0);
        for (int k = 0; k < calls; ++k) {
            const std::int64_t a =
                start + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(length));
            const std::int64_t b =
                std::min(start + length,
                         a + 1'000'000 + static_cast<std::int64_t>(rng() % 4'000'000'000ULL));
            add(root, a, b, static_cast<std::uint8_t>(1 + k % 2));
        }
        ++trace;
        t += static_cast<std::int64_t>(rng() % 400'000'000); // 32-ish requests in flight
    }
    s.traceCount = trace;
    return s;
}

// The benchmarks' baseline walk: every span of the visible lanes looked at, no binary search,
// no folding; `f(lane, span index, x0, x1)` with x in pixels from the viewport's left edge.
template <typename F>
void forEachSpanNaively(const TimelineSpans &s, const TimelineLayout &l, const TimelineViewport &v,
                        F &&f) {
    const auto first = static_cast<std::int32_t>(v.firstLane);
    const std::int32_t last = std::min(l.laneCount(), first + v.heightPx / v.laneHeightPx + 1);
    for (std::int32_t lane = first; lane < last; ++lane)
        for (const std::int32_t *it = l.laneBegin(lane); it != l.laneEnd(lane); ++it) {
            const auto i = static_cast<std::size_t>(*it);
            if (s.end[i] < v.t0 || s.start[i] > v.t1()) continue;
            f(lane - first, i, static_cast<double>(s.start[i] - v.t0) / v.nsPerPixel,
              static_cast<double>(s.end[i] - v.t0) / v.nsPerPixel);
        }
}

} // namespace spanscope::bench

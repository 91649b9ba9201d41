#pragma once

// Generated span columns for the timeline benchmarks: agent requests of 9-32 nested calls
// (a root and calls of 1 ms-4 s inside it), about 32 requests in flight, deterministic.
#include "analysis/timelinespans.h"

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

} // namespace spanscope::bench

#include "timelinespans.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace spanscope {

void TimelineSpans::reserve(std::size_t n) {
    start.reserve(n);
    end.reserve(n);
    parent.reserve(n);
    trace.reserve(n);
    category.reserve(n);
    flags.reserve(n);
    nameId.reserve(n);
    spanId.reserve(n);
}

void TimelineSpans::clear() {
    *this = TimelineSpans();
}

std::size_t TimelineSpans::bytes() const {
    std::size_t b = start.capacity() * 8 + end.capacity() * 8 + parent.capacity() * 4 +
                    trace.capacity() * 4 + category.capacity() + flags.capacity() +
                    nameId.capacity() * 4 + spanId.capacity() * 8;
    for (const std::string &n : names)
        b += sizeof(std::string) + n.capacity();
    return b;
}

std::pair<std::int64_t, std::int64_t> timeRange(const TimelineSpans &s) {
    if (s.size() == 0) return {0, 0};
    return {*std::min_element(s.start.begin(), s.start.end()),
            *std::max_element(s.end.begin(), s.end.end())};
}

std::int64_t unionLength(std::vector<std::pair<std::int64_t, std::int64_t>> &intervals) {
    if (!std::is_sorted(intervals.begin(), intervals.end()))
        std::sort(intervals.begin(), intervals.end());
    std::int64_t covered = 0, reach = intervals.empty() ? 0 : intervals.front().first;
    for (const auto &[x, y] : intervals) {
        const std::int64_t from = std::max(x, reach);
        if (y > from) {
            covered += y - from;
            reach = y;
        }
    }
    return covered;
}

std::int64_t selfTimeNs(const TimelineSpans &s, std::int32_t span) {
    const auto i = static_cast<std::size_t>(span);
    const std::int64_t a = s.start[i], b = s.end[i];
    std::vector<std::pair<std::int64_t, std::int64_t>> kids;
    const auto consider = [&](std::size_t j) {
        if (s.parent[j] == span)
            kids.push_back({std::clamp(s.start[j], a, b), std::clamp(s.end[j], a, b)});
    };
    for (std::size_t j = i; j-- > 0 && s.trace[j] == s.trace[i];)
        consider(j);
    for (std::size_t j = i + 1; j < s.size() && s.trace[j] == s.trace[i]; ++j)
        consider(j);
    const std::int64_t covered = unionLength(kids);
    return (b - a) - covered;
}

std::string formatDuration(std::int64_t ns) {
    char buf[48];
    const double v = static_cast<double>(ns);
    const std::int64_t m = ns < 0 ? -ns : ns;
    if (m < 1'000)
        std::snprintf(buf, sizeof buf, "%lld ns", static_cast<long long>(ns));
    else if (m < 1'000'000)
        std::snprintf(buf, sizeof buf, "%.3g us", v / 1e3);
    else if (m < 1'000'000'000)
        std::snprintf(buf, sizeof buf, "%.3g ms", v / 1e6);
    else if (m < 60'000'000'000)
        std::snprintf(buf, sizeof buf, "%.3g s", v / 1e9);
    else
        std::snprintf(buf, sizeof buf, "%lld min %02lld s",
                      static_cast<long long>(ns / 60'000'000'000),
                      static_cast<long long>((m / 1'000'000'000) % 60));
    return buf;
}

} // namespace spanscope

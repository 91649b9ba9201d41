#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace spanscope {

// A run's span geometry, loaded once when a run is opened (DESIGN.md section 5): columnar,
// about 34 bytes a span with its lane, so ten million spans fit in a few hundred MB and a
// frame touches only the columns it draws. Details come from the workspace on demand.
struct TimelineSpans {
    std::vector<std::int64_t> start; // ns since the epoch
    std::vector<std::int64_t> end;
    std::vector<std::int32_t> parent; // index into these columns, -1 for a root
    std::vector<std::int32_t> trace;  // index of the span's trace (0..traceCount-1)
    std::vector<std::uint8_t> category;
    std::vector<std::uint8_t> flags;
    std::vector<std::uint32_t> nameId; // into names
    std::vector<std::string> names;
    std::vector<std::int64_t> spanId; // workspace row id, to fetch details
    std::int32_t traceCount = 0;

    std::size_t size() const { return start.size(); }
    void reserve(std::size_t n);
    void clear();
    std::size_t bytes() const; // memory held by the columns
};

// The earliest start and the latest end of the spans ({0, 0} when there are none).
std::pair<std::int64_t, std::int64_t> timeRange(const TimelineSpans &spans);

// The length of the union of intervals [first, second) (sorted by start here when they are
// not): what a parent's children cover.
std::int64_t unionLength(std::vector<std::pair<std::int64_t, std::int64_t>> &intervals);

// A span's self time: its duration less the union of its children's intervals (clipped to the
// span), so parallel children are not counted twice. Children are found among the spans of the
// same trace, which RunQueries stores contiguously.
std::int64_t selfTimeNs(const TimelineSpans &spans, std::int32_t span);

// A duration for people: "812 ns", "3.41 ms", "12.5 s", "2 min 05 s".
std::string formatDuration(std::int64_t ns);

} // namespace spanscope

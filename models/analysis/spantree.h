#pragma once

#include "timelinespans.h"

#include <cstdint>
#include <vector>

namespace spanscope {

// The children of every span as one compressed list (CSR): the children of span i are
// child[offset[i] .. offset[i + 1]), in the columns' order (by start within a trace).
struct SpanChildren {
    std::vector<std::int32_t> offset;
    std::vector<std::int32_t> child;

    static SpanChildren build(const TimelineSpans &spans);
    const std::int32_t *begin(std::int32_t span) const {
        return child.data() + offset[static_cast<std::size_t>(span)];
    }
    const std::int32_t *end(std::int32_t span) const {
        return child.data() + offset[static_cast<std::size_t>(span) + 1];
    }
};

// Every span's self time (DESIGN.md section 6): its duration less the union of its children's
// intervals clipped to it, so children running in parallel are not subtracted twice. Two
// children running side by side each keep their own full self time.
std::vector<std::int64_t> selfTimes(const TimelineSpans &spans, const SpanChildren &children);

// Every span's share of its request's wall-clock time: each instant covered by the request's
// spans goes to the innermost spans running then (those with no running child), split evenly
// among them. Without parallel spans this equals the self time; with them, the shares of a
// request add up to the time its spans cover (their union), which self times exceed.
std::vector<double> wallShares(const TimelineSpans &spans);

// The spans of each trace as [first, last) ranges into the columns (traces are contiguous).
std::vector<std::pair<std::int32_t, std::int32_t>> traceRanges(const TimelineSpans &spans);

} // namespace spanscope

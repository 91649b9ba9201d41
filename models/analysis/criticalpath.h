#pragma once

#include "spantree.h"
#include "timelinespans.h"

#include <cstdint>
#include <vector>

namespace spanscope {

// A stretch of a request's critical path: while [startNs, endNs) the request waited on `span`
// (and on nothing below it).
struct CriticalSegment {
    std::int32_t span = -1;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
};

// A span on the critical path with its time there.
struct CriticalSpan {
    std::int32_t span = -1;
    std::int64_t onPathNs = 0;
};

struct CriticalPath {
    std::int64_t latencyNs = 0;            // the request's first start to its last end
    std::vector<CriticalSegment> segments; // in time order
    std::vector<CriticalSpan> spans;       // each span once, in order of first appearance
};

// The chain of spans that decides when a request ends, as Jaeger UI draws it: from the end of
// the root backwards, the child that finished last before that point, then recursively inside
// it, then the parent again until that child's start, and so on. Children are clipped to their
// parent; zero-length children hold no time. Iterative, so deep nesting is safe.
// `first`/`last` delimit the trace's spans in the columns (traceRanges).
CriticalPath criticalPath(const TimelineSpans &spans, const SpanChildren &children,
                          std::int32_t first, std::int32_t last);

} // namespace spanscope

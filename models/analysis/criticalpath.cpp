#include "criticalpath.h"

#include <algorithm>

namespace spanscope {

namespace {

struct Clipped {
    std::int32_t span;
    std::int64_t start, end;
};

// A span being walked: its clipped children live in one shared buffer, [kidsBegin, kidsEnd),
// latest end first, so the walk allocates nothing per span.
struct Frame {
    std::int32_t span;
    std::int64_t from;   // the span's (clipped) start
    std::int64_t cursor; // the path is known from here to the end
    std::size_t kidsBegin, kidsEnd;
    std::size_t next; // first child not yet passed over
};

void latestEndFirst(std::vector<Clipped>::iterator a, std::vector<Clipped>::iterator b) {
    std::sort(a, b, [](const Clipped &x, const Clipped &y) {
        return x.end != y.end ? x.end > y.end : x.start < y.start;
    });
}

} // namespace

CriticalPath criticalPath(const TimelineSpans &s, const SpanChildren &children, std::int32_t first,
                          std::int32_t last) {
    CriticalPath cp;
    if (first >= last) return cp;
    std::int64_t lo = s.start[static_cast<std::size_t>(first)], hi = lo;
    std::vector<Clipped> kids;
    for (std::int32_t i = first; i < last; ++i) {
        const auto u = static_cast<std::size_t>(i);
        lo = std::min(lo, s.start[u]);
        hi = std::max(hi, std::max(s.end[u], s.start[u]));
        const std::int32_t p = s.parent[u];
        if (p < first || p >= last) kids.push_back({i, s.start[u], std::max(s.end[u], s.start[u])});
    }
    cp.latencyNs = hi - lo;
    latestEndFirst(kids.begin(), kids.end());

    // Several roots (a trace whose root is missing): they are walked like the children of one
    // virtual span that covers the trace, whose own stretches belong to no span.
    std::vector<Frame> stack{{-1, lo, hi, 0, kids.size(), 0}};
    std::vector<CriticalSegment> rev;
    while (!stack.empty()) {
        Frame &f = stack.back();
        while (f.next < f.kidsEnd &&
               (kids[f.next].end > f.cursor || kids[f.next].start >= f.cursor))
            ++f.next;
        if (f.next == f.kidsEnd || f.cursor <= f.from) {
            if (f.span >= 0 && f.cursor > f.from) rev.push_back({f.span, f.from, f.cursor});
            kids.resize(f.kidsBegin);
            stack.pop_back();
            continue;
        }
        const Clipped c = kids[f.next++];
        if (f.span >= 0 && c.end < f.cursor) rev.push_back({f.span, c.end, f.cursor});
        f.cursor = c.start;
        // The child's children, clipped to it, go after the buffer's end (f is not used past
        // this point: the push may move it).
        const std::size_t begin = kids.size();
        for (const std::int32_t *k = children.begin(c.span); k != children.end(c.span); ++k) {
            const auto u = static_cast<std::size_t>(*k);
            const std::int64_t a = std::clamp(s.start[u], c.start, c.end);
            const std::int64_t b = std::clamp(std::max(s.end[u], s.start[u]), c.start, c.end);
            if (b > a) kids.push_back({*k, a, b});
        }
        latestEndFirst(kids.begin() + static_cast<std::ptrdiff_t>(begin), kids.end());
        stack.push_back({c.span, c.start, c.end, begin, kids.size(), begin});
    }
    cp.segments.assign(rev.rbegin(), rev.rend());
    // Each span once, in order of first appearance, with its time on the path.
    std::vector<std::int32_t> slot(static_cast<std::size_t>(last - first), -1);
    for (const CriticalSegment &seg : cp.segments) {
        std::int32_t &k = slot[static_cast<std::size_t>(seg.span - first)];
        if (k < 0) {
            k = static_cast<std::int32_t>(cp.spans.size());
            cp.spans.push_back({seg.span, 0});
        }
        cp.spans[static_cast<std::size_t>(k)].onPathNs += seg.endNs - seg.startNs;
    }
    return cp;
}

} // namespace spanscope

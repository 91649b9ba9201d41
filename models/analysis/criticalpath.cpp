#include "criticalpath.h"

#include <algorithm>
#include <unordered_map>

namespace spanscope {

namespace {

struct Clipped {
    std::int32_t span;
    std::int64_t start, end;
};

struct Frame {
    std::int32_t span;
    std::int64_t from;         // the span's (clipped) start
    std::int64_t cursor;       // the path is known from here to the end
    std::vector<Clipped> kids; // clipped children, latest end first
    std::size_t next = 0;      // first child not yet passed over
};

} // namespace

CriticalPath criticalPath(const TimelineSpans &s, const SpanChildren &children, std::int32_t first,
                          std::int32_t last) {
    CriticalPath cp;
    if (first >= last) return cp;
    std::int64_t lo = s.start[static_cast<std::size_t>(first)], hi = lo;
    std::vector<Clipped> roots;
    for (std::int32_t i = first; i < last; ++i) {
        const auto u = static_cast<std::size_t>(i);
        lo = std::min(lo, s.start[u]);
        hi = std::max(hi, std::max(s.end[u], s.start[u]));
        const std::int32_t p = s.parent[u];
        if (p < first || p >= last)
            roots.push_back({i, s.start[u], std::max(s.end[u], s.start[u])});
    }
    cp.latencyNs = hi - lo;

    const auto byEnd = [](std::vector<Clipped> &v) {
        std::sort(v.begin(), v.end(), [](const Clipped &a, const Clipped &b) {
            return a.end != b.end ? a.end > b.end : a.start < b.start;
        });
    };
    const auto enter = [&](std::int32_t span, std::int64_t from, std::int64_t to) {
        Frame f{span, from, to, {}, 0};
        for (const std::int32_t *k = children.begin(span); k != children.end(span); ++k) {
            const auto u = static_cast<std::size_t>(*k);
            const std::int64_t a = std::clamp(s.start[u], from, to);
            const std::int64_t b = std::clamp(std::max(s.end[u], s.start[u]), from, to);
            if (b > a) f.kids.push_back({*k, a, b});
        }
        byEnd(f.kids);
        return f;
    };

    // Several roots (a trace whose root is missing): they are walked like the children of one
    // virtual span that covers the trace, whose own stretches belong to no span.
    std::vector<Frame> stack;
    byEnd(roots);
    Frame top{-1, lo, hi, roots, 0};
    stack.push_back(std::move(top));
    std::vector<CriticalSegment> rev;
    while (!stack.empty()) {
        Frame &f = stack.back();
        while (f.next < f.kids.size() &&
               (f.kids[f.next].end > f.cursor || f.kids[f.next].start >= f.cursor))
            ++f.next;
        if (f.next == f.kids.size() || f.cursor <= f.from) {
            if (f.span >= 0 && f.cursor > f.from) rev.push_back({f.span, f.from, f.cursor});
            stack.pop_back();
            continue;
        }
        const Clipped c = f.kids[f.next++];
        if (f.span >= 0 && c.end < f.cursor) rev.push_back({f.span, c.end, f.cursor});
        f.cursor = c.start;
        Frame child = enter(c.span, c.start, c.end);
        stack.push_back(std::move(child)); // f is not used past this point
    }
    cp.segments.assign(rev.rbegin(), rev.rend());
    std::unordered_map<std::int32_t, std::size_t> at;
    for (const CriticalSegment &seg : cp.segments) {
        const auto [it, added] = at.try_emplace(seg.span, cp.spans.size());
        if (added) cp.spans.push_back({seg.span, 0});
        cp.spans[it->second].onPathNs += seg.endNs - seg.startNs;
    }
    return cp;
}

} // namespace spanscope

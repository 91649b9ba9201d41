#include "timelineframe.h"

#include <algorithm>
#include <cmath>

namespace spanscope {

namespace {

// One lane of a frame: turns spans, or a coverage level's entries, into rects.
class LaneRects {
public:
    LaneRects(const TimelineLayout &layout, const TimelineViewport &v, std::int32_t lane,
              std::vector<TimelineRect> &rects, std::size_t &covered)
        : m_v(v), m_inv(1.0 / v.nsPerPixel),
          m_foldNs(static_cast<std::int64_t>(std::ceil(v.nsPerPixel * v.minWidthPx))),
          m_y(static_cast<std::int32_t>(std::lround((lane - v.firstLane) * v.laneHeightPx))),
          m_h(v.laneHeightPx - (v.laneHeightPx > 4 ? 1 : 0)), m_ids(layout.laneBegin(lane)),
          m_starts(layout.laneStarts(lane)), m_ends(layout.laneEnds(lane)),
          m_styles(layout.laneStyles(lane)), m_rects(rects), m_covered(covered) {}

    std::int32_t px(std::int64_t t) const {
        const double x = static_cast<double>(t - m_v.t0) * m_inv;
        // floor() by truncation of a positive value: std::floor is a dozen instructions on
        // baseline x86-64 (no SSE4.1), and this runs for every rect of every frame.
        return static_cast<std::int32_t>(
                   std::clamp(x, -1.0, static_cast<double>(m_v.widthPx) + 1.0) + 2.0) -
               2;
    }

    // Spans at lane positions [k, kEnd), each looked at (or skipped by a binary search when a
    // run of them folds).
    void spans(std::ptrdiff_t k, std::ptrdiff_t kEnd) {
        while (k < kEnd) {
            const std::int32_t x0 = px(m_starts[k]);
            const std::int32_t x1 = px(m_ends[k]);
            const auto category = static_cast<std::uint8_t>(m_styles[k] & 0xff);
            const auto flags = static_cast<std::uint8_t>(m_styles[k] >> 8);
            if (x1 - x0 >= m_v.minWidthPx) {
                own(x0, x1, m_ids[k], category, flags);
                ++k;
                continue;
            }
            // Fold every span that starts within the next few pixels: galloping, then binary
            // search, over the lane's starts (a block usually holds a few spans, so this reads
            // log(block) starts, not log(lane)).
            const std::int64_t foldEnd = m_starts[k] + m_foldNs;
            const std::ptrdiff_t remaining = kEnd - k;
            std::ptrdiff_t lo = 1, step = 1;
            while (remaining - lo > step && m_starts[k + lo + step - 1] < foldEnd) {
                lo += step;
                step *= 2;
            }
            std::ptrdiff_t next =
                std::lower_bound(m_starts + k + lo, m_starts + k + std::min(remaining, lo + step),
                                 foldEnd) -
                m_starts;
            // Spans of a lane do not overlap, so only the block's last span can reach past it:
            // a wide one is drawn on its own, not hidden in the fold.
            if (next - k > 1 && px(m_ends[next - 1]) - px(m_starts[next - 1]) >= m_v.minWidthPx)
                --next;
            const auto count = static_cast<std::int32_t>(next - k);
            fold(x0, px(m_starts[next - 1]), px(m_ends[next - 1]), m_ids[k], count, category,
                 count <= 64 ? flagsOf(k, next) : flags);
            k = next;
        }
    }

    // The part of a block at lane positions [k, kEnd) that a viewport edge leaves on screen:
    // its spans are all narrow, so they fold together without a look at each one (a flag or
    // two still marks them all when the part is small, as spans() does).
    void blockPart(const CoverageEntry &e, std::ptrdiff_t k, std::ptrdiff_t kEnd) {
        if (k >= kEnd) return;
        fold(px(m_starts[k]), px(m_starts[kEnd - 1]), px(m_ends[kEnd - 1]), m_ids[k],
             static_cast<std::int32_t>(kEnd - k), static_cast<std::uint8_t>(m_styles[k] & 0xff),
             kEnd - k <= 64 ? flagsOf(k, kEnd) : e.flags);
    }

    // A coverage entry that lies wholly in the viewport: a block folds without a look at its
    // spans; a span of its own is drawn or folded as above.
    void entry(const CoverageEntry &e) {
        const std::int32_t x0 = px(e.start);
        const std::int32_t x1 = px(e.end);
        if (!e.block && x1 - x0 >= m_v.minWidthPx)
            return own(x0, x1, m_ids[e.first], e.category, e.flags);
        fold(x0, px(m_starts[e.first + e.count - 1]), x1, m_ids[e.first], e.count, e.category,
             e.flags);
    }

private:
    // A span wide enough to draw with its colour and name.
    void own(std::int32_t x0, std::int32_t x1, std::int32_t span, std::uint8_t category,
             std::uint8_t flags) {
        m_rects.push_back({x0, m_y, x1 - x0, m_h, span, 1, category, flags});
        ++m_covered;
    }

    // The flags of the spans at lane positions [k, kEnd) together: a fold's error stays marked.
    std::uint8_t flagsOf(std::ptrdiff_t k, std::ptrdiff_t kEnd) const {
        std::uint8_t flags = 0;
        for (; k < kEnd; ++k)
            flags |= static_cast<std::uint8_t>(m_styles[k] >> 8);
        return flags;
    }

    // Folds spans from x0 (the first one's start) to x1 (the last one's end), the last one
    // starting at xLast: its column is painted even when it ends in it (or, when it starts
    // left of the viewport, the first column), so no span is lost.
    void fold(std::int32_t x0, std::int32_t xLast, std::int32_t x1, std::int32_t span,
              std::int32_t count, std::uint8_t category, std::uint8_t flags) {
        const std::int32_t xe = std::max({x1, std::max(xLast, 0) + 1, x0 + 1});
        m_covered += static_cast<std::size_t>(count);
        // Folded blocks that touch merge: a lane busy across the screen becomes a few long
        // blocks instead of one per few pixels, which is what painting pays for.
        // A narrow span of its own next to a block joins it too.
        if (!m_rects.empty()) {
            TimelineRect &prev = m_rects.back();
            const bool prevFolds = prev.count > 1 || prev.w < m_v.minWidthPx;
            if (prev.y == m_y && prevFolds && prev.x + prev.w >= x0) {
                prev.w = std::max(prev.w, xe - prev.x);
                prev.count += count;
                prev.flags |= flags;
                return;
            }
        }
        m_rects.push_back({x0, m_y, xe - x0, m_h, span, count, category, flags});
    }

    const TimelineViewport &m_v;
    const double m_inv;
    const std::int64_t m_foldNs;
    const std::int32_t m_y, m_h;
    const std::int32_t *m_ids;
    const std::int64_t *m_starts, *m_ends;
    const std::uint16_t *m_styles;
    std::vector<TimelineRect> &m_rects;
    std::size_t &m_covered;
};

} // namespace

void TimelineFrame::build(const TimelineSpans &s, const TimelineLayout &layout,
                          const TimelineViewport &v) {
    m_rects.clear();
    m_covered = 0;
    if (v.widthPx <= 0 || v.heightPx <= 0 || v.nsPerPixel <= 0 || layout.laneCount() == 0) return;
    const std::int64_t t0 = v.t0, t1 = v.t1();
    // A coverage level may stand for the spans when its blocks hold only spans too narrow to
    // draw alone: under 2g ns, so under (2g / p + 1) px, which must stay under minWidthPx.
    const double maxGapNs = (v.minWidthPx - 1) * v.nsPerPixel / 2;
    const auto firstLane = static_cast<std::int32_t>(std::max(0.0, std::floor(v.firstLane)));
    const auto lanesShown =
        static_cast<std::int32_t>(std::ceil(static_cast<double>(v.heightPx) / v.laneHeightPx)) + 1;
    const std::int32_t lastLane = std::min(layout.laneCount(), firstLane + lanesShown);
    for (std::int32_t lane = firstLane; lane < lastLane; ++lane) {
        LaneRects out(layout, v, lane, m_rects, m_covered);
        const std::int32_t *ids = layout.laneBegin(lane);
        const auto [first, last] = layout.visible(s, lane, t0, t1);
        const std::ptrdiff_t kFirst = first - ids, kLast = last - ids;
        const LaneCoverage *coverage = layout.coverage(lane);
        const std::vector<CoverageEntry> *entries =
            coverage && kLast - kFirst >= 64 ? coverage->level(maxGapNs) : nullptr;
        if (!entries) {
            out.spans(kFirst, kLast);
            continue;
        }
        // Entries, like spans, do not overlap: the visible ones are a range. Of those cut by an
        // edge of the viewport only the spans on screen count.
        auto it =
            std::upper_bound(entries->begin(), entries->end(), t0,
                             [](std::int64_t t, const CoverageEntry &e) { return t < e.start; });
        if (it != entries->begin() && std::prev(it)->end >= t0) --it;
        std::ptrdiff_t k = kFirst;
        for (; it != entries->end() && k < kLast; ++it) {
            const std::ptrdiff_t eEnd = std::min<std::ptrdiff_t>(it->first + it->count, kLast);
            const std::ptrdiff_t from = std::max<std::ptrdiff_t>(k, it->first);
            if (it->start >= t0 && it->end <= t1)
                out.entry(*it);
            else if (it->block)
                out.blockPart(*it, from, eEnd);
            else
                out.spans(from, eEnd);
            k = eEnd;
        }
    }
}

} // namespace spanscope

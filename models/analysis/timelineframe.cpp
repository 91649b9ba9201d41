#include "timelineframe.h"

#include <algorithm>
#include <cmath>

namespace spanscope {

void TimelineFrame::build(const TimelineSpans &s, const TimelineLayout &layout,
                          const TimelineViewport &v) {
    m_rects.clear();
    m_covered = 0;
    if (v.widthPx <= 0 || v.heightPx <= 0 || v.nsPerPixel <= 0 || layout.laneCount() == 0) return;
    const std::int64_t t0 = v.t0, t1 = v.t1();
    const double inv = 1.0 / v.nsPerPixel;
    const auto px = [&](std::int64_t t) {
        const double x = static_cast<double>(t - t0) * inv;
        // floor() by truncation of a positive value: std::floor is a dozen instructions on
        // baseline x86-64 (no SSE4.1), and this runs for every rect of every frame.
        return static_cast<std::int32_t>(std::clamp(x, -1.0, static_cast<double>(v.widthPx) + 1.0) +
                                         2.0) -
               2;
    };
    const std::int64_t foldNs = static_cast<std::int64_t>(std::ceil(v.nsPerPixel * v.minWidthPx));
    const auto firstLane = static_cast<std::int32_t>(std::max(0.0, std::floor(v.firstLane)));
    const auto lanesShown =
        static_cast<std::int32_t>(std::ceil(static_cast<double>(v.heightPx) / v.laneHeightPx)) + 1;
    const std::int32_t lastLane = std::min(layout.laneCount(), firstLane + lanesShown);
    const int gap = v.laneHeightPx > 4 ? 1 : 0;
    for (std::int32_t lane = firstLane; lane < lastLane; ++lane) {
        const auto y =
            static_cast<std::int32_t>(std::lround((lane - v.firstLane) * v.laneHeightPx));
        const auto [first, last] = layout.visible(s, lane, t0, t1);
        // Walk the lane by position k in its lane-ordered arrays (starts, ends, styles, span
        // ids), which are contiguous: no read of the span columns in the lane's scattered order.
        const std::int32_t *ids = layout.laneBegin(lane);
        const std::int64_t *starts = layout.laneStarts(lane);
        const std::int64_t *ends = layout.laneEnds(lane);
        const std::uint16_t *styles = layout.laneStyles(lane);
        const std::ptrdiff_t kEnd = last - ids;
        for (std::ptrdiff_t k = first - ids; k < kEnd;) {
            const std::int32_t x0 = px(starts[k]);
            const std::int32_t x1 = px(ends[k]);
            const auto category = static_cast<std::uint8_t>(styles[k] & 0xff);
            const auto flags = static_cast<std::uint8_t>(styles[k] >> 8);
            if (x1 - x0 >= v.minWidthPx) {
                m_rects.push_back(
                    {x0, y, x1 - x0, v.laneHeightPx - gap, ids[k], 1, category, flags});
                ++m_covered;
                ++k;
                continue;
            }
            // Fold every span that starts within the next few pixels: galloping, then binary
            // search, over the lane's starts (a block usually holds a few spans, so this reads
            // log(block) starts, not log(lane)).
            const std::int64_t foldEnd = starts[k] + foldNs;
            const std::ptrdiff_t remaining = kEnd - k;
            std::ptrdiff_t lo = 1, step = 1;
            while (remaining - lo > step && starts[k + lo + step - 1] < foldEnd) {
                lo += step;
                step *= 2;
            }
            std::ptrdiff_t next =
                std::lower_bound(starts + k + lo, starts + k + std::min(remaining, lo + step),
                                 foldEnd) -
                starts;
            // Spans of a lane do not overlap, so only the block's last span can reach past it:
            // a wide one is drawn on its own, not hidden in the fold.
            if (next - k > 1 && px(ends[next - 1]) - px(starts[next - 1]) >= v.minWidthPx) --next;
            const auto count = static_cast<std::int32_t>(next - k);
            const std::int32_t xe = std::max(px(ends[next - 1]), x0 + 1);
            // A block's flags are its spans' flags together, so an error inside stays marked.
            std::uint8_t blockFlags = flags;
            for (std::ptrdiff_t j = k + 1; j < next && count <= 64; ++j)
                blockFlags |= static_cast<std::uint8_t>(styles[j] >> 8);
            m_covered += static_cast<std::size_t>(count);
            // Folded blocks that touch merge: a lane busy across the screen becomes a few long
            // blocks instead of one per few pixels, which is what painting pays for.
            // A narrow span of its own next to a block joins it too.
            if (!m_rects.empty()) {
                TimelineRect &prev = m_rects.back();
                const bool prevFolds = prev.count > 1 || prev.w < v.minWidthPx;
                if (prev.y == y && prevFolds && prev.x + prev.w >= x0) {
                    prev.w = std::max(prev.w, xe - prev.x);
                    prev.count += count;
                    prev.flags |= blockFlags;
                    k = next;
                    continue;
                }
            }
            m_rects.push_back(
                {x0, y, xe - x0, v.laneHeightPx - gap, ids[k], count, category, blockFlags});
            k = next;
        }
    }
}

} // namespace spanscope

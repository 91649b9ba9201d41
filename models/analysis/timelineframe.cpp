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
        return static_cast<std::int32_t>(
            std::clamp(std::floor(x), -1.0, static_cast<double>(v.widthPx) + 1.0));
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
        for (const std::int32_t *it = first; it != last;) {
            const auto i = static_cast<std::size_t>(*it);
            const std::int32_t x0 = px(s.start[i]);
            const std::int32_t x1 = px(s.end[i]);
            if (x1 - x0 >= v.minWidthPx) {
                m_rects.push_back(
                    {x0, y, x1 - x0, v.laneHeightPx - gap, *it, 1, s.category[i], s.flags[i]});
                ++m_covered;
                ++it;
                continue;
            }
            // Fold every span that starts within the next few pixels, found by binary search.
            const std::int64_t foldEnd = s.start[i] + foldNs;
            // Galloping, then binary search, over the lane's contiguous starts: a block usually
            // holds a few spans, so this reads log(block) starts, not log(lane).
            const std::int64_t *starts = layout.laneStarts(lane) + (it - layout.laneBegin(lane));
            const std::ptrdiff_t remaining = last - it;
            std::ptrdiff_t lo = 1, step = 1;
            while (remaining - lo > step && starts[lo + step - 1] < foldEnd) {
                lo += step;
                step *= 2;
            }
            const std::int32_t *next =
                it +
                (std::lower_bound(starts + lo, starts + std::min(remaining, lo + step), foldEnd) -
                 starts);
            // Spans of a lane do not overlap, so only the block's last span can reach past it:
            // a wide one is drawn on its own, not hidden in the fold.
            if (next - it > 1) {
                const auto lastIn = static_cast<std::size_t>(*(next - 1));
                if (px(s.end[lastIn]) - px(s.start[lastIn]) >= v.minWidthPx) --next;
            }
            const auto count = static_cast<std::int32_t>(next - it);
            const std::int32_t xe =
                std::max(px(s.end[static_cast<std::size_t>(*(next - 1))]), x0 + 1);
            m_rects.push_back({x0, y, xe - x0, v.laneHeightPx - gap, *it, count, s.category[i],
                               static_cast<std::uint8_t>(s.flags[i])});
            m_covered += static_cast<std::size_t>(count);
            it = next;
        }
    }
}

} // namespace spanscope

#pragma once

#include "timelinelayout.h"

#include <cstdint>
#include <vector>

namespace spanscope {

// What one timeline frame draws, in device pixels, computed from the layout for a viewport
// (DESIGN.md section 5): per visible lane, spans at least `minWidthPx` wide as their own rect,
// and runs of narrower spans folded into one counted block without looking at each of them
// (a binary search skips to the first span past the block; zoomed out, a busy lane's
// LaneCoverage level hands over whole blocks, a few entries a pixel column). Integer rects,
// grouped later by colour; no Qt Gui here, so frames are built and tested headless.
struct TimelineViewport {
    std::int64_t t0 = 0; // time at the left edge (ns since the epoch)
    double nsPerPixel = 1.0;
    int widthPx = 0;
    double firstLane = 0; // lane at the top edge (fractional when scrolled)
    int laneHeightPx = 16;
    int heightPx = 0;
    int minWidthPx = 3;

    std::int64_t t1() const { return t0 + static_cast<std::int64_t>(nsPerPixel * widthPx); }
};

struct TimelineRect {
    std::int32_t x = 0, y = 0, w = 0, h = 0;
    std::int32_t span = -1; // the span drawn, or the first span of a folded block
    std::int32_t count = 1; // spans in a folded block (1 for a span of its own)
    std::uint8_t category = 0;
    std::uint8_t flags = 0;
    bool folded() const { return count > 1 || w < 1; }
};

class TimelineFrame {
public:
    void build(const TimelineSpans &spans, const TimelineLayout &layout,
               const TimelineViewport &view);
    const std::vector<TimelineRect> &rects() const { return m_rects; }
    std::size_t spansCovered() const { return m_covered; } // spans drawn or folded in this frame

private:
    std::vector<TimelineRect> m_rects;
    std::size_t m_covered = 0;
};

} // namespace spanscope

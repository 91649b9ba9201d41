#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spanscope {

// What covers a busy lane, precomputed at power-of-two resolutions (DESIGN.md section 5), so
// a zoomed-out frame reads a few entries per pixel column instead of every span of the lane.
//
// A level with gap g (a power of two, in ns) lists the lane's spans in time order as entries:
// a span lasting at least 2g stays an entry of its own (it may be wide enough on screen to
// draw with its colour and name); runs of shorter spans whose gaps are under g become one block
// (first and last time, how many spans, their flags together). At a zoom of p ns a pixel with
// g <= (minWidth - 1) * p / 2, a block's spans are all too narrow to draw alone, and the gap
// between two blocks is at least g: a level has at most about two entries per g of time, which
// is what makes a frame cost pixels. Only levels that fold the lane at least 4x are kept, each
// at most half the last one, so the summary holds at most half an entry per span.
struct CoverageEntry {
    std::int64_t start = 0, end = 0; // ns: the span's, or the block's first start and last end
    std::int32_t first = 0;          // lane position of the first span
    std::int32_t count = 1;          // spans in it
    std::uint8_t category = 0;       // of the first span
    std::uint8_t flags = 0;          // of all its spans, together
    bool block = false;              // a run of spans too narrow to draw alone
};

class LaneCoverage {
public:
    // Lanes with fewer spans are cheap to walk; they get no summary.
    static constexpr std::size_t minSpans = 512;

    // `starts`, `ends`, `styles` (category | flags << 8): the lane's spans in order, n >= 1.
    static LaneCoverage build(const std::int64_t *starts, const std::int64_t *ends,
                              const std::uint16_t *styles, std::size_t n);

    // The coarsest level whose gap is at most `maxGapNs`, or null when none is that fine.
    const std::vector<CoverageEntry> *level(double maxGapNs) const;
    std::size_t levelCount() const { return m_levels.size(); }
    std::int64_t gapNs(std::size_t level) const { return m_levels[level].gapNs; }
    std::size_t bytes() const;

private:
    struct Level {
        std::int64_t gapNs = 0;
        std::vector<CoverageEntry> entries;
    };
    std::vector<Level> m_levels; // finest first
};

} // namespace spanscope

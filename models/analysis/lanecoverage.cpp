#include "lanecoverage.h"

#include <algorithm>
#include <bit>

namespace spanscope {

namespace {

// Appends `e` to a level of gap g, folding it into the last block when both are narrow and
// the gap between them is under g. Entries come in lane order, so a block's spans stay
// consecutive positions of the lane.
void append(std::vector<CoverageEntry> &out, CoverageEntry e, std::int64_t g) {
    if (!e.block && e.end - e.start < 2 * g) e.block = true;
    if (e.block && !out.empty()) {
        CoverageEntry &last = out.back();
        if (last.block && e.start - last.end < g) {
            last.end = std::max(last.end, e.end);
            last.count += e.count;
            last.flags |= e.flags;
            return;
        }
    }
    out.push_back(e);
}

} // namespace

LaneCoverage LaneCoverage::build(const std::int64_t *starts, const std::int64_t *ends,
                                 const std::uint16_t *styles, std::size_t n) {
    LaneCoverage c;
    if (n < 2) return c;
    const std::int64_t extent = std::max<std::int64_t>(1, ends[n - 1] - starts[0]);
    // Start where blocks begin to form, at the mean time per span: finer levels cannot fold
    // 4x. Each coarser level is built from the one before it, so the whole costs about one
    // pass over the spans and a few over what is left.
    std::int64_t g = std::bit_floor(static_cast<std::uint64_t>(
        std::max<std::int64_t>(1, extent / static_cast<std::int64_t>(n))));
    std::vector<CoverageEntry> current;
    current.reserve(n / 2);
    for (std::size_t k = 0; k < n; ++k)
        append(current,
               {starts[k], ends[k], static_cast<std::int32_t>(k), 1,
                static_cast<std::uint8_t>(styles[k] & 0xff),
                static_cast<std::uint8_t>(styles[k] >> 8), false},
               g);
    std::size_t kept = n;
    for (;;) {
        if (current.size() * 4 <= n && current.size() * 2 <= kept) {
            kept = current.size();
            c.m_levels.push_back({g, current});
            c.m_levels.back().entries.shrink_to_fit();
        }
        // Coarse enough once the whole lane is a handful of entries.
        if (current.size() <= 4 || g > extent) break;
        g *= 2;
        std::vector<CoverageEntry> next;
        next.reserve(current.size());
        for (const CoverageEntry &e : current)
            append(next, e, g);
        current.swap(next);
    }
    return c;
}

const std::vector<CoverageEntry> *LaneCoverage::level(double maxGapNs) const {
    const std::vector<CoverageEntry> *best = nullptr;
    for (const Level &l : m_levels) {
        if (static_cast<double>(l.gapNs) > maxGapNs) break;
        best = &l.entries;
    }
    return best;
}

std::size_t LaneCoverage::bytes() const {
    std::size_t b = m_levels.capacity() * sizeof(Level);
    for (const Level &l : m_levels)
        b += l.entries.capacity() * sizeof(CoverageEntry);
    return b;
}

} // namespace spanscope

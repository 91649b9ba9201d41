#pragma once

#include "lanecoverage.h"
#include "timelinespans.h"

#include <cstdint>
#include <vector>

namespace spanscope {

// Rows ("lanes") for a timeline, over the columns of TimelineSpans, with per-lane indexes that
// make a visible range two binary searches (DESIGN.md section 5). Spans in one lane never
// overlap in time, so in a lane both starts and ends are sorted.
class TimelineLayout {
public:
    enum class Mode {
        GanttPerTrace, // a group of lanes per trace, traces one under another
        GanttPacked,   // all spans packed into as few lanes as their concurrency needs
        Waterfall,     // one lane per span, in tree order (one trace at a time)
    };

    // For Waterfall, `traceFilter` selects the trace shown (-1: all, in trace order).
    // For Waterfall, spans flagged in `collapsed` (indexed by span) keep their lane but hide
    // their descendants.
    // Spans with any of `hideFlags` set (SpanFlag bits, e.g. SpanUnfinished) get no lane (in a
    // waterfall their children become roots).
    static TimelineLayout build(const TimelineSpans &spans, Mode mode,
                                std::int32_t traceFilter = -1,
                                const std::vector<bool> *collapsed = nullptr,
                                std::uint8_t hideFlags = 0);

    Mode mode() const { return m_mode; }
    std::int32_t laneCount() const { return static_cast<std::int32_t>(m_laneOffsets.size()) - 1; }
    std::int32_t laneOf(std::int32_t span) const { return m_lane[static_cast<std::size_t>(span)]; }
    // The spans of a lane, sorted by start (and so by end).
    const std::int32_t *laneBegin(std::int32_t lane) const;
    const std::int32_t *laneEnd(std::int32_t lane) const;
    // The starts of those spans, in the same order, stored together: searching a lane reads
    // consecutive memory instead of following the span indexes.
    const std::int64_t *laneStarts(std::int32_t lane) const;
    // Their ends and their category (low byte) and flags (high byte), likewise: a frame reads
    // only these lane-ordered arrays, never the span columns in the scattered order of a lane.
    const std::int64_t *laneEnds(std::int32_t lane) const;
    const std::uint16_t *laneStyles(std::int32_t lane) const;
    // A busy lane's coverage summary (LaneCoverage::minSpans spans or more), else null.
    const LaneCoverage *coverage(std::int32_t lane) const;
    // The first lane of each trace's group (GanttPerTrace), else empty.
    const std::vector<std::int32_t> &traceFirstLane() const { return m_traceFirstLane; }
    // Spans shown (Waterfall with a trace filter shows a subset), lane -1 for hidden ones.
    std::size_t shownCount() const { return m_order.size(); }
    // Waterfall only: a lane's depth in the tree (0 for a root) and whether its span has
    // children (shown or collapsed), for the tree gutter's indent guides and toggles.
    int laneDepth(std::int32_t lane) const { return m_laneDepth[static_cast<std::size_t>(lane)]; }
    bool laneHasChildren(std::int32_t lane) const {
        return m_laneHasChildren[static_cast<std::size_t>(lane)] != 0;
    }

    // The spans of `lane` that intersect [t0, t1]: a range into the lane's sorted spans.
    std::pair<const std::int32_t *, const std::int32_t *>
    visible(const TimelineSpans &spans, std::int32_t lane, std::int64_t t0, std::int64_t t1) const;

    // The span drawn at time t in `lane`, within `toleranceNs` either side (so sub-pixel spans
    // stay clickable); the nearest one wins. -1 when none.
    std::int32_t hit(const TimelineSpans &spans, std::int32_t lane, std::int64_t t,
                     std::int64_t toleranceNs) const;

    std::size_t bytes() const;
    std::size_t coverageBytes() const; // the busy lanes' summaries, part of bytes()

private:
    // `byStart`: every shown span, in start order.
    void index(const TimelineSpans &spans, const std::vector<std::int32_t> &byStart);

    Mode m_mode = Mode::GanttPerTrace;
    std::vector<std::int32_t> m_lane;        // per span
    std::vector<std::int32_t> m_order;       // spans grouped by lane, each lane by start
    std::vector<std::int64_t> m_orderStart;  // start of m_order[k], for searches in one lane
    std::vector<std::int64_t> m_orderEnd;    // end of m_order[k]
    std::vector<std::uint16_t> m_orderStyle; // category | flags << 8 of m_order[k]
    std::vector<std::int32_t> m_laneOffsets; // lane i = m_order[offsets[i] .. offsets[i+1])
    std::vector<std::int32_t> m_traceFirstLane;
    std::vector<std::int32_t> m_laneDepth;       // Waterfall
    std::vector<std::uint8_t> m_laneHasChildren; // Waterfall
    // Busy lanes only, by lane: the per-request layout has hundreds of thousands of small
    // lanes, which a slot each would cost more than their summaries save.
    std::vector<std::pair<std::int32_t, LaneCoverage>> m_coverage;
};

} // namespace spanscope

#pragma once

#include "timelinespans.h"

#include <cstdint>
#include <map>
#include <vector>

namespace spanscope {

// One call for a concurrency profile. A call that never ended has end == start, as NAT's
// profiler records it (it cannot know when the call would have returned).
struct ConcurrencyCall {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::int32_t span = -1; // the caller's index (a TimelineSpans index, a row id, ...)
};

struct ConcurrencySegment {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::int32_t level = 0;
};

// Calls in flight over time by NAT's rules (formats/nat.md, "Profiler analysis files"): +1 at
// each start, -1 at each end, all requests together; a segment ends at every distinct event
// time (so a zero-length call splits one); gaps between calls count at level 0.
struct ConcurrencyProfile {
    std::vector<ConcurrencySegment> segments;
    std::map<std::int32_t, std::int64_t> timeAtLevel; // ns spent at each level
    std::int32_t p50 = 0, p90 = 0, p95 = 0, p99 = 0;
    std::int32_t maxLevel = 0;
    // The highest level of each run of blockSize segments, so a zoomed-out track skips whole
    // blocks that fall in one pixel column.
    static constexpr std::size_t blockSize = 256;
    std::vector<std::int32_t> blockMax;

    // NAT's pN: the lowest level whose cumulative time reaches N% of the total.
    std::int32_t percentile(double n) const;
    // The level at time t (0 outside the profile).
    std::int32_t levelAt(std::int64_t t) const;
};

ConcurrencyProfile concurrencyProfile(const std::vector<ConcurrencyCall> &calls);

// The highest level in each of `columns` equal slices of [t0, t1) (0 where no call runs): what a
// track of that many pixels draws, so a frame costs the visible segments, not a point each.
std::vector<std::int32_t> maxLevelPerColumn(const ConcurrencyProfile &p, std::int64_t t0,
                                            std::int64_t t1, int columns);

// The run's LLM and TOOL calls (NAT's spike analysis set): wrappers of an inner LLM call are
// left out, so a call counts once; unfinished calls are zero-length.
std::vector<ConcurrencyCall> llmAndToolCalls(const TimelineSpans &spans);

// A maximal interval at or above the threshold, made of consecutive segments.
struct ConcurrencySpike {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::int32_t peak = 0;
};

// NAT's spike_intervals: every segment of positive length at or above the threshold.
std::vector<ConcurrencySegment> spikeIntervals(const ConcurrencyProfile &p, std::int32_t threshold);
// Those intervals merged where they touch.
std::vector<ConcurrencySpike> spikes(const ConcurrencyProfile &p, std::int32_t threshold);
// The calls open during [from, to]: for a segment of the profile, exactly NAT's active_uuids.
std::vector<std::int32_t> activeCalls(const std::vector<ConcurrencyCall> &calls, std::int64_t from,
                                      std::int64_t to);
// For each interval (sorted by start, as spikeIntervals returns them), the calls open during all
// of it, in one sweep: NAT's active_uuids of every spike interval.
std::vector<std::vector<std::int32_t>>
activeCallsDuring(const std::vector<ConcurrencyCall> &calls,
                  const std::vector<ConcurrencySegment> &intervals);
// For each spike (sorted, disjoint, as spikes() returns them), how many calls overlap it (as
// overlappingCalls counts them), in one pass over the calls instead of one per spike.
std::vector<std::int64_t> callsPerSpike(const std::vector<ConcurrencyCall> &calls,
                                        const std::vector<ConcurrencySpike> &spikes);
// The calls that overlap [from, to) at all (a spike's calls, for the view's list).
std::vector<std::int32_t> overlappingCalls(const std::vector<ConcurrencyCall> &calls,
                                           std::int64_t from, std::int64_t to);

} // namespace spanscope

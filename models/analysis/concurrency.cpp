#include "concurrency.h"

#include "core/category.h"
#include "core/records.h"

#include <algorithm>
#include <set>

namespace spanscope {

std::int32_t ConcurrencyProfile::percentile(double n) const {
    std::int64_t total = 0;
    for (const auto &[level, ns] : timeAtLevel)
        total += ns;
    if (total <= 0) return 0;
    const double goal = static_cast<double>(total) * (n / 100.0);
    std::int64_t acc = 0;
    std::int32_t last = 0;
    for (const auto &[level, ns] : timeAtLevel) {
        acc += ns;
        if (static_cast<double>(acc) >= goal) return level;
        last = level;
    }
    return last;
}

std::int32_t ConcurrencyProfile::levelAt(std::int64_t t) const {
    const auto it =
        std::upper_bound(segments.begin(), segments.end(), t,
                         [](std::int64_t x, const ConcurrencySegment &s) { return x < s.startNs; });
    if (it == segments.begin()) return 0;
    const ConcurrencySegment &s = *std::prev(it);
    return t < s.endNs ? s.level : 0;
}

ConcurrencyProfile concurrencyProfile(const std::vector<ConcurrencyCall> &calls) {
    ConcurrencyProfile p;
    // Events as (time from the earliest start) * 2 + (1 for a start) in one integer array: a
    // flat sort; at one instant every event applies before the next segment opens.
    std::int64_t t0 = 0;
    bool any = false;
    for (const ConcurrencyCall &c : calls)
        if (c.endNs >= c.startNs) {
            t0 = any ? std::min(t0, c.startNs) : c.startNs;
            any = true;
        }
    std::vector<std::uint64_t> ev;
    ev.reserve(calls.size() * 2);
    for (const ConcurrencyCall &c : calls) {
        if (c.endNs < c.startNs) continue;
        ev.push_back(static_cast<std::uint64_t>(c.startNs - t0) * 2 + 1);
        ev.push_back(static_cast<std::uint64_t>(c.endNs - t0) * 2);
    }
    std::sort(ev.begin(), ev.end());
    std::int32_t level = 0;
    for (std::size_t k = 0; k < ev.size();) {
        const std::uint64_t at = ev[k] >> 1;
        const std::int64_t t = t0 + static_cast<std::int64_t>(at);
        if (!p.segments.empty()) p.segments.back().endNs = t;
        while (k < ev.size() && (ev[k] >> 1) == at)
            level += (ev[k++] & 1) ? 1 : -1;
        if (k < ev.size()) p.segments.push_back({t, t, level});
    }
    p.blockMax.assign(
        (p.segments.size() + ConcurrencyProfile::blockSize - 1) / ConcurrencyProfile::blockSize, 0);
    for (std::size_t k = 0; k < p.segments.size(); ++k) {
        const ConcurrencySegment &s = p.segments[k];
        p.timeAtLevel[s.level] += s.endNs - s.startNs;
        p.maxLevel = std::max(p.maxLevel, s.level);
        std::int32_t &block = p.blockMax[k / ConcurrencyProfile::blockSize];
        block = std::max(block, s.level);
    }
    p.p50 = p.percentile(50);
    p.p90 = p.percentile(90);
    p.p95 = p.percentile(95);
    p.p99 = p.percentile(99);
    return p;
}

std::vector<std::int32_t> maxLevelPerColumn(const ConcurrencyProfile &p, std::int64_t t0,
                                            std::int64_t t1, int columns) {
    std::vector<std::int32_t> out(static_cast<std::size_t>(std::max(0, columns)), 0);
    if (columns <= 0 || t1 <= t0 || p.segments.empty()) return out;
    const double perColumn = static_cast<double>(t1 - t0) / columns;
    // The first segment that ends after t0, then every segment until t1.
    auto it =
        std::upper_bound(p.segments.begin(), p.segments.end(), t0,
                         [](std::int64_t t, const ConcurrencySegment &s) { return t < s.endNs; });
    const auto column = [&](std::int64_t t) {
        return static_cast<std::int64_t>(static_cast<double>(t - t0) / perColumn);
    };
    const std::size_t n = p.segments.size(), block = ConcurrencyProfile::blockSize;
    for (std::size_t k = static_cast<std::size_t>(it - p.segments.begin());
         k < n && p.segments[k].startNs < t1;) {
        // A whole block inside one column: its maximum is all that column needs.
        if (k % block == 0 && k + block <= n) {
            const std::int64_t a = p.segments[k].startNs, b = p.segments[k + block - 1].endNs;
            if (a >= t0 && b <= t1 && column(a) == column(b - 1)) {
                std::int32_t &c =
                    out[static_cast<std::size_t>(std::min<std::int64_t>(column(a), columns - 1))];
                c = std::max(c, p.blockMax[k / block]);
                k += block;
                continue;
            }
        }
        const ConcurrencySegment &s = p.segments[k++];
        if (s.level == 0 || s.endNs <= s.startNs) continue;
        const std::int64_t a = column(std::max(s.startNs, t0));
        const std::int64_t b = column(std::min(s.endNs, t1) - 1);
        for (std::int64_t c = std::max<std::int64_t>(0, a);
             c <= std::min<std::int64_t>(b, columns - 1); ++c)
            out[static_cast<std::size_t>(c)] = std::max(out[static_cast<std::size_t>(c)], s.level);
    }
    return out;
}

std::vector<ConcurrencyCall> llmAndToolCalls(const TimelineSpans &s) {
    std::vector<ConcurrencyCall> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<Category>(s.category[i]);
        if ((c != Category::Llm && c != Category::Tool) || (s.flags[i] & SpanInnerLlm)) continue;
        const bool unfinished = s.flags[i] & SpanUnfinished;
        out.push_back({s.start[i], unfinished ? s.start[i] : std::max(s.end[i], s.start[i]),
                       static_cast<std::int32_t>(i)});
    }
    return out;
}

std::vector<ConcurrencySegment> spikeIntervals(const ConcurrencyProfile &p,
                                               std::int32_t threshold) {
    std::vector<ConcurrencySegment> out;
    for (const ConcurrencySegment &s : p.segments)
        if (s.level >= threshold && s.endNs > s.startNs) out.push_back(s);
    return out;
}

std::vector<ConcurrencySpike> spikes(const ConcurrencyProfile &p, std::int32_t threshold) {
    std::vector<ConcurrencySpike> out;
    for (const ConcurrencySegment &s : p.segments) {
        if (s.level < threshold || s.endNs <= s.startNs) continue;
        if (!out.empty() && out.back().endNs == s.startNs) {
            out.back().endNs = s.endNs;
            out.back().peak = std::max(out.back().peak, s.level);
        } else {
            out.push_back({s.startNs, s.endNs, s.level});
        }
    }
    return out;
}

std::vector<std::int32_t> activeCalls(const std::vector<ConcurrencyCall> &calls, std::int64_t from,
                                      std::int64_t to) {
    std::vector<std::int32_t> out;
    for (const ConcurrencyCall &c : calls)
        if (c.startNs <= from && c.endNs >= to && c.endNs > c.startNs) out.push_back(c.span);
    return out;
}

std::vector<std::vector<std::int32_t>>
activeCallsDuring(const std::vector<ConcurrencyCall> &calls,
                  const std::vector<ConcurrencySegment> &intervals) {
    std::vector<std::int32_t> byStart;
    for (std::size_t k = 0; k < calls.size(); ++k)
        if (calls[k].endNs > calls[k].startNs) byStart.push_back(static_cast<std::int32_t>(k));
    std::sort(byStart.begin(), byStart.end(), [&](std::int32_t a, std::int32_t b) {
        return calls[static_cast<std::size_t>(a)].startNs <
               calls[static_cast<std::size_t>(b)].startNs;
    });
    std::set<std::int32_t> open;       // by index, so each list comes out in the calls' order
    std::vector<std::int32_t> endHeap; // min-heap of open calls by end
    const auto laterEnd = [&](std::int32_t a, std::int32_t b) {
        return calls[static_cast<std::size_t>(a)].endNs > calls[static_cast<std::size_t>(b)].endNs;
    };
    std::vector<std::vector<std::int32_t>> out;
    out.reserve(intervals.size());
    std::size_t next = 0;
    for (const ConcurrencySegment &iv : intervals) {
        while (next < byStart.size() &&
               calls[static_cast<std::size_t>(byStart[next])].startNs <= iv.startNs) {
            open.insert(byStart[next]);
            endHeap.push_back(byStart[next++]);
            std::push_heap(endHeap.begin(), endHeap.end(), laterEnd);
        }
        while (!endHeap.empty() &&
               calls[static_cast<std::size_t>(endHeap.front())].endNs < iv.endNs) {
            open.erase(endHeap.front());
            std::pop_heap(endHeap.begin(), endHeap.end(), laterEnd);
            endHeap.pop_back();
        }
        std::vector<std::int32_t> ids;
        ids.reserve(open.size());
        for (const std::int32_t k : open)
            ids.push_back(calls[static_cast<std::size_t>(k)].span);
        out.push_back(std::move(ids));
    }
    return out;
}

std::vector<std::int64_t> callsPerSpike(const std::vector<ConcurrencyCall> &calls,
                                        const std::vector<ConcurrencySpike> &spikes) {
    std::vector<std::int64_t> out(spikes.size(), 0);
    for (const ConcurrencyCall &c : calls) {
        // The first spike ending after the call starts, then each one starting before it ends.
        auto it =
            std::upper_bound(spikes.begin(), spikes.end(), c.startNs,
                             [](std::int64_t t, const ConcurrencySpike &s) { return t < s.endNs; });
        for (; it != spikes.end() && it->startNs < c.endNs; ++it)
            ++out[static_cast<std::size_t>(it - spikes.begin())];
    }
    return out;
}

std::vector<std::int32_t> overlappingCalls(const std::vector<ConcurrencyCall> &calls,
                                           std::int64_t from, std::int64_t to) {
    std::vector<std::int32_t> out;
    for (const ConcurrencyCall &c : calls)
        if (c.startNs < to && c.endNs > from) out.push_back(c.span);
    return out;
}

} // namespace spanscope

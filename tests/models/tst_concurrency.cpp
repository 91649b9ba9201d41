// Calls in flight by NAT's rules, spikes, and NAT's event-order nesting, on hand-built calls
// whose answers are worked out in the comments.
#include "analysis/concurrency.h"
#include "analysis/natstack.h"
#include "core/records.h"
#include "handspans.h"

#include <QTest>
#include <random>

using namespace spanscope;

namespace {

// [0,4], [1,3], a zero-length call at 2, [5,6], and a call started at 3 that never ended.
std::vector<ConcurrencyCall> handCalls() {
    return {{0, 4, 0}, {1, 3, 1}, {2, 2, 2}, {5, 6, 3}, {3, 3, 4}};
}

NatCall call(std::int32_t request, const char *key, const char *kind, std::int64_t start,
             std::int64_t end, bool ended = true) {
    static std::int64_t order = 0;
    return {request, key, kind, key, start, end, ended, order++};
}

} // namespace

class TstConcurrency : public QObject {
    Q_OBJECT
private slots:
    void segmentsAreCutAtEveryEventTime() {
        const ConcurrencyProfile p = concurrencyProfile(handCalls());
        // 0:+1 -> 1; 1:+1 -> 2; 2: the zero-length call splits [1,3] at level 2; 3: -1 (and
        // the unfinished call's instant) -> 1; 4: -1 -> 0; 5: +1 -> 1; 6: -1.
        const std::vector<std::tuple<int, int, int>> want = {{0, 1, 1}, {1, 2, 2}, {2, 3, 2},
                                                             {3, 4, 1}, {4, 5, 0}, {5, 6, 1}};
        QCOMPARE(p.segments.size(), want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            QCOMPARE(p.segments[k].startNs, std::int64_t(std::get<0>(want[k])));
            QCOMPARE(p.segments[k].endNs, std::int64_t(std::get<1>(want[k])));
            QCOMPARE(p.segments[k].level, std::get<2>(want[k]));
        }
        QCOMPARE(p.timeAtLevel.at(0), std::int64_t(1)); // the gap counts at level 0
        QCOMPARE(p.timeAtLevel.at(1), std::int64_t(3));
        QCOMPARE(p.timeAtLevel.at(2), std::int64_t(2));
        QCOMPARE(p.maxLevel, 2);
    }

    void percentilesAreTheLowestLevelReachingTheShare() {
        const ConcurrencyProfile p = concurrencyProfile(handCalls());
        // Cumulative: level 0 1/6, level 1 4/6 (>= 50%), level 2 6/6.
        QCOMPARE(p.p50, 1);
        QCOMPARE(p.percentile(66), 1);
        QCOMPARE(p.percentile(67), 2);
        QCOMPARE(p.p90, 2);
        QCOMPARE(p.p99, 2);
        QCOMPARE(p.levelAt(1), 2);
        QCOMPARE(p.levelAt(4), 0);
        QCOMPARE(p.levelAt(-5), 0);
        QCOMPARE(p.levelAt(6), 0); // past the last end
    }

    void spikeIntervalsAreSegmentsAndSpikesMergeThem() {
        const auto calls = handCalls();
        const ConcurrencyProfile p = concurrencyProfile(calls);
        const auto iv = spikeIntervals(p, 2);
        QCOMPARE(iv.size(), std::size_t(2)); // [1,2] and [2,3]: NAT lists both
        const auto sp = spikes(p, 2);
        QCOMPARE(sp.size(), std::size_t(1));
        QCOMPARE(sp[0].startNs, std::int64_t(1));
        QCOMPARE(sp[0].endNs, std::int64_t(3));
        QCOMPARE(sp[0].peak, 2);
        QCOMPARE(spikes(p, 1).size(), std::size_t(2)); // [0,4] and [5,6]
        QVERIFY(spikes(p, 3).empty());
        // Open during [1,2]: [0,4] and [1,3]; the zero-length calls never are.
        const auto active = activeCallsDuring(calls, iv);
        QCOMPARE(active[0], (std::vector<std::int32_t>{0, 1}));
        QCOMPARE(active[1], (std::vector<std::int32_t>{0, 1}));
        QCOMPARE(activeCalls(calls, 1, 2), active[0]);
        // A spike's call list also names the instant calls inside it (a START that never
        // returned belongs to the spike it started in).
        QCOMPARE(overlappingCalls(calls, 1, 3), (std::vector<std::int32_t>{0, 1, 2}));
        QCOMPARE(overlappingCalls(calls, 3, 5), (std::vector<std::int32_t>{0}));
        // Counted per spike in one pass, they equal the calls listed spike by spike.
        for (const int threshold : {1, 2}) {
            const auto all = spikes(p, threshold);
            const auto counts = callsPerSpike(calls, all);
            QCOMPARE(counts.size(), all.size());
            for (std::size_t k = 0; k < all.size(); ++k)
                QCOMPARE(counts[k],
                         static_cast<std::int64_t>(
                             overlappingCalls(calls, all[k].startNs, all[k].endNs).size()));
        }
    }

    void onlyLlmAndToolCallsCountAndUnfinishedOnesAreInstants() {
        testsupport::HandSpans h;
        const int r = h.add(0, -1, "wf", 0, 10, Category::Workflow);
        h.add(0, r, "llm", 1, 4, Category::Llm);
        h.add(0, r, "wrapper", 2, 8, Category::Llm, SpanInnerLlm);
        h.add(0, r, "inner", 3, 8, Category::Llm);
        h.add(0, r, "tool", 5, 10, Category::Tool, SpanUnfinished);
        const auto calls = llmAndToolCalls(h.spans());
        QCOMPARE(calls.size(), std::size_t(3));
        QCOMPARE(calls[2].startNs, std::int64_t(5));
        QCOMPARE(calls[2].endNs, std::int64_t(5));
        QCOMPARE(concurrencyProfile(calls).maxLevel, 2);
    }

    void maxLevelPerPixelColumn() {
        const ConcurrencyProfile p = concurrencyProfile(handCalls());
        QCOMPARE(maxLevelPerColumn(p, 0, 6, 3), (std::vector<std::int32_t>{2, 2, 1}));
        QCOMPARE(maxLevelPerColumn(p, 0, 6, 6), (std::vector<std::int32_t>{1, 2, 2, 1, 0, 1}));
        QCOMPARE(maxLevelPerColumn(p, 4, 5, 2), (std::vector<std::int32_t>{0, 0}));
        QCOMPARE(maxLevelPerColumn(p, -10, -5, 2), (std::vector<std::int32_t>{0, 0}));
        // Many segments: whole blocks skipped by their maximum give what a scan of every
        // segment gives, at any zoom.
        std::mt19937 rng(5);
        std::vector<ConcurrencyCall> calls;
        for (int k = 0; k < 20000; ++k) {
            const std::int64_t a = static_cast<std::int64_t>(rng() % 1'000'000);
            calls.push_back({a, a + static_cast<std::int64_t>(rng() % 5000), k});
        }
        const ConcurrencyProfile big = concurrencyProfile(calls);
        QVERIFY(big.segments.size() > 4 * ConcurrencyProfile::blockSize);
        for (const auto &[t0, t1, columns] :
             std::vector<std::tuple<std::int64_t, std::int64_t, int>>{{0, 1'005'000, 7},
                                                                      {0, 1'005'000, 1000},
                                                                      {123'456, 456'789, 300},
                                                                      {-500, 2'000'000, 13}}) {
            std::vector<std::int32_t> want(static_cast<std::size_t>(columns), 0);
            const double per = static_cast<double>(t1 - t0) / columns;
            for (const ConcurrencySegment &seg : big.segments) {
                if (seg.endNs <= t0 || seg.startNs >= t1 || seg.endNs <= seg.startNs) continue;
                const auto a = static_cast<std::int64_t>(
                    static_cast<double>(std::max(seg.startNs, t0) - t0) / per);
                const auto b = static_cast<std::int64_t>(
                    static_cast<double>(std::min(seg.endNs, t1) - 1 - t0) / per);
                for (std::int64_t c = std::max<std::int64_t>(a, 0);
                     c <= std::min<std::int64_t>(b, columns - 1); ++c)
                    want[static_cast<std::size_t>(c)] =
                        std::max(want[static_cast<std::size_t>(c)], seg.level);
            }
            QCOMPARE(maxLevelPerColumn(big, t0, t1, columns), want);
        }
    }

    void emptyProfile() {
        const ConcurrencyProfile p = concurrencyProfile({});
        QVERIFY(p.segments.empty());
        QCOMPARE(p.p99, 0);
        QVERIFY(spikes(p, 1).empty());
    }

    void natNestsByEventOrder() {
        // A [0,10] tool; B [1,3] and C [2,5] run in parallel; D starts at 6 and never ends.
        // Events: A+ 0, B+ 1, C+ 2 (child of B, the top), B- 3 (not on top: stays), C- 5 (pops),
        // D+ 6 (child of B, still on the stack), A- 10 (not on top).
        const std::vector<NatCall> calls = {call(0, "A", "TOOL", 0, 10), call(0, "B", "LLM", 1, 3),
                                            call(0, "C", "LLM", 2, 5),
                                            call(0, "D", "LLM", 6, 6, false)};
        const NatStackAnalysis a = natNestedStack(calls);
        QCOMPARE(a.nodes.size(), std::size_t(4));
        std::map<std::string, NatNode> by;
        for (const NatNode &n : a.nodes)
            by[calls[static_cast<std::size_t>(n.call)].key] = n;
        QCOMPARE(by["A"].parent, -1);
        QCOMPARE(by["B"].parent, 0);
        QCOMPARE(by["C"].parent, 1);
        QCOMPARE(by["D"].parent, 1);
        // Depth-first order: A, B, C, D.
        QCOMPARE(a.nodes[2].call, 2);
        QCOMPARE(a.nodes[3].call, 3);
        const double ns = 1e-9;
        QCOMPARE(by["C"].selfS, 3 * ns);
        QCOMPARE(by["B"].selfS, 1 * ns);    // 2 less C clipped to [1,3]
        QCOMPARE(by["B"].subtreeS, 4 * ns); // 1 + 3 + 0: more than its duration
        QCOMPARE(by["A"].selfS, 8 * ns);    // 10 less B's [1,3]
        QCOMPARE(by["A"].subtreeS, 12 * ns);
        QCOMPARE(by["D"].durationS, 0.0);
        QCOMPARE(by["D"].endS, 6 * ns);
        // Levels: [0,1] 1, [1,2] 2, [2,3] 3, [3,5] 2, [5,6] 1, [6,10] 1 (D splits it).
        QCOMPARE(a.concurrency.segments.size(), std::size_t(6));
        QCOMPARE(by["A"].midpointLevel, 1); // at 5
        QCOMPARE(by["B"].midpointLevel, 3); // at 2
        QCOMPARE(by["C"].midpointLevel, 2); // at 3.5
        QCOMPARE(by["D"].midpointLevel, 1); // at its start
        QCOMPARE(a.top, (std::vector<std::int32_t>{0, 1, 2, 3}));
    }

    void natKeepsRequestsApartAndSkipsNothing() {
        const std::vector<NatCall> calls = {call(1, "x", "LLM", 0, 4), call(0, "y", "LLM", 1, 3)};
        const NatStackAnalysis a = natNestedStack(calls);
        // Two requests: two roots, in request order; they overlap only in the timeline.
        QCOMPARE(a.nodes[0].call, 1);
        QCOMPARE(a.nodes[1].parent, -1);
        QCOMPARE(a.concurrency.maxLevel, 2);
    }
};

QTEST_GUILESS_MAIN(TstConcurrency)
#include "tst_concurrency.moc"

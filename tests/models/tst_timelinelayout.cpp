// Timeline geometry: lanes never overlap two spans that overlap in time, a visible range is
// exactly the spans a brute-force scan finds, every span can be hit (sub-pixel ones within the
// tolerance), and the waterfall keeps tree order.
#include "analysis/timelinelayout.h"
#include "core/records.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTest>
#include <numeric>
#include <random>

using namespace spanscope;
using Mode = TimelineLayout::Mode;

namespace {

// Random traces of nested spans, some parallel, some zero-width.
TimelineSpans randomSpans(int traces, int perTrace, unsigned seed) {
    std::mt19937 rng(seed);
    TimelineSpans s;
    s.traceCount = traces;
    s.names = {"root", "child"};
    for (int t = 0; t < traces; ++t) {
        const std::int64_t t0 = std::int64_t(rng() % 1000) * 1000;
        const std::int64_t t1 = t0 + 1000 + rng() % 100000;
        const auto root = static_cast<std::int32_t>(s.size());
        const auto add = [&](std::int32_t parent, std::int64_t a, std::int64_t b) {
            s.start.push_back(a);
            s.end.push_back(b);
            s.parent.push_back(parent);
            s.trace.push_back(t);
            s.category.push_back(0);
            s.flags.push_back(0);
            s.nameId.push_back(parent < 0 ? 0 : 1);
            s.spanId.push_back(static_cast<std::int64_t>(s.size()));
        };
        add(-1, t0, t1);
        for (int k = 1; k < perTrace; ++k) {
            const std::int32_t p =
                root + static_cast<std::int32_t>(rng() % static_cast<unsigned>(k));
            const std::int64_t ps = s.start[static_cast<std::size_t>(p)],
                               pe = s.end[static_cast<std::size_t>(p)];
            const std::int64_t a =
                ps + static_cast<std::int64_t>(rng() % static_cast<unsigned>(pe - ps + 1));
            const std::int64_t b =
                rng() % 5 == 0
                    ? a
                    : a + static_cast<std::int64_t>(rng() % static_cast<unsigned>(pe - a + 1));
            add(p, a, b);
        }
    }
    return s;
}

} // namespace

class TstTimelineLayout : public QObject {
    Q_OBJECT
private slots:
    void lanesNeverOverlap_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("gantt per trace") << int(Mode::GanttPerTrace);
        QTest::newRow("gantt packed") << int(Mode::GanttPacked);
        QTest::newRow("waterfall") << int(Mode::Waterfall);
    }
    void lanesNeverOverlap() {
        QFETCH(int, mode);
        const TimelineSpans s = randomSpans(40, 60, 7);
        const TimelineLayout l = TimelineLayout::build(s, Mode(mode));
        std::size_t placed = 0;
        for (std::int32_t lane = 0; lane < l.laneCount(); ++lane) {
            for (const std::int32_t *it = l.laneBegin(lane); it != l.laneEnd(lane); ++it) {
                ++placed;
                QCOMPARE(l.laneOf(*it), lane);
                if (it + 1 != l.laneEnd(lane))
                    QVERIFY2(s.end[static_cast<std::size_t>(*it)] <=
                                 s.start[static_cast<std::size_t>(*(it + 1))],
                             "two spans of a lane overlap");
            }
        }
        QCOMPARE(placed, s.size());
        if (Mode(mode) == Mode::GanttPerTrace) // each trace's lanes form one block, in order
            for (std::size_t i = 0; i < s.size(); ++i) {
                const auto t = static_cast<std::size_t>(s.trace[i]);
                const std::int32_t first = l.traceFirstLane()[t];
                const std::int32_t next =
                    t + 1 < l.traceFirstLane().size() ? l.traceFirstLane()[t + 1] : l.laneCount();
                QVERIFY(l.laneOf(static_cast<std::int32_t>(i)) >= first &&
                        l.laneOf(static_cast<std::int32_t>(i)) < next);
            }
    }

    void visibleRangeIsExact() {
        const TimelineSpans s = randomSpans(30, 50, 11);
        std::mt19937 rng(3);
        for (const Mode mode : {Mode::GanttPerTrace, Mode::GanttPacked}) {
            const TimelineLayout l = TimelineLayout::build(s, mode);
            for (int q = 0; q < 300; ++q) {
                const std::int64_t a = std::int64_t(rng() % 1'200'000),
                                   b = a + std::int64_t(rng() % 200'000);
                const auto lane =
                    static_cast<std::int32_t>(rng() % static_cast<unsigned>(l.laneCount()));
                const auto [first, last] = l.visible(s, lane, a, b);
                std::vector<std::int32_t> got(first, last), want;
                for (const std::int32_t *it = l.laneBegin(lane); it != l.laneEnd(lane); ++it)
                    if (s.end[static_cast<std::size_t>(*it)] >= a &&
                        s.start[static_cast<std::size_t>(*it)] <= b)
                        want.push_back(*it);
                QCOMPARE(got, want);
            }
        }
    }

    void everySpanCanBeHit() {
        const TimelineSpans s = randomSpans(20, 40, 5);
        const TimelineLayout l = TimelineLayout::build(s, Mode::GanttPerTrace);
        const std::int64_t onePixel = 50; // ns per pixel at some zoom
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto span = static_cast<std::int32_t>(i);
            const std::int64_t mid = s.start[i] + (s.end[i] - s.start[i]) / 2;
            QCOMPARE(l.hit(s, l.laneOf(span), mid, onePixel), span);
        }
        QCOMPARE(l.hit(s, 0, -10'000'000, onePixel), -1);
        QCOMPARE(l.hit(s, l.laneCount(), 0, onePixel), -1);
    }

    void subPixelSpansStayClickableWithinOnePixel() {
        // A 10 ns call between two long ones, at 1000 ns a pixel: it draws narrower than a pixel.
        TimelineSpans s;
        s.traceCount = 1;
        s.names = {"n"};
        for (const auto &[a, b] : std::vector<std::pair<std::int64_t, std::int64_t>>{
                 {0, 100'000}, {150'000, 150'010}, {200'000, 300'000}}) {
            s.start.push_back(a);
            s.end.push_back(b);
            s.parent.push_back(-1);
            s.trace.push_back(0);
            s.category.push_back(0);
            s.flags.push_back(0);
            s.nameId.push_back(0);
            s.spanId.push_back(static_cast<std::int64_t>(s.size()));
        }
        const TimelineLayout l = TimelineLayout::build(s, Mode::GanttPacked);
        QCOMPARE(l.laneCount(), 1);
        const std::int64_t px = 1000;
        QCOMPARE(l.hit(s, 0, 150'005, px), 1);
        QCOMPARE(l.hit(s, 0, 150'010 + px, px), 1); // a pixel to the right
        QCOMPARE(l.hit(s, 0, 150'000 - px, px), 1); // a pixel to the left
        QCOMPARE(l.hit(s, 0, 150'010 + 2 * px, px), -1);
        QCOMPARE(l.hit(s, 0, 100'000 + px / 2, px), 0); // the long one's edge is nearer
    }

    void waterfallKeepsTreeOrder() {
        const TimelineSpans s = randomSpans(5, 30, 9);
        const TimelineLayout all = TimelineLayout::build(s, Mode::Waterfall);
        QCOMPARE(all.laneCount(), std::int32_t(s.size()));
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s.parent[i] >= 0)
                QVERIFY(all.laneOf(s.parent[i]) < all.laneOf(static_cast<std::int32_t>(i)));
        const TimelineLayout one = TimelineLayout::build(s, Mode::Waterfall, 2);
        QCOMPARE(one.laneCount(), 30);
        QCOMPARE(one.shownCount(), std::size_t(30));
        for (std::size_t i = 0; i < s.size(); ++i)
            QCOMPARE(one.laneOf(static_cast<std::int32_t>(i)) >= 0, s.trace[i] == 2);
    }

    void loadsARunFromTheWorkspace() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs =
            testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/parallel-newer")));
        const TimelineSpans s = RunQueries(ws).timelineSpans(runs[0].runId);
        QCOMPARE(s.size(), std::size_t(8));
        QCOMPARE(s.traceCount, 2);
        int roots = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s.parent[i] < 0) {
                ++roots;
                QCOMPARE(s.names[s.nameId[i]], std::string("agent"));
            } else {
                QCOMPARE(s.trace[static_cast<std::size_t>(s.parent[i])], s.trace[i]);
            }
        }
        QCOMPARE(roots, 2);
        // Grouped by trace, by start within a trace (self time and layout rely on it).
        for (std::size_t i = 1; i < s.size(); ++i) {
            QVERIFY(s.trace[i - 1] <= s.trace[i]);
            if (s.trace[i - 1] == s.trace[i]) QVERIFY(s.start[i - 1] <= s.start[i]);
        }
        // The two parallel searches of request 0 overlap: the packed Gantt needs separate lanes.
        const TimelineLayout l = TimelineLayout::build(s, Mode::GanttPerTrace);
        QVERIFY(l.laneCount() >= 4);
        QVERIFY(s.bytes() / s.size() < 100 + 64); // columns plus the few names of a tiny run
    }

    void waterfallCollapseHidesDescendantsOnly() {
        const TimelineSpans s = randomSpans(4, 60, 11);
        const TimelineLayout full = TimelineLayout::build(s, Mode::Waterfall, 1);
        // Depths follow the tree; a span has children exactly when one names it as parent.
        std::vector<int> children(s.size(), 0);
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s.parent[i] >= 0) ++children[static_cast<std::size_t>(s.parent[i])];
        std::int32_t parentOfMost = -1;
        for (std::int32_t lane = 0; lane < full.laneCount(); ++lane) {
            const std::int32_t span = *full.laneBegin(lane);
            const auto i = static_cast<std::size_t>(span);
            QCOMPARE(full.laneHasChildren(lane), children[i] > 0);
            if (s.parent[i] < 0) {
                QCOMPARE(full.laneDepth(lane), 0);
            } else {
                QCOMPARE(full.laneDepth(lane), full.laneDepth(full.laneOf(s.parent[i])) + 1);
                if (parentOfMost < 0 ||
                    children[i] > children[static_cast<std::size_t>(parentOfMost)])
                    parentOfMost = span;
            }
        }
        QVERIFY(parentOfMost >= 0);
        // Collapsing it hides its descendants (counted by walking up from every span), keeps
        // its own row, and moves nothing else out.
        const auto descends = [&](std::size_t i) {
            for (std::int32_t p = s.parent[i]; p >= 0; p = s.parent[static_cast<std::size_t>(p)])
                if (p == parentOfMost) return true;
            return false;
        };
        std::vector<bool> collapsed(s.size(), false);
        collapsed[static_cast<std::size_t>(parentOfMost)] = true;
        const TimelineLayout folded = TimelineLayout::build(s, Mode::Waterfall, 1, &collapsed);
        int hidden = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s.trace[i] != 1) continue;
            const bool gone = descends(i);
            hidden += gone ? 1 : 0;
            QCOMPARE(folded.laneOf(static_cast<std::int32_t>(i)) < 0, gone);
        }
        QVERIFY(hidden > 0);
        QCOMPARE(folded.laneCount(), full.laneCount() - hidden);
        QVERIFY(folded.laneHasChildren(folded.laneOf(parentOfMost)));
    }

    // Issue 13, item 9: "hide unfinished" takes those spans out of every layout, and nothing
    // else; a request left with no span keeps the groups' first lanes ascending.
    void hiddenFlagsTakeSpansOutOfEveryLayout() {
        TimelineSpans s = randomSpans(6, 30, 3);
        for (std::size_t i = 0; i < s.size(); ++i)
            if (i % 5 == 2 || s.trace[i] == 3) s.flags[i] |= SpanUnfinished;
        for (const Mode mode : {Mode::GanttPerTrace, Mode::GanttPacked, Mode::Waterfall}) {
            const TimelineLayout all = TimelineLayout::build(s, mode);
            const TimelineLayout some = TimelineLayout::build(s, mode, -1, nullptr, SpanUnfinished);
            std::size_t kept = 0;
            for (std::size_t i = 0; i < s.size(); ++i) {
                const bool unfinished = s.flags[i] & SpanUnfinished;
                QVERIFY(all.laneOf(static_cast<std::int32_t>(i)) >= 0);
                QCOMPARE(some.laneOf(static_cast<std::int32_t>(i)) < 0, unfinished);
                kept += unfinished ? 0 : 1;
            }
            QCOMPARE(some.shownCount(), kept);
            QVERIFY(kept < s.size());
            const auto &firsts = some.traceFirstLane();
            QVERIFY(std::is_sorted(firsts.begin(), firsts.end()));
            if (mode == Mode::GanttPerTrace) {
                QCOMPARE(firsts.size(), std::size_t{6});
                QCOMPARE(firsts[3], firsts[4]); // request 3 has no span left: no lanes
            }
        }
    }

    void laneArraysMatchTheColumns() {
        TimelineSpans s = randomSpans(50, 40, 5);
        for (std::size_t i = 0; i < s.size(); ++i) {
            s.category[i] = static_cast<std::uint8_t>(i % 13);
            s.flags[i] = static_cast<std::uint8_t>(i % 7);
        }
        for (const Mode mode : {Mode::GanttPerTrace, Mode::GanttPacked, Mode::Waterfall}) {
            const TimelineLayout l = TimelineLayout::build(s, mode);
            for (std::int32_t lane = 0; lane < l.laneCount(); ++lane)
                for (std::ptrdiff_t k = 0; k < l.laneEnd(lane) - l.laneBegin(lane); ++k) {
                    const auto i = static_cast<std::size_t>(l.laneBegin(lane)[k]);
                    QCOMPARE(l.laneStarts(lane)[k], s.start[i]);
                    QCOMPARE(l.laneEnds(lane)[k], std::max(s.start[i], s.end[i]));
                    QCOMPARE(l.laneStyles(lane)[k] & 0xff, int(s.category[i]));
                    QCOMPARE(l.laneStyles(lane)[k] >> 8, int(s.flags[i]));
                }
        }
    }

    void sortedAndShuffledInputLayOutAlike() {
        // The per-request layout skips its sort for input already in (trace, start) order, as
        // RunQueries delivers it: the lanes must be the same as for the same spans shuffled.
        const TimelineSpans shuffled = randomSpans(30, 50, 9);
        std::vector<std::int32_t> order(shuffled.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
            const auto i = static_cast<std::size_t>(a), j = static_cast<std::size_t>(b);
            if (shuffled.trace[i] != shuffled.trace[j])
                return shuffled.trace[i] < shuffled.trace[j];
            if (shuffled.start[i] != shuffled.start[j])
                return shuffled.start[i] < shuffled.start[j];
            return shuffled.end[i] > shuffled.end[j];
        });
        TimelineSpans sorted = shuffled;
        std::vector<std::int32_t> where(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto i = static_cast<std::size_t>(order[k]);
            where[i] = static_cast<std::int32_t>(k);
            sorted.start[k] = shuffled.start[i];
            sorted.end[k] = shuffled.end[i];
            sorted.trace[k] = shuffled.trace[i];
        }
        const TimelineLayout a = TimelineLayout::build(shuffled, Mode::GanttPerTrace);
        const TimelineLayout b = TimelineLayout::build(sorted, Mode::GanttPerTrace);
        QCOMPARE(a.laneCount(), b.laneCount());
        for (std::size_t i = 0; i < shuffled.size(); ++i)
            QCOMPARE(a.laneOf(static_cast<std::int32_t>(i)), b.laneOf(where[i]));
    }

    void packedLaneIsTheLowestFreeOne() {
        // Reference: spans in start order (longer first at equal starts), each in the lowest
        // lane whose last span ended by its start, found by a linear scan.
        const TimelineSpans s = randomSpans(40, 80, 21);
        const TimelineLayout l = TimelineLayout::build(s, Mode::GanttPacked);
        std::vector<std::int32_t> order(s.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
            const auto i = static_cast<std::size_t>(a), j = static_cast<std::size_t>(b);
            if (s.start[i] != s.start[j]) return s.start[i] < s.start[j];
            if (s.end[i] != s.end[j]) return s.end[i] > s.end[j];
            return a < b;
        });
        std::vector<std::int64_t> laneEnd;
        for (const std::int32_t span : order) {
            const auto i = static_cast<std::size_t>(span);
            std::size_t lane = 0;
            while (lane < laneEnd.size() && laneEnd[lane] > s.start[i])
                ++lane;
            if (lane == laneEnd.size()) laneEnd.push_back(0);
            laneEnd[lane] = std::max(s.end[i], s.start[i] + 1);
            QCOMPARE(l.laneOf(span), static_cast<std::int32_t>(lane));
        }
        QCOMPARE(l.laneCount(), static_cast<std::int32_t>(laneEnd.size()));
    }

    void memoryPerSpanIsSmall() {
        const TimelineSpans s = randomSpans(1000, 200, 1); // 200k spans, two names
        const TimelineLayout l = TimelineLayout::build(s, Mode::GanttPerTrace);
        const double perSpan = double(s.bytes() + l.bytes()) / double(s.size());
        QVERIFY2(perSpan < 100.0, qPrintable(QString::number(perSpan)));
    }
};

QTEST_GUILESS_MAIN(TstTimelineLayout)
#include "tst_timelinelayout.moc"

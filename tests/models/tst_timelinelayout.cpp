// Timeline geometry: lanes never overlap two spans that overlap in time, a visible range is
// exactly the spans a brute-force scan finds, every span can be hit (sub-pixel ones within the
// tolerance), and the waterfall keeps tree order.
#include "analysis/timelinelayout.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTest>
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
        // The two parallel searches of request 0 overlap: the packed Gantt needs separate lanes.
        const TimelineLayout l = TimelineLayout::build(s, Mode::GanttPerTrace);
        QVERIFY(l.laneCount() >= 4);
        QVERIFY(s.bytes() / s.size() < 100 + 64); // columns plus the few names of a tiny run
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

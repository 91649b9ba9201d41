// Lane coverage summaries: each kept level lists every span of the lane once, in order, folds the
// lane at least 4x, keeps apart what is more than its gap apart and never hides a span long
// enough to draw in a block; and a packed frame built from them (the zoomed-out case) still
// counts every visible span once, draws every span that is wide enough on its own and paints
// nothing where no span is.
#include "analysis/lanecoverage.h"
#include "analysis/timelineframe.h"
#include "handspans.h"

#include <QTest>
#include <algorithm>
#include <random>

using namespace spanscope;

namespace {

// One busy lane: bursts of short calls with longer ones between them, gaps from 0 to ~10 us.
struct Lane {
    std::vector<std::int64_t> starts, ends;
    std::vector<std::uint16_t> styles;
};

Lane busyLane(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    Lane l;
    std::int64_t at = 1'000'000;
    for (std::size_t k = 0; k < n; ++k) {
        const std::int64_t len = rng() % 50 == 0 ? std::int64_t(200'000 + rng() % 2'000'000)
                                                 : std::int64_t(rng() % 3000);
        l.starts.push_back(at);
        l.ends.push_back(at + len);
        const std::uint8_t flags = rng() % 211 == 0 ? 1 : 0; // SpanError
        l.styles.push_back(static_cast<std::uint16_t>((k % 7) | flags << 8));
        at += len + (rng() % 10 == 0 ? std::int64_t(rng() % 10'000) : std::int64_t(rng() % 40));
    }
    return l;
}

// Many concurrent requests: the packed layout puts them in a few long, busy lanes.
TimelineSpans concurrentCalls(int traces, int calls, unsigned seed) {
    std::mt19937 rng(seed);
    testsupport::HandSpans s;
    for (int t = 0; t < traces; ++t) {
        std::int64_t at = std::int64_t(rng() % 1000) * 997;
        for (int k = 0; k < calls; ++k) {
            const std::int64_t len =
                rng() % 40 == 0 ? std::int64_t(rng() % 2'000'000) : std::int64_t(rng() % 900);
            s.add(t, -1, "call", at, at + len, static_cast<Category>(k % 5), k % 173 == 0 ? 1 : 0);
            at += len + std::int64_t(rng() % 3000);
        }
    }
    return s.spans();
}

} // namespace

class TstLaneCoverage : public QObject {
    Q_OBJECT
private slots:
    void levelsListEverySpanOnceAndFoldOnlyNarrowOnes_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("bursts of calls") << QStringLiteral("busy");
        QTest::newRow("1 ns spans 1 ns apart") << QStringLiteral("tiny");
        QTest::newRow("long spans far apart") << QStringLiteral("sparse");
        QTest::newRow("one long span amid short ones") << QStringLiteral("mixed");
    }

    void levelsListEverySpanOnceAndFoldOnlyNarrowOnes() {
        QFETCH(QString, kind);
        Lane l;
        if (kind == QLatin1String("busy")) {
            l = busyLane(200'000, 3);
        } else {
            for (std::int64_t k = 0; k < 5000; ++k) {
                std::int64_t a = 2 * k, b = 2 * k + 1; // tiny
                if (kind == QLatin1String("sparse")) a = k * 11'000'000'000, b = a + 1'000'000'000;
                if (kind == QLatin1String("mixed")) {
                    a = k * 100 + (k > 2500 ? 50'000'000 : 0);
                    b = k == 2500 ? a + 50'000'000 : a + 60;
                }
                l.starts.push_back(a);
                l.ends.push_back(b);
                l.styles.push_back(static_cast<std::uint16_t>((k % 3) | (k % 97 == 0) << 8));
            }
        }
        const LaneCoverage c =
            LaneCoverage::build(l.starts.data(), l.ends.data(), l.styles.data(), l.starts.size());
        // Regular lanes fold all at once (one level); bursty ones level by level.
        QVERIFY(c.levelCount() >= (kind == QLatin1String("busy") ? 3u : 1u));
        std::size_t previous = l.starts.size();
        for (std::size_t level = 0; level < c.levelCount(); ++level) {
            const std::int64_t g = c.gapNs(level);
            QVERIFY(level == 0 || g > c.gapNs(level - 1));
            const std::vector<CoverageEntry> *entries = c.level(static_cast<double>(g));
            QVERIFY(entries);
            QVERIFY(entries->size() * 4 <= l.starts.size());
            QVERIFY(entries->size() * 2 <= previous);
            previous = entries->size();
            std::int32_t next = 0;
            const CoverageEntry *last = nullptr;
            for (const CoverageEntry &e : *entries) {
                QCOMPARE(e.first, next); // in order, each span once
                next += e.count;
                QCOMPARE(e.start, l.starts[static_cast<std::size_t>(e.first)]);
                QCOMPARE(e.end, l.ends[static_cast<std::size_t>(e.first + e.count - 1)]);
                std::uint8_t flags = 0;
                for (std::int32_t k = e.first; k < e.first + e.count; ++k) {
                    const auto i = static_cast<std::size_t>(k);
                    flags |= static_cast<std::uint8_t>(l.styles[i] >> 8);
                    // A block holds only spans too short to draw alone at this level's zooms.
                    if (e.block) QVERIFY(l.ends[i] - l.starts[i] < 2 * g);
                }
                QCOMPARE(e.flags, flags);
                if (!e.block) QCOMPARE(e.count, 1);
                // Two blocks side by side are at least a gap apart: else they would be one.
                if (last && last->block && e.block) QVERIFY(e.start - last->end >= g);
                last = &e;
            }
            QCOMPARE(static_cast<std::size_t>(next), l.starts.size());
        }
        // The coarsest level is a handful of entries: a whole-run zoom reads almost nothing.
        QVERIFY(c.level(1e18)->size() <= 8);
        // A zoom finer than every level has none; a coarse one gets the coarsest.
        QVERIFY(!c.level(static_cast<double>(c.gapNs(0)) / 2));
        QCOMPARE(c.level(1e18), c.level(static_cast<double>(c.gapNs(c.levelCount() - 1))));
        QVERIFY(c.bytes() < l.starts.size() * 16); // at most half an entry a span
    }

    void zoomedOutPackedFramesLoseNothing() {
        const TimelineSpans s = concurrentCalls(400, 1500, 9); // 600k spans
        const TimelineLayout layout = TimelineLayout::build(s, TimelineLayout::Mode::GanttPacked);
        std::int32_t summarised = 0;
        for (std::int32_t lane = 0; lane < layout.laneCount(); ++lane)
            summarised += layout.coverage(lane) ? 1 : 0;
        QVERIFY(summarised >= 10);
        const auto [lo, hi] = timeRange(s);
        // Full zoom-out, then zooms with edges cutting through blocks, at odd offsets.
        for (const double fraction : {1.0, 0.37, 0.05, 0.004}) {
            TimelineViewport v;
            v.widthPx = 1500;
            v.heightPx = 700;
            v.laneHeightPx = 14;
            v.nsPerPixel = double(hi - lo) * fraction / v.widthPx;
            v.t0 = lo + std::int64_t(double(hi - lo) * (1 - fraction) * 0.61) + 12345;
            TimelineFrame frame;
            frame.build(s, layout, v);
            const int lanes = std::min<int>(layout.laneCount(), v.heightPx / v.laneHeightPx + 1);
            const auto col = [&](std::int64_t t) {
                return static_cast<int>(std::floor(double(t - v.t0) / v.nsPerPixel));
            };
            // What each lane's rects paint, column by column.
            std::vector<std::vector<char>> painted(std::size_t(lanes),
                                                   std::vector<char>(std::size_t(v.widthPx), 0));
            std::vector<std::int32_t> ownRect(s.size(), 0);
            for (const TimelineRect &r : frame.rects()) {
                const std::int32_t lane = layout.laneOf(r.span);
                QVERIFY(lane < lanes);
                for (int x = std::max(0, r.x); x < std::min(v.widthPx, r.x + std::max(1, r.w)); ++x)
                    painted[std::size_t(lane)][std::size_t(x)] = 1;
                if (r.count == 1) ownRect[static_cast<std::size_t>(r.span)] = r.w;
            }
            std::size_t want = 0;
            std::vector<std::vector<char>> touched(std::size_t(lanes),
                                                   std::vector<char>(std::size_t(v.widthPx), 0));
            for (std::size_t i = 0; i < s.size(); ++i) {
                const std::int32_t lane = layout.laneOf(static_cast<std::int32_t>(i));
                if (lane >= lanes || s.end[i] < v.t0 || s.start[i] > v.t1()) continue;
                ++want;
                const int x0 = std::clamp(col(s.start[i]), 0, v.widthPx - 1),
                          x1 = std::min(v.widthPx - 1, col(s.end[i]));
                for (int x = x0; x <= x1; ++x)
                    touched[std::size_t(lane)][std::size_t(x)] = 1;
                // Not lost: its first column on screen is painted in its lane.
                QVERIFY2(painted[std::size_t(lane)][std::size_t(x0)],
                         qPrintable(QStringLiteral("span %1 at %2").arg(i).arg(fraction)));
                // Wide enough to draw alone: drawn alone, never hidden in a fold.
                if (s.end[i] <= v.t1() && s.start[i] >= v.t0 &&
                    double(s.end[i] - s.start[i]) / v.nsPerPixel >= v.minWidthPx + 1)
                    QVERIFY(ownRect[i] >= v.minWidthPx);
            }
            QCOMPARE(frame.spansCovered(), want);
            // Nothing painted further than a column from where a span is.
            for (int lane = 0; lane < lanes; ++lane)
                for (int x = 0; x < v.widthPx; ++x) {
                    if (!painted[std::size_t(lane)][std::size_t(x)]) continue;
                    bool near = false;
                    for (int d = -1; d <= 1 && !near; ++d)
                        near = x + d >= 0 && x + d < v.widthPx &&
                               touched[std::size_t(lane)][std::size_t(x + d)];
                    QVERIFY2(near, qPrintable(QStringLiteral("lane %1 column %2 at %3")
                                                  .arg(lane)
                                                  .arg(x)
                                                  .arg(fraction)));
                }
            if (fraction == 1.0) QVERIFY(frame.rects().size() < want / 8); // most folded
        }
    }
};

QTEST_GUILESS_MAIN(TstLaneCoverage)
#include "tst_lanecoverage.moc"

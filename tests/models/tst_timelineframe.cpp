// Timeline frames: every visible span is drawn or folded exactly once, folds never hide a span
// wide enough to draw, rects stay inside their lane, and a full zoom-out of many spans stays a
// few rects a pixel column.
#include "analysis/timelineframe.h"
#include "handspans.h"

#include <QTest>
#include <random>
#include <set>

using namespace spanscope;

namespace {

TimelineSpans lanesOfCalls(int traces, int callsPerTrace, unsigned seed) {
    std::mt19937 rng(seed);
    testsupport::HandSpans s;
    for (int t = 0; t < traces; ++t) {
        std::int64_t at = std::int64_t(t) * 1000;
        for (int k = 0; k < callsPerTrace; ++k) {
            const std::int64_t len =
                rng() % 4 == 0 ? std::int64_t(rng() % 100000) : std::int64_t(rng() % 50);
            s.add(t, -1, "call", at, at + len, static_cast<Category>(k % 5));
            at += len + std::int64_t(rng() % 200);
        }
    }
    return s.spans();
}

} // namespace

class TstTimelineFrame : public QObject {
    Q_OBJECT
private slots:
    void everyVisibleSpanOnceAndFoldsHideNothingWide() {
        const TimelineSpans s = lanesOfCalls(30, 400, 4);
        const TimelineLayout layout = TimelineLayout::build(s, TimelineLayout::Mode::GanttPerTrace);
        for (const double nsPerPixel : {1.0, 37.0, 1000.0, 250000.0}) {
            TimelineViewport v;
            v.t0 = 5000;
            v.nsPerPixel = nsPerPixel;
            v.widthPx = 1920;
            v.heightPx = 1080;
            v.laneHeightPx = 16;
            TimelineFrame frame;
            frame.build(s, layout, v);
            // Count what a brute-force scan sees in the shown lanes.
            std::size_t want = 0;
            const int lanes = std::min<int>(layout.laneCount(), v.heightPx / v.laneHeightPx + 1);
            for (std::size_t i = 0; i < s.size(); ++i)
                if (layout.laneOf(static_cast<std::int32_t>(i)) < lanes && s.end[i] >= v.t0 &&
                    s.start[i] <= v.t1())
                    ++want;
            QCOMPARE(frame.spansCovered(), want);
            std::set<std::int32_t> firsts;
            for (const TimelineRect &r : frame.rects()) {
                QVERIFY(firsts.insert(r.span).second);
                QVERIFY(r.w >= 1);
                QVERIFY(r.y >= 0 && r.y + r.h <= lanes * v.laneHeightPx);
                if (r.count >
                    1) { // no span inside a fold is wide enough on screen to draw on its own
                    const std::int32_t *b = layout.laneBegin(layout.laneOf(r.span));
                    const std::int32_t *e = layout.laneEnd(layout.laneOf(r.span));
                    const std::int32_t *at = std::find(b, e, r.span);
                    for (int k = 0; k < r.count; ++k) {
                        const auto i = static_cast<std::size_t>(at[k]);
                        const double onScreen =
                            double(std::min(s.end[i], v.t1()) - std::max(s.start[i], v.t0));
                        QVERIFY(onScreen / nsPerPixel < v.minWidthPx + 1);
                    }
                }
            }
        }
    }

    void touchingFoldsMergeAndKeepTheirErrors() {
        TimelineSpans s = lanesOfCalls(20, 3000, 6);
        for (std::size_t i = 0; i < s.size(); i += 97)
            s.flags[i] = 1; // SpanError
        const TimelineLayout layout = TimelineLayout::build(s, TimelineLayout::Mode::GanttPerTrace);
        TimelineViewport v;
        v.t0 = 0;
        v.nsPerPixel = 5000;
        v.widthPx = 1920;
        v.heightPx = 1080;
        TimelineFrame frame;
        frame.build(s, layout, v);
        const TimelineRect *prev = nullptr;
        std::size_t errorsSeen = 0, errorsWanted = 0;
        for (const TimelineRect &r : frame.rects()) {
            const bool folds = r.count > 1 || r.w < v.minWidthPx;
            // Two folding rects of a lane never touch: they would have been one.
            if (prev && prev->y == r.y && folds && (prev->count > 1 || prev->w < v.minWidthPx))
                QVERIFY(prev->x + prev->w < r.x);
            prev = &r;
            // The spans of a rect are the next `count` of its lane; any error among them marks it.
            const std::int32_t lane = layout.laneOf(r.span);
            const std::int32_t *at =
                std::find(layout.laneBegin(lane), layout.laneEnd(lane), r.span);
            bool error = false;
            for (int k = 0; k < r.count; ++k)
                error |= (s.flags[static_cast<std::size_t>(at[k])] & 1) != 0;
            if (error && r.count <= 64) {
                ++errorsWanted;
                errorsSeen += (r.flags & 1) ? 1 : 0;
            }
        }
        QVERIFY(errorsWanted > 0);
        QCOMPARE(errorsSeen, errorsWanted);
    }

    void fullZoomOutIsBoundedByPixels() {
        const TimelineSpans s = lanesOfCalls(60, 5000, 8); // 300k spans
        const TimelineLayout layout = TimelineLayout::build(s, TimelineLayout::Mode::GanttPerTrace);
        std::int64_t lo = s.start[0], hi = s.end[0];
        for (std::size_t i = 0; i < s.size(); ++i) {
            lo = std::min(lo, s.start[i]);
            hi = std::max(hi, s.end[i]);
        }
        TimelineViewport v;
        v.t0 = lo;
        v.widthPx = 1920;
        v.nsPerPixel = double(hi - lo) / v.widthPx;
        v.heightPx = 1080;
        TimelineFrame frame;
        frame.build(s, layout, v);
        const int lanes = std::min<int>(layout.laneCount(), v.heightPx / v.laneHeightPx + 1);
        QVERIFY(frame.rects().size() <= std::size_t(lanes) * std::size_t(v.widthPx));
        QVERIFY(frame.rects().size() < frame.spansCovered() / 4); // most were folded
    }
};

QTEST_GUILESS_MAIN(TstTimelineFrame)
#include "tst_timelineframe.moc"

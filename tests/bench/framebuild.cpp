// Frame-build benchmark for the timeline core (issue: desktop app): builds N generated spans
// (agent requests of nested calls, concurrent), lays them out as a per-request Gantt, and times
// TimelineFrame::build for a 1920x1080 viewport at full zoom-out, mid zoom and deep zoom, median
// of 60 frames each, against a baseline in the same run: a frame computed by scanning every
// span of the visible lanes (no binary search, no folding). Geometry only: painting is the
// widget's part. Usage: spanscope-bench-frame [N ...]   (default 1000000 10000000)
#include "analysis/timelineframe.h"
#include "benchspans.h"
#include "benchtiming.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace spanscope;

namespace {

// The baseline: every span of the visible lanes looked at, each drawn at least 1 px wide.
std::size_t naiveFrame(const TimelineSpans &s, const TimelineLayout &l, const TimelineViewport &v,
                       std::vector<TimelineRect> &out) {
    out.clear();
    bench::forEachSpanNaively(s, l, v, [&](std::int32_t row, std::size_t i, double a, double b) {
        const auto x0 = static_cast<std::int32_t>(a), x1 = static_cast<std::int32_t>(b);
        out.push_back({x0, row * v.laneHeightPx, std::max(1, x1 - x0), v.laneHeightPx,
                       static_cast<std::int32_t>(i), 1, s.category[i], 0});
    });
    return out.size();
}

} // namespace

int main(int argc, char *argv[]) {
    std::vector<std::int64_t> sizes;
    for (int a = 1; a < argc; ++a)
        sizes.push_back(std::atoll(argv[a]));
    if (sizes.empty()) sizes = {1'000'000, 10'000'000};
    std::printf("timeline frame build, 1920x1080, median of 60 (baseline: scan every span of the "
                "visible lanes)\n");
    for (const std::int64_t n : sizes) {
        const TimelineSpans s = bench::generate(n);
        QElapsedTimer t;
        t.start();
        const TimelineLayout layout = TimelineLayout::build(s, TimelineLayout::Mode::GanttPacked);
        const double layoutMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
        const std::int64_t lo = *std::min_element(s.start.begin(), s.start.end());
        const std::int64_t hi = *std::max_element(s.end.begin(), s.end.end());
        std::printf("%lld spans: %d lanes, layout %.0f ms, %.1f bytes a span (columns + layout)\n",
                    static_cast<long long>(n), layout.laneCount(), layoutMs,
                    static_cast<double>(s.bytes() + layout.bytes()) / static_cast<double>(n));
        for (const auto &[label, fraction] : {std::pair<const char *, double>{"full zoom-out", 1.0},
                                              {"mid zoom", 1e-2},
                                              {"deep zoom", 1e-5}}) {
            TimelineViewport v;
            v.widthPx = 1920;
            v.heightPx = 1080;
            v.nsPerPixel = static_cast<double>(hi - lo) * fraction / v.widthPx;
            v.t0 =
                lo + static_cast<std::int64_t>(static_cast<double>(hi - lo) * (1 - fraction) / 2);
            TimelineFrame frame;
            std::vector<TimelineRect> naive;
            const double ours = bench::medianMs([&] { frame.build(s, layout, v); });
            const double base = bench::medianMs([&] { naiveFrame(s, layout, v, naive); });
            std::printf("  %-13s ours %8.3f ms (%6zu rects, %8zu spans)  baseline %8.3f ms (%8zu "
                        "rects)  %.1fx\n",
                        label, ours, frame.rects().size(), frame.spansCovered(), base, naive.size(),
                        base / ours);
        }
    }
    return 0;
}

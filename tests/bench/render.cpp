// Timeline render benchmark (issue: desktop app): N generated spans drawn by the real
// TimelineView into a 1920x1080 image offscreen (frame geometry and painting, as on screen),
// at full zoom-out, a mid zoom (1 % of the run) and a deep zoom (0.001 %), median of 60
// frames, in two layouts: a lane group per request (the app's default) and packed by
// concurrency (every span in ~380 lanes: the hard case). Baseline in the same run: the same
// image painted the simple way, every span of the visible lanes as its own fillRect. The view
// pans a pixel between frames, so every frame is computed and painted anew.
// Usage: QT_QPA_PLATFORM=offscreen spanscope-bench-render [--save DIR] [--ours] [N ...]
//        (default 1000000 10000000; --save writes each measured frame as a PNG to look at;
//        --ours leaves the baseline out, for a profiler)
#include "analysis/timelinelayout.h"
#include "benchspans.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QString>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace spanscope;

namespace {

struct Times {
    double wallMs = 0, cpuMs = 0; // medians
};

double threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// Median wall time and median CPU time of this thread: on a shared machine the second leaves
// out the time the thread was not running, so it shows the work itself.
template <typename F> Times median(F &&frame, int frames = 60) {
    std::vector<double> wall, cpu;
    for (int k = 0; k < frames; ++k) {
        QElapsedTimer t;
        const double c0 = threadCpuNs();
        t.start();
        frame();
        wall.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        cpu.push_back((threadCpuNs() - c0) / 1e6);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

// The simple way: every span of each visible lane, at least 1 px, one fillRect each.
void naivePaint(QImage &img, const TimelineSpans &s, const TimelineLayout &l,
                const TimelineViewport &v) {
    QPainter p(&img);
    p.fillRect(img.rect(), Qt::white);
    bench::forEachSpanNaively(s, l, v, [&](std::int32_t row, std::size_t i, double x0, double x1) {
        p.fillRect(
            QRectF(x0, 22 + row * v.laneHeightPx, std::max(1.0, x1 - x0), v.laneHeightPx - 1),
            TimelinePainter::categoryColour(s.category[i]));
    });
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    std::vector<std::int64_t> sizes;
    QString saveDir;
    bool baseline = true;
    for (int a = 1; a < argc; ++a) {
        if (QString::fromUtf8(argv[a]) == QLatin1String("--save") && a + 1 < argc)
            saveDir = QString::fromUtf8(argv[++a]);
        else if (QString::fromUtf8(argv[a]) == QLatin1String("--ours"))
            baseline = false;
        else
            sizes.push_back(std::atoll(argv[a]));
    }
    if (sizes.empty()) sizes = {1'000'000, 10'000'000};
    std::printf("timeline render, 1920x1080 offscreen, median of 60 frames, wall and thread CPU "
                "time (baseline: every span of the visible lanes painted with its own "
                "fillRect; ratio of CPU times)\n");
    for (const std::int64_t n : sizes) {
        const TimelineSpans s = bench::generate(n);
        const std::int64_t lo = *std::min_element(s.start.begin(), s.start.end());
        const std::int64_t hi = *std::max_element(s.end.begin(), s.end.end());
        for (const auto mode :
             {TimelineLayout::Mode::GanttPerTrace, TimelineLayout::Mode::GanttPacked}) {
            const TimelineLayout layout = TimelineLayout::build(s, mode);
            std::printf("%lld spans, %s: %d lanes\n", static_cast<long long>(n),
                        mode == TimelineLayout::Mode::GanttPacked ? "packed" : "per request",
                        layout.laneCount());
            TimelineView view;
            view.resize(1920, 1080);
            view.setData(&s, &layout);
            QImage img(1920, 1080, QImage::Format_ARGB32_Premultiplied);
            for (const auto &[label, fraction] :
                 {std::pair<const char *, double>{"full zoom-out", 1.0},
                  {"mid zoom", 1e-2},
                  {"deep zoom", 1e-5}}) {
                const auto t0 = lo + static_cast<std::int64_t>(static_cast<double>(hi - lo) *
                                                               (1 - fraction) / 2);
                const auto t1 =
                    t0 + static_cast<std::int64_t>(static_cast<double>(hi - lo) * fraction);
                view.showTimeRange(t0, t1);
                // For the per-request layout, the lanes of a request running at the centre.
                if (mode == TimelineLayout::Mode::GanttPerTrace && fraction < 1) {
                    std::int32_t trace = 0;
                    for (std::size_t i = 0; i < s.size(); ++i)
                        if (s.start[i] <= (t0 + t1) / 2 && s.end[i] >= (t0 + t1) / 2) {
                            trace = s.trace[i];
                            break;
                        }
                    const double target = layout.traceFirstLane()[static_cast<std::size_t>(trace)];
                    view.panPixels(0, -(target - view.viewport().firstLane) *
                                          view.viewport().laneHeightPx);
                }
                // Pan a pixel each frame, back and forth, as a drag does: nothing can be reused.
                int frame = 0;
                const Times ours = median([&] {
                    view.panPixels((frame++ % 2) ? 1 : -1, 0);
                    view.render(&img);
                });
                const std::size_t rects = view.lastFrame().rects().size();
                if (!saveDir.isEmpty())
                    img.save(QStringLiteral("%1/render-%2-%3-%4.png")
                                 .arg(saveDir)
                                 .arg(n)
                                 .arg(mode == TimelineLayout::Mode::GanttPacked
                                          ? QStringLiteral("packed")
                                          : QStringLiteral("per-request"))
                                 .arg(QString::fromLatin1(label).replace(QLatin1Char(' '),
                                                                         QLatin1Char('-'))));
                std::printf("  %-13s ours %7.3f ms wall, %7.3f ms cpu (%6zu rects)", label,
                            ours.wallMs, ours.cpuMs, rects);
                if (!baseline) {
                    std::printf("\n");
                    continue;
                }
                const Times base = median([&] { naivePaint(img, s, layout, view.viewport()); });
                std::printf("  baseline %8.3f ms wall, %8.3f ms cpu  %5.1fx\n", base.wallMs,
                            base.cpuMs, base.cpuMs / ours.cpuMs);
            }
        }
    }
    return 0;
}

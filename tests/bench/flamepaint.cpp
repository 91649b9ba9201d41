// Flame graph paint time (issue: bottleneck stacks): a run whose call tree has ~100,000 distinct
// paths (fan-out 10, five levels, durations spread over four decades), drawn by the real
// FlameGraphView into a 1920x1080 image, median of 40 frames, at the whole run and zoomed into
// one subtree. Baseline in the same run: the same boxes painted one fillRect per path, every
// path, as a flame graph without merging narrow boxes would.
// Usage: QT_QPA_PLATFORM=offscreen spanscope-bench-flame
#include "benchtiming.h"
#include "stacks/flamegraphview.h"
#include "store/runanalysis.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace spanscope;

namespace {

std::shared_ptr<RunAnalysis> wideTree() {
    std::mt19937_64 rng(3);
    auto spans = std::make_shared<TimelineSpans>();
    TimelineSpans &s = *spans;
    for (int k = 0; k < 10; ++k)
        s.names.push_back("call_" + std::to_string(k));
    // Each node's children share its interval; one call per path.
    struct Todo {
        std::int32_t parent;
        std::int64_t a, b;
        int depth;
    };
    std::vector<Todo> todo{{-1, 0, 1'000'000'000'000, 0}};
    while (!todo.empty()) {
        const Todo t = todo.back();
        todo.pop_back();
        if (t.depth == 5) continue;
        std::int64_t x = t.a;
        for (int k = 0; k < 10; ++k) {
            // Widths spread over decades, so most boxes are narrower than a pixel.
            const std::int64_t w =
                std::max<std::int64_t>(1, (t.b - x) / (2 + static_cast<std::int64_t>(rng() % 20)));
            s.start.push_back(x);
            s.end.push_back(x + w);
            s.parent.push_back(t.parent);
            s.trace.push_back(0);
            s.category.push_back(static_cast<std::uint8_t>(1 + k % 5));
            s.flags.push_back(0);
            s.nameId.push_back(static_cast<std::uint32_t>(k));
            s.spanId.push_back(static_cast<std::int64_t>(s.size()));
            todo.push_back({static_cast<std::int32_t>(s.size()) - 1, x, x + w, t.depth + 1});
            x += w;
        }
    }
    s.traceCount = 1;
    auto a = std::make_shared<RunAnalysis>();
    a->spans = spans;
    a->stacks = buildStacks(s);
    return a;
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    const auto a = wideTree();
    const QSize size(1920, 1080);
    FlameGraphView view;
    view.resize(size);
    view.setAnalysis(a);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    const StackTree &t = a->stacks;
    std::printf("call tree: %zu distinct paths; %zu boxes drawn at the whole run\n", t.nodes.size(),
                view.boxes().size());

    const auto ours = [&] {
        QPainter p(&image);
        view.render(p, size);
    };
    // Baseline: every path's box, laid out by the same widths, one fillRect each.
    const std::vector<double> width = flameWidths(t, StackWeight::Total);
    const auto naive = [&] {
        QPainter p(&image);
        p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        struct Todo {
            std::int32_t node;
            double x, w;
            int depth;
        };
        std::vector<Todo> todo;
        double sum = 0;
        for (const std::int32_t r : t.roots)
            sum += width[static_cast<std::size_t>(r)];
        double x = 0;
        for (const std::int32_t r : t.roots) {
            const double w = size.width() * width[static_cast<std::size_t>(r)] / sum;
            todo.push_back({r, x, w, 1});
            x += w;
        }
        while (!todo.empty()) {
            const Todo d = todo.back();
            todo.pop_back();
            p.fillRect(QRectF(d.x, d.depth * 18, std::max(d.w, 0.5), 17), QColor(0x42, 0x85, 0xf4));
            const StackNode &n = t.nodes[static_cast<std::size_t>(d.node)];
            double cx = d.x;
            for (const std::int32_t c : n.children) {
                const double w = d.w * width[static_cast<std::size_t>(c)] /
                                 width[static_cast<std::size_t>(d.node)];
                todo.push_back({c, cx, w, d.depth + 1});
                cx += w;
            }
        }
    };
    const double whole = bench::medianMs(ours, 40), base = bench::medianMs(naive, 40);
    view.zoomTo(t.nodes[static_cast<std::size_t>(t.roots.front())].children.front());
    const double zoomed = bench::medianMs(ours, 40);
    std::printf("frame, whole run: %.2f ms (baseline, every path painted: %.2f ms, %.1fx); zoomed "
                "into a subtree (%zu boxes): %.2f ms; goal < 8 ms\n",
                whole, base, base / whole, view.boxes().size(), zoomed);
    return 0;
}

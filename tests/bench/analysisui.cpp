// UI responsiveness while a large run's analysis is computed and shown (issue: bottleneck
// stacks): the real MainWindow opens a workspace holding a run of N spans (default 1,000,000;
// the OTLP dump is generated and imported once, next to where it runs), loads its timeline,
// computes its analysis on a worker and fills the stacks, slow-request, token and concurrency
// views, while a 5 ms timer on the UI thread records how late each tick comes. Baseline: the
// same timer on the idle event loop for as long (same run). Goal: no block over 16 ms.
// Usage: QT_QPA_PLATFORM=offscreen spanscope-bench-analysisui [N]
#include "benchtiming.h"
#include "core/importprogress.h"
#include "mainwindow.h"
#include "store/importer.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace spanscope;
using bench::Delays;
using bench::tickUntil;

// Names every event that held the UI thread for more than 8 ms: where a late tick came from.
class SlowEventApp : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *o, QEvent *e) override {
        QElapsedTimer t;
        t.start();
        const bool r = QApplication::notify(o, e);
        if (t.elapsed() > 8)
            std::printf("slow event %lld ms: %s %s type %d\n", static_cast<long long>(t.elapsed()),
                        o->metaObject()->className(), qPrintable(o->objectName()), int(e->type()));
        return r;
    }
};

int main(int argc, char *argv[]) {
    SlowEventApp app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const QString input = QStringLiteral("bench-importui-%1.jsonl").arg(n);
    const QString ws = QStringLiteral("bench-analysisui-%1.spanscope").arg(n);
    if (!QFile::exists(ws)) {
        if (!QFile::exists(input)) {
            std::printf("writing %s ...\n", qPrintable(input));
            synth::WorkloadOptions o;
            o.spans = n;
            o.sessions = 500;
            o.concurrency = 32;
            synth::generate(o, synth::OutputFormat::OtlpJsonLines, input);
        }
        std::printf("importing it into %s ...\n", qPrintable(ws));
        Workspace w(ws);
        ImportProgress progress;
        Importer(w).importPath(input, {}, progress);
    }
    QElapsedTimer t;
    t.start();
    MainWindow window(ws); // selects the run: the timeline loads, then the analysis runs
    window.resize(1600, 900);
    window.show();
    // Ticks until the views are filled and for 0.5 s after, so the filling (on the UI thread,
    // in the slot that announces it) and the first paints count.
    QTimer settle;
    settle.setSingleShot(true);
    double seconds = 0;
    QObject::connect(&window, &MainWindow::analysisReady, [&] {
        seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
        settle.start(500);
    });
    const Delays during = tickUntil(&settle, &QTimer::timeout);
    QTimer idle;
    idle.setSingleShot(true);
    idle.start(static_cast<int>(seconds * 1000));
    const Delays quiet = tickUntil(&idle, &QTimer::timeout);
    std::printf("run of %lld spans opened and analysed in the window: %.2f s\n",
                static_cast<long long>(n), seconds);
    std::printf("UI timer (5 ms) lateness until the views were filled and 0.5 s after: worst "
                "%.1f ms, p99 %.2f ms over %zu ticks; idle baseline: worst %.1f ms, p99 %.2f ms "
                "over %zu ticks\n",
                during.worstMs, during.p99Ms, during.ticks, quiet.worstMs, quiet.p99Ms,
                quiet.ticks);
    return 0;
}

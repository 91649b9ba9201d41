// UI responsiveness during an import (issue: desktop app): the real MainWindow imports a
// generated OTLP dump of N spans (default 1,000,000; written once next to where it runs) through
// its ImportController while a 5 ms timer on the UI thread records how late each tick comes. The
// import must not stall the event loop: the report gives the worst and the 99th-percentile tick
// delay, against the same timer on the idle event loop for the same time (the baseline, same run).
// Usage: QT_QPA_PLATFORM=offscreen spanscope-bench-importui [N]
#include "benchtiming.h"
#include "mainwindow.h"
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

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const QString input = QStringLiteral("bench-importui-%1.jsonl").arg(n);
    if (!QFile::exists(input)) {
        std::printf("writing %s ...\n", qPrintable(input));
        synth::WorkloadOptions o;
        o.spans = n;
        o.sessions = 500;
        o.concurrency = 32;
        synth::generate(o, synth::OutputFormat::OtlpJsonLines, input);
    }
    const QString ws = QStringLiteral("bench-importui.spanscope");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(ws + suffix);

    MainWindow window(ws);
    window.resize(1600, 900);
    window.show();
    QElapsedTimer t;
    t.start();
    window.importPaths({input});
    const Delays during = tickUntil(&window, &MainWindow::importFinished);
    const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    // The baseline: the same ticking with nothing else to do, for as long.
    QTimer idle;
    idle.setSingleShot(true);
    idle.start(static_cast<int>(seconds * 1000));
    const Delays quiet = tickUntil(&idle, &QTimer::timeout);
    std::printf("import of %lld spans (%.0f MB) in the window: %.1f s, %s\n",
                static_cast<long long>(n), static_cast<double>(QFile(input).size()) / 1048576.0,
                seconds,
                window.lastErrorText().isEmpty() ? "ok" : qPrintable(window.lastErrorText()));
    std::printf("UI timer (5 ms) lateness during the import: worst %.1f ms, p99 %.2f ms over %zu "
                "ticks; idle baseline: worst %.1f ms, p99 %.2f ms over %zu ticks\n",
                during.worstMs, during.p99Ms, during.ticks, quiet.worstMs, quiet.p99Ms,
                quiet.ticks);
    return window.lastErrorText().isEmpty() ? 0 : 1;
}

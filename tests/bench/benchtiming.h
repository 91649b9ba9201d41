#pragma once

// Timing helpers shared by the benchmarks: the median of repeated frames, and how late a 5 ms
// UI timer comes while the event loop runs until a signal.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>
#include <algorithm>
#include <vector>

namespace spanscope::bench {

// The median wall time of `runs` calls of `frame`, in ms.
template <typename F> double medianMs(F &&frame, int runs = 60) {
    std::vector<double> ms;
    for (int k = 0; k < runs; ++k) {
        QElapsedTimer t;
        t.start();
        frame();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

struct Delays {
    double worstMs = 0, p99Ms = 0;
    std::size_t ticks = 0;
};

// Runs an event loop until `quitter` emits `signal`, ticking every 5 ms, and measures how late
// each tick comes.
template <typename Sender, typename Signal> Delays tickUntil(Sender *quitter, Signal signal) {
    std::vector<double> late;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        late.push_back(std::max(0.0, static_cast<double>(now - last) / 1e6 - 5.0));
        last = now;
    });
    timer.start(5);
    QEventLoop loop;
    QObject::connect(quitter, signal, &loop, &QEventLoop::quit);
    loop.exec();
    std::sort(late.begin(), late.end());
    Delays d;
    d.ticks = late.size();
    if (!late.empty()) {
        d.worstMs = late.back();
        d.p99Ms = late[late.size() * 99 / 100];
    }
    return d;
}

} // namespace spanscope::bench

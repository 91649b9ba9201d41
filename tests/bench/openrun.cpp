// Open-to-first-frame benchmark (issue: desktop app): a workspace holding one run of N
// generated spans (default 1,000,000; written once next to the binary, then reused) is opened
// by the real MainWindow, which loads the run's spans and layout on a worker and paints; the
// clock stops when the first frame with the spans has been painted. Also reports the resident
// memory the loaded run adds, per span. Baseline in the same run: SQLite alone reading the same
// span columns of the same workspace file in table order, nothing kept (the floor of any load).
// Usage: QT_QPA_PLATFORM=offscreen spanscope-bench-open [N]
#include "benchspans.h"
#include "mainwindow.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace spanscope;

namespace {

double residentMb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

// One run of n spans, written with plain inserts (no payloads): the shape an import leaves.
void writeWorkspace(const QString &path, std::int64_t n) {
    const TimelineSpans s = bench::generate(n);
    Workspace ws(path);
    ws.exec("BEGIN");
    ws.exec("INSERT INTO runs (id, label, kind, source_path, digest, imported_at, trace_count, "
            "span_count) VALUES (1, 'bench', 'otel', 'generated', 'bench', 0, " +
            std::to_string(s.traceCount) + ", " + std::to_string(s.size()) + ")");
    Statement trace(
        ws.handle(),
        "INSERT INTO traces (id, run_id, ordinal, trace_key, start_ns, end_ns, "
        "span_count, llm_calls, input_tokens, output_tokens, error_count, "
        "unfinished_count, source_steps) VALUES (?, 1, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)");
    Statement span(ws.handle(), "INSERT INTO spans (id, run_id, trace_id, parent_id, span_key, "
                                "name, category, start_ns, end_ns, flags) VALUES "
                                "(?, 1, ?, ?, ?, ?, ?, ?, ?, 0)");
    for (std::size_t i = 0; i < s.size();) {
        std::size_t e = i;
        while (e < s.size() && s.trace[e] == s.trace[i])
            ++e;
        const std::int64_t t = s.trace[i] + 1;
        trace.bind(1, t).bind(2, t).bind(3, std::to_string(t)).bind(4, s.start[i]);
        trace.bind(5, s.end[i]).bind(6, static_cast<std::int64_t>(e - i)).run();
        for (std::size_t k = i; k < e; ++k) {
            span.bind(1, static_cast<std::int64_t>(k + 1)).bind(2, t);
            if (s.parent[k] < 0)
                span.bindNull(3);
            else
                span.bind(3, static_cast<std::int64_t>(s.parent[k]) + 1);
            span.bind(4, std::to_string(k)).bind(5, s.names[s.nameId[k]]);
            span.bind(6, static_cast<std::int64_t>(s.category[k]) + 2);
            span.bind(7, s.start[k]).bind(8, s.end[k]).run();
        }
        i = e;
    }
    ws.exec("COMMIT");
    ws.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no demo, no settings of the user's
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const QString path = QStringLiteral("bench-open-%1.spanscope").arg(n);
    if (!QFile::exists(path)) {
        std::printf("writing %s ...\n", qPrintable(path));
        writeWorkspace(path, n);
    }
    // The window's own memory (backing store, widgets, fonts) over an empty workspace, in this
    // process, so what is left of the difference below is the run's.
    double windowMb = 0;
    {
        const QString empty = QStringLiteral("bench-open-empty.spanscope");
        QFile::remove(empty);
        const double before = residentMb();
        MainWindow w(empty);
        w.resize(1920, 1080);
        w.show();
        const QPixmap shot = w.timeline()->view()->grab();
        windowMb = residentMb() - before;
    }
    const double rssBefore = residentMb();
    QElapsedTimer t;
    t.start();
    MainWindow window(path);
    window.resize(1920, 1080);
    window.show();
    TimelinePane *pane = window.timeline();
    if (!QTest::qWaitFor([&] { return pane->spans() && !pane->busy(); }, 120000)) {
        std::fprintf(stderr, "the run did not load\n");
        return 1;
    }
    const QPixmap first = pane->view()->grab(); // the first frame with the spans
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    const double rssAfter = residentMb();
    const auto spans = static_cast<double>(pane->spans()->size());
    // Baseline: SQLite reading the columns the timeline needs, in the order it needs them.
    // Afterwards, so its page cache does not count as the window's memory.
    t.restart();
    std::int64_t sum = 0;
    {
        Workspace ws(path);
        Statement st(ws.handle(), "SELECT id, trace_id, coalesce(parent_id, 0), start_ns, end_ns, "
                                  "category, flags, name FROM spans WHERE run_id = 1");
        while (st.step())
            sum += st.int64(3) & 1;
    }
    const double baseMs = static_cast<double>(t.nsecsElapsed()) / 1e6;

    std::printf("open a workspace with %lld spans to the first frame: %.0f ms (goal < 1500); "
                "baseline SQLite scan of the same columns %.0f ms: %.2fx the bare read (%lld)\n",
                static_cast<long long>(n), ms, baseMs, ms / baseMs,
                static_cast<long long>(sum % 2));
    const double runMb = rssAfter - rssBefore - windowMb;
    std::printf("resident memory: window with the run %.1f MB, the same window empty %.1f MB, "
                "the run %.1f MB = %.1f bytes a span (goal < 100); first frame %d rects\n",
                rssAfter - rssBefore, windowMb, runMb, runMb * 1048576.0 / spans,
                static_cast<int>(pane->view()->lastFrame().rects().size()));
    return first.isNull() ? 1 : 0;
}

#include "timelinerunloader.h"

#include "analysis/timeaxis.h"
#include "core/records.h"
#include "item/localformat.h"
#include "store/evalqueries.h"
#include "store/requestname.h"
#include "store/runqueries.h"
#include "store/workspace.h"

#include <QObject>
#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace spanscope {

namespace {

// Why a run has nothing to draw, and where its data is shown.
QString emptyNoticeFor(const Workspace &ws, std::int64_t runId) {
    const auto run = ws.run(runId);
    if (run && run->kind == "nat-sizing") {
        const StoredSizing sizing = EvalQueries(ws).sizing(runId);
        QString range;
        if (!sizing.points.empty())
            range = QObject::tr(" at concurrency %1 to %2")
                        .arg(sizing.points.front().concurrency)
                        .arg(sizing.points.back().concurrency);
        const auto n = static_cast<int>(sizing.points.size());
        const QString points =
            n == 1 ? QObject::tr("1 load-test point") : QObject::tr("%1 load-test points").arg(n);
        return QObject::tr("<p><b>Nothing to draw: this run holds no spans.</b></p>"
                           "<p>It is a NAT sizing calculator result: %1%2, with p95 latencies "
                           "and NAT's GPU estimate.</p>"
                           "<p><a href='sizing'>Open it in the Sizing tab</a></p>")
            .arg(points, range);
    }
    return QObject::tr("<p><b>Nothing to draw: this run holds no spans.</b></p>"
                       "<p>Its files had no timed spans; the Overview tab shows what it holds."
                       "</p>");
}

// The lane groups' names: the requests in trace index order (RunQueries orders both alike),
// each with its start from the run's first span.
std::vector<GroupLabel> requestLabels(const std::vector<TraceRow> &rows,
                                      const TimelineSpans &spans) {
    const std::int64_t origin = timeRange(spans).first;
    std::vector<GroupLabel> out;
    out.reserve(rows.size());
    for (const TraceRow &t : rows)
        out.push_back({QString::fromStdString(requestName(t.itemKey, t.key)),
                       QObject::tr("starts %1").arg(local::offset(t.startNs - origin, 1'000'000))});
    return out;
}

} // namespace

LoadedRun TimelineRunLoader::load(const QString &path, std::int64_t runId, int rowsShown,
                                  std::uint8_t hide) {
    Workspace ws(path);
    ws.exec("PRAGMA cache_size = -2048"); // one sequential pass: no cache to keep
    LoadedRun r;
    r.spans = std::make_shared<TimelineSpans>(RunQueries(ws).timelineSpans(runId));
    if (r.spans->size() == 0) r.emptyNotice = emptyNoticeFor(ws, runId);
    r.requests = requestLabels(RunQueries(ws).traces(runId), *r.spans);
    r.layout = std::make_shared<TimelineLayout>(
        TimelineLayout::build(*r.spans,
                              r.spans->traceCount > rowsShown ? TimelineLayout::Mode::GanttPacked
                                                              : TimelineLayout::Mode::GanttPerTrace,
                              -1, nullptr, hide));
    r.unfinished =
        static_cast<int>(std::count_if(r.spans->flags.begin(), r.spans->flags.end(),
                                       [](std::uint8_t f) { return (f & SpanUnfinished) != 0; }));
#ifdef __GLIBC__
    // The load's temporaries (rows in table order, sort permutations) were freed into
    // malloc's arenas, where glibc keeps them resident; give them back to the system.
    malloc_trim(0);
#endif
    return r;
}

SearchHits TimelineRunLoader::search(const QString &path, std::int64_t runId,
                                     const TimelineSpans &spans, const std::string &needle) {
    Workspace ws(path);
    const std::vector<std::int64_t> ids = RunQueries(ws).searchSpans(runId, needle);
    SearchHits h;
    h.flags.assign(spans.size(), false);
    for (std::size_t i = 0; i < spans.size(); ++i)
        if (std::binary_search(ids.begin(), ids.end(), spans.spanId[i])) {
            h.flags[i] = true;
            h.order.push_back(static_cast<std::int32_t>(i));
        }
    std::stable_sort(h.order.begin(), h.order.end(), [&](std::int32_t a, std::int32_t b) {
        return spans.start[static_cast<std::size_t>(a)] < spans.start[static_cast<std::size_t>(b)];
    });
    return h;
}

QString TimelineRunLoader::welcomeNotice() {
    return QObject::tr(
        "<h3>This workspace is empty</h3>"
        "<p><a href='import-folder'>Import a folder\u2026</a> (Ctrl+O) &nbsp; "
        "<a href='import-file'>Import a file\u2026</a> (Ctrl+Shift+O) &nbsp; "
        "or drop files and folders on this window.</p>"
        "<p><b>NeMo Agent Toolkit:</b> the folder <code>nat eval</code> wrote (with "
        "<code>all_requests_profiler_traces.json</code>, <code>workflow_output.json</code> and "
        "the evaluators' files), a <code>nat sizing calc</code> output folder, or a folder "
        "holding many of them: every run inside is found.</p>"
        "<p><b>OpenTelemetry:</b> collector file-exporter dumps (<code>.json</code>, "
        "<code>.jsonl</code>, <code>.ndjson</code>, <code>.bin</code>, <code>.otlp</code>, "
        "zstd-compressed <code>.zst</code>), Jaeger and Zipkin JSON, "
        "Phoenix span exports.</p>");
}

} // namespace spanscope

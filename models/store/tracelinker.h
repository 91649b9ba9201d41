#pragma once

#include <cstdint>

namespace spanscope {

class ImportReport;
class Workspace;

// Finishes the traces of a run whose spans arrived loose (OTLP, Jaeger, Zipkin): resolves parent
// ids to rows, settles duplicate span ids, attaches orphans to their trace's root, breaks parent
// cycles, places spans that had no time at their nearest timed ancestor's start, marks LLM spans
// that wrap another LLM span, counts clock skew, and writes each trace's summary. Works one trace
// at a time through the spans_trace/spans_key indexes, so its memory follows the largest trace, not
// the run. Runs inside the import's transaction.
class TraceLinker {
public:
    TraceLinker(Workspace &workspace, ImportReport &report) : m_ws(workspace), m_report(report) {}
    void link(std::int64_t runId, std::int64_t firstTraceId, std::int64_t lastTraceId);

private:
    void settleDuplicates(std::int64_t firstTraceId, std::int64_t lastTraceId);
    void resolveParents(std::int64_t runId);
    void walkTraces(std::int64_t firstTraceId, std::int64_t lastTraceId);
    // Where a span without any timed ancestor goes: the run's earliest timed start.
    std::int64_t earliestTimedStart(std::int64_t firstTraceId, std::int64_t lastTraceId);

    Workspace &m_ws;
    ImportReport &m_report;
};

} // namespace spanscope

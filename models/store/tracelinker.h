#pragma once

#include "tracefinish.h"

#include <cstdint>
#include <vector>

namespace spanscope {

class ImportReport;
class Workspace;

// Finishes, from their rows, the traces of a run whose spans arrived loose (OTLP, Jaeger, Zipkin)
// that the writer could not finish as it wrote them (TraceFinish): settles duplicate span ids,
// then finishes each trace and writes the spans it changed and the trace's summary. Works one
// trace at a time through the spans_trace index, so its memory follows the largest trace, not
// the run. Runs inside the import's transaction.
class TraceLinker {
public:
    struct Range {
        std::int64_t first = 0, last = 0; // trace ids, inclusive
    };

    TraceLinker(Workspace &workspace, ImportReport &report) : m_ws(workspace), m_report(report) {}
    // Links every trace of a run, whose traces are the ids first..last.
    void link(std::int64_t firstTraceId, std::int64_t lastTraceId);
    // Links (again) the given traces (ascending ids) of a run whose traces are `run`: a live run,
    // where a trace's spans keep arriving. Linking is idempotent, so the traces end as one link()
    // would leave them.
    void linkTraces(const std::vector<std::int64_t> &traceIds, Range run);
    // What the writer found in the traces it finished itself, reported with what the link finds.
    void addFindings(const TraceFindings &findings) { m_findings.add(findings); }

private:
    void linkRanges(const std::vector<Range> &ranges, Range run);
    void settleDuplicates(const std::vector<Range> &ranges);
    // Resolves parents from the span keys and finishes each trace; returns the traces found
    // holding two spans with one id, which it leaves unfinished when `leaveDuplicates`.
    std::vector<Range> walkTraces(const std::vector<Range> &ranges, Range run,
                                  bool leaveDuplicates);
    // Where a span without any timed ancestor goes: the run's earliest timed start.
    std::int64_t earliestTimedStart(Range run);

    Workspace &m_ws;
    ImportReport &m_report;
    TraceFindings m_findings; // found by the walks of a link
};

} // namespace spanscope

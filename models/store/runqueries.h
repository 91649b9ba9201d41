#pragma once

#include "analysis/runsummary.h"
#include "analysis/timelinespans.h"
#include "spandetail.h"
#include "tracerow.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

class Workspace;

// Read queries over one run, returning plain values for models/analysis.
class RunQueries {
public:
    explicit RunQueries(const Workspace &workspace) : m_ws(workspace) {}

    RunSummaryInput summaryInput(std::int64_t runId) const;
    // The run's span geometry for the timeline, traces in request order.
    TimelineSpans timelineSpans(std::int64_t runId) const;
    // The run's requests (traces) in request order.
    std::vector<TraceRow> traces(std::int64_t runId) const;
    // A span's payload (prompts, completions, tool input/output) as JSON text; "" when none.
    std::string spanPayload(std::int64_t spanId) const;
    // A span's columns, attributes and events (not its payload); nullopt for an unknown id.
    std::optional<SpanDetail> spanDetail(std::int64_t spanId) const;
    // Ids of the run's spans whose name or attribute text contains `text` (case-insensitive
    // for ASCII, as SQLite's LIKE), sorted. Scans the run's spans: call it off the UI thread.
    std::vector<std::int64_t> searchSpans(std::int64_t runId, const std::string &text) const;

private:
    const Workspace &m_ws;
};

} // namespace spanscope

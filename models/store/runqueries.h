#pragma once

#include "analysis/callstacks.h"
#include "analysis/natstack.h"
#include "analysis/requeststats.h"
#include "analysis/runsummary.h"
#include "analysis/timelinespans.h"
#include "analysis/tokenstats.h"
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
    // Trace row ids (ascending) of the traces holding a span that searchSpans would find.
    std::vector<std::int64_t> tracesWithSpansMatching(std::int64_t runId,
                                                      const std::string &text) const;

    // Token counts aligned with `spans` (as timelineSpans loaded them for this run). Wrappers of
    // an inner LLM call get 0, so every token is counted once.
    SpanTokens spanTokens(std::int64_t runId, const TimelineSpans &spans) const;
    // The run's LLM calls (wrappers of an inner LLM call left out), in start order.
    std::vector<LlmCallSample> llmCalls(std::int64_t runId) const;
    // The NAT calls of the run as NAT's profiler counts them: LLM, TOOL, and (when
    // `withFunctions`, NAT 1.2 and later) FUNCTION and SPAN steps, requests by request order.
    std::vector<NatCall> natCalls(std::int64_t runId, bool withFunctions) const;
    // The stored content of one of the run's raw files (e.g. workflow_profiling_metrics.json),
    // decompressed; nullopt when the run kept no such file.
    std::optional<std::string> runFile(std::int64_t runId, const std::string &name) const;
    // The files the run was imported from, by name: each one's role (spans, eval-items, raw,
    // attachment, unused, ...) and size.
    struct FileRow {
        std::string name, role;
        std::int64_t size = 0;
    };
    std::vector<FileRow> runFiles(std::int64_t runId) const;
    // The source's ids (span_key) of the given workspace span ids, in the same order.
    std::vector<std::string> spanKeys(const std::vector<std::int64_t> &spanIds) const;
    // A run metric's value (e.g. "profiler.spikes.threshold"); nullopt when absent.
    std::optional<double> metric(std::int64_t runId, const std::string &name) const;

private:
    const Workspace &m_ws;
};

// A run's requests (as traces() reads them) for the latency and session views, in the same
// order: read once, used by both the request table and the analysis.
std::vector<RequestSample> requestSamples(const std::vector<TraceRow> &rows);

} // namespace spanscope

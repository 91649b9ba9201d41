#pragma once

#include "analysis/callstacks.h"
#include "analysis/concurrency.h"
#include "analysis/natoperations.h"
#include "analysis/natpatterns.h"
#include "analysis/natstack.h"
#include "analysis/predictiontrie.h"
#include "analysis/requeststats.h"
#include "analysis/runsummary.h"
#include "analysis/spantree.h"
#include "analysis/tokenstats.h"
#include "tracerow.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

class Workspace;

// NAT's own nested-stack bottleneck as the profiler reported it.
struct NatReportedBottleneck {
    std::string uuid, kind, name;
    double durationS = 0, selfS = 0, subtreeS = 0;
    int concurrency = 0;
};

// Everything the analysis views show of one run, computed once on a worker when the run is
// opened, from the span columns the timeline loaded (shared, not loaded twice).
struct RunAnalysis {
    std::int64_t runId = 0;
    std::shared_ptr<const TimelineSpans> spans;
    SpanTokens tokens;
    SpanChildren children;
    std::vector<std::pair<std::int32_t, std::int32_t>> traceRange; // by trace index
    StackTree stacks;
    BottomUpTree bottomUp;
    std::vector<ConcurrencyCall> calls; // LLM and TOOL calls, NAT's way
    ConcurrencyProfile concurrency;
    std::optional<int> natSpikeThreshold;        // the run's spike_threshold when NAT wrote one
    std::vector<ConcurrencySpike> defaultSpikes; // at defaultSpikeThreshold()
    std::vector<TraceRow> rows;
    std::vector<RequestSample> requests;
    std::vector<SessionStats> sessions;
    std::vector<std::int32_t> requestsByStart; // request indexes by start time
    LatencySpread requestSpread;
    std::vector<LlmCallSample> llmCalls;
    TokenCharts tokenCharts;
    std::vector<std::int32_t> sessionOfRequest; // index into sessions by request, -1 for none
    std::vector<MetricValue> metrics;           // the run's metrics (forecasts among them)
    std::string commonPrefixesJson;             // inference_optimization's common_prefixes, raw
    // NAT's nested stack: NAT's own top bottlenecks and ours recomputed by NAT's rules.
    std::vector<NatReportedBottleneck> natReported;
    std::vector<NatCall> natCalls;
    std::optional<NatStackAnalysis> natRecomputed;
    std::optional<PredictionTrie> natPredictions; // prediction_trie.json, when NAT wrote one
    // NAT's simple stack analysis (per LLM and tool) and the same measured from the run.
    std::vector<NatOperation> natOperations, measuredOperations;
    // NAT's PrefixSpan call patterns, each with how many of the run's requests show it.
    std::vector<NatPattern> natPatterns;

    int defaultSpikeThreshold() const { return natSpikeThreshold.value_or(7); }
    // A run metric by name ("forecast.llm_latency.mean", ...); nullopt when absent.
    std::optional<MetricValue> metric(const std::string &name) const;
    // The request's spans in the columns.
    std::pair<std::int32_t, std::int32_t> spansOfTrace(std::int32_t trace) const;
};

// Computes the analysis of a run whose columns are `spans`, reading the rest from `ws` (a
// connection of the calling thread). Call it off the UI thread.
std::shared_ptr<RunAnalysis> analyseRun(const Workspace &ws, std::int64_t runId,
                                        std::shared_ptr<const TimelineSpans> spans);

} // namespace spanscope

#include "runanalysis.h"

#include "analysis/triemeasure.h"
#include "core/category.h"
#include "core/records.h"
#include "runqueries.h"
#include "statement.h"
#include "workspace.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace spanscope {

using json = nlohmann::json;

namespace {
void readNat(const RunQueries &q, std::int64_t runId, RunAnalysis &out);
}

std::pair<std::int32_t, std::int32_t> RunAnalysis::spansOfTrace(std::int32_t trace) const {
    if (trace < 0 || static_cast<std::size_t>(trace) >= traceRange.size()) return {0, 0};
    return traceRange[static_cast<std::size_t>(trace)];
}

std::optional<MetricValue> RunAnalysis::metric(const std::string &name) const {
    for (const MetricValue &m : metrics)
        if (m.name == name) return m;
    return std::nullopt;
}

namespace {

// The run's finished LLM calls with the function ancestry NAT recorded on them.
std::vector<TrieCall> trieCalls(const Workspace &ws, std::int64_t runId, const TimelineSpans &s) {
    std::unordered_map<std::int64_t, std::int32_t> column;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s.category[i] == static_cast<std::uint8_t>(Category::Llm))
            column[s.spanId[i]] = static_cast<std::int32_t>(i);
    std::vector<TrieCall> out;
    Statement st(ws.handle(),
                 "SELECT id, json_extract(span_attributes(attributes), '$.function_id'), "
                 "json_extract(span_attributes(attributes), '$.function_name'), "
                 "json_extract(span_attributes(attributes), '$.parent_name') FROM spans WHERE "
                 "run_id = ? AND "
                 "category = ? AND (flags & ?) = 0 AND json_valid(span_attributes(attributes))");
    st.bind(1, runId)
        .bind(2, static_cast<int>(Category::Llm))
        .bind(3, static_cast<int>(SpanUnfinished));
    while (st.step()) {
        const auto it = column.find(st.int64(0));
        if (it == column.end() || st.isNull(2)) continue;
        out.push_back({it->second, st.isNull(1) ? std::string() : st.text(1), st.text(2),
                       st.isNull(3) ? std::string() : st.text(3)});
    }
    return out;
}

} // namespace

std::shared_ptr<RunAnalysis> analyseRun(const Workspace &ws, std::int64_t runId,
                                        std::shared_ptr<const TimelineSpans> spans) {
    auto a = std::make_shared<RunAnalysis>();
    a->runId = runId;
    a->spans = std::move(spans);
    const TimelineSpans &s = *a->spans;
    const RunQueries q(ws);
    a->tokens = q.spanTokens(runId, s);
    a->children = SpanChildren::build(s);
    a->traceRange.assign(static_cast<std::size_t>(s.traceCount), {0, 0});
    for (const auto &r : traceRanges(s))
        a->traceRange[static_cast<std::size_t>(s.trace[static_cast<std::size_t>(r.first)])] = r;
    a->stacks = buildStacks(s, &a->tokens);
    a->bottomUp = buildBottomUp(a->stacks);
    a->calls = llmAndToolCalls(s);
    a->concurrency = concurrencyProfile(a->calls);
    if (const auto t = q.metric(runId, "profiler.spikes.threshold"))
        a->natSpikeThreshold = static_cast<int>(*t);
    a->defaultSpikes = spikes(a->concurrency, a->defaultSpikeThreshold());
    a->rows = q.traces(runId);
    a->requests = requestSamples(a->rows);
    a->sessions = sessionStats(a->requests);
    a->requestsByStart.resize(a->requests.size());
    for (std::size_t k = 0; k < a->requests.size(); ++k)
        a->requestsByStart[k] = static_cast<std::int32_t>(k);
    std::stable_sort(a->requestsByStart.begin(), a->requestsByStart.end(),
                     [&](std::int32_t x, std::int32_t y) {
                         return a->requests[static_cast<std::size_t>(x)].startNs <
                                a->requests[static_cast<std::size_t>(y)].startNs;
                     });
    {
        std::vector<double> latency;
        latency.reserve(a->requests.size());
        for (const RequestSample &r : a->requests)
            latency.push_back(static_cast<double>(r.latencyNs()));
        a->requestSpread = latencySpread(latency);
    }
    a->llmCalls = q.llmCalls(runId);
    a->tokenCharts = tokenCharts(a->llmCalls);
    {
        std::unordered_map<std::string, std::int32_t> index;
        for (std::size_t k = 0; k < a->sessions.size(); ++k)
            index.emplace(a->sessions[k].session, static_cast<std::int32_t>(k));
        a->sessionOfRequest.reserve(a->requests.size());
        for (const RequestSample &r : a->requests) {
            const auto it = index.find(r.session);
            a->sessionOfRequest.push_back(it == index.end() ? -1 : it->second);
        }
    }
    a->metrics = q.summaryInput(runId).metrics;

    if (const auto text = q.runFile(runId, "inference_optimization.json")) {
        const json doc = json::parse(*text, nullptr, false);
        if (doc.is_object() && doc.contains("common_prefixes"))
            a->commonPrefixesJson = doc["common_prefixes"].dump();
    }
    if (const auto text = q.runFile(runId, "prediction_trie.json")) {
        a->natPredictions = parsePredictionTrie(*text);
        if (a->natPredictions)
            measurePredictionTrie(*a->natPredictions, s, a->children, a->traceRange,
                                  trieCalls(ws, runId, s));
    }
    // NAT's files are kept as they came: a file of unexpected shape leaves its part out.
    try {
        readNat(q, runId, *a);
    } catch (const nlohmann::json::exception &) {
        a->natReported.clear();
        a->natRecomputed.reset();
    }
    return a;
}

namespace {
void readNat(const RunQueries &q, std::int64_t runId, RunAnalysis &out) {
    RunAnalysis *a = &out;
    if (const auto text = q.runFile(runId, "workflow_profiling_metrics.json")) {
        const json doc = json::parse(*text, nullptr, false);
        // The run's LLM and tool calls, read once for whichever of NAT's reports needs them.
        std::optional<std::vector<NatCall>> calls;
        const auto llmAndToolCalls = [&]() -> const std::vector<NatCall> & {
            if (!calls) calls = q.natCalls(runId, false);
            return *calls;
        };
        const json simple = doc.is_object() ? doc.value("simple_stack_analysis", json()) : json();
        if (simple.is_object() && simple.contains("stats")) {
            a->natOperations = natReportedOperations(simple["stats"].dump());
            a->measuredOperations = measuredOperations(llmAndToolCalls());
        }
        const json prefix = doc.is_object() ? doc.value("prefix_span_analysis", json()) : json();
        if (prefix.is_object()) {
            a->natPatterns = natReportedPatterns(prefix.dump());
            measurePatterns(a->natPatterns, llmAndToolCalls(), a->rows.size());
        }
        const json nested = doc.is_object() ? doc.value("nested_stack_analysis", json()) : json();
        if (nested.is_object()) {
            bool functions = false;
            const json nodes = nested.value("node_metrics", json::object());
            for (const auto &[uuid, m] : nodes.items())
                functions =
                    functions || (m.is_object() && m.value("operation_type", "") == "FUNCTION");
            const json top = nested.value("top_bottlenecks", json::array());
            for (const json &b : top) {
                if (!b.is_object()) continue;
                NatReportedBottleneck r;
                r.uuid = b.value("uuid", "");
                r.kind = b.value("operation_type", "");
                r.name = b.value("operation_name", "");
                r.durationS = b.value("duration", 0.0);
                r.selfS = b.value("self_time", 0.0);
                r.subtreeS = b.value("subtree_time", 0.0);
                r.concurrency = static_cast<int>(b.value("concurrency_midpoint", 0.0));
                a->natReported.push_back(std::move(r));
            }
            a->natCalls = q.natCalls(runId, functions);
            a->natRecomputed = natNestedStack(a->natCalls);
        }
    }
}
} // namespace

} // namespace spanscope

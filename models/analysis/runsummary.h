#pragma once

#include "modeltokens.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

struct MetricValue {
    std::string name;
    std::optional<double> value, lower, upper;
    std::string unit;
};

struct SizingValue {
    int concurrency = 0;
    std::string metric;
    std::optional<double> p50, p90, p95, mean;
    int samples = 0;
};

// What the summary is computed from: plain values, loaded by RunQueries.
struct RunSummaryInput {
    std::vector<std::int64_t> requestDurationsNs;
    std::vector<std::int64_t> llmDurationsNs; // finished LLM calls
    std::map<std::string, std::int64_t> spansByCategory;
    std::int64_t unfinishedSpans = 0;
    std::int64_t errorSpans = 0;
    std::int64_t inputTokens = 0; // finished LLM calls
    std::int64_t outputTokens = 0;
    std::map<std::string, std::vector<double>> evaluatorScores;
    std::map<std::string, double> evaluatorReportedAverage;
    std::vector<MetricValue> metrics; // every run metric
    std::vector<SizingValue> sizing;
    std::vector<std::string> models;
    std::vector<ModelTokens> modelTokens; // by model name
};

struct EvaluatorSummary {
    std::string name;
    std::int64_t items = 0;
    std::optional<double> mean;            // recomputed from the item scores
    std::optional<double> reportedAverage; // as the evaluator wrote it
};

struct RunSummary {
    std::int64_t requests = 0;
    std::int64_t spans = 0;
    std::map<std::string, std::int64_t> spansByCategory;
    std::int64_t unfinishedSpans = 0;
    std::int64_t errorSpans = 0;
    std::optional<double> latencyP50, latencyP95, latencyMax; // seconds
    std::int64_t llmCalls = 0;
    std::optional<double> llmP50, llmP95; // seconds
    std::int64_t inputTokens = 0, outputTokens = 0;
    std::vector<std::string> models;
    std::vector<ModelTokens> modelTokens;
    std::vector<EvaluatorSummary> evaluators;
    std::vector<MetricValue> forecasts; // the profiler's "forecast.*" metrics
    std::vector<MetricValue> dynamo;    // the inference server's, as NAT read them ("dynamo.*")
    std::optional<int> natConcurrency;  // the concurrency NAT ran the run at (max_concurrency)
    std::vector<MetricValue> sizingMetrics;
    std::vector<SizingValue> sizing;
};

RunSummary summarize(const RunSummaryInput &input);

} // namespace spanscope

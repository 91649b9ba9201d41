#pragma once

#include "core/records.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace spanscope::natmetrics {

// The profiler's forecasts (confidence intervals, runtime percentiles, token uniqueness,
// common prefixes) from inference_optimization.json, as run metrics named "forecast.*" and
// "profiler.*". Unknown or malformed parts are skipped: the raw file is kept beside them.
void fromInferenceOptimization(const nlohmann::json &doc, std::vector<RunMetricRecord> &out);

// inference_optimization.json's dynamo_metrics (NAT 1.5+, read from the Dynamo inference
// server's Prometheus: KV-cache efficiency, time to first token, inter-token latency, ...): each
// number a metric "dynamo.<key>", in seconds where the key says so. Called by the above.
void fromDynamo(const nlohmann::json &doc, std::vector<RunMetricRecord> &out);

// How deep fromProfilingMetrics reads workflow_profiling_metrics.json: the containers below
// (each spike interval, each node's metrics) it only counts.
constexpr std::size_t profilingMetricsDepth = 3;
// Concurrency percentiles and spike analysis from workflow_profiling_metrics.json.
void fromProfilingMetrics(const nlohmann::json &doc, std::vector<RunMetricRecord> &out);

// Gives the number at obj[key] when it is one.
std::optional<double> number(const nlohmann::json &obj, const char *key);

} // namespace spanscope::natmetrics

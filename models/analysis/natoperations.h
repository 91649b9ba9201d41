#pragma once

#include "natstack.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

// One operation (an LLM or a tool, by name) as NAT's simple stack analysis reports it
// (workflow_profiling_metrics.json `simple_stack_analysis.stats`, keyed "TYPE:name"), or as
// Spanscope measures it from the run's calls. Times in seconds.
struct NatOperation {
    std::string kind; // "LLM", "TOOL"
    std::string name;
    std::int64_t calls = 0;
    double meanS = 0, p95S = 0, p99S = 0;
    std::optional<int> maxConcurrency;     // NAT's only
    std::optional<double> bottleneckScore; // NAT's only: its own ranking metric
};

// NAT's `stats` object read as NAT writes it; entries of another shape are left out. By
// NAT's score, highest first.
std::vector<NatOperation> natReportedOperations(const std::string &statsJson);

// The same per-operation numbers from the run's finished LLM and TOOL calls (NAT leaves
// calls that never ended out), by kind and name.
std::vector<NatOperation> measuredOperations(const std::vector<NatCall> &calls);

} // namespace spanscope

#pragma once

#include "natstack.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

// A frequent call sequence NAT's PrefixSpan analysis found (workflow_profiling_metrics.json
// `prefix_span_analysis.patterns`), with how often the run's own calls show it.
struct NatPattern {
    std::vector<std::string> calls; // as NAT wrote them: "LLM:name|prompt start", "TOOL:name"
    std::int64_t frequency = 0;     // occurrences over all requests
    double coverage = 0;            // fraction of requests that contain it
    double averageDurationS = 0;    // mean summed duration of the pattern's calls
    std::int64_t requests = 0;      // examples_containing's size
    // Measured: the fraction of the run's requests whose LLM and tool calls, by start, hold the
    // pattern's calls in order (gaps allowed, as PrefixSpan allows), matched by kind and name.
    std::optional<double> measuredCoverage;
};

// NAT's patterns in NAT's order; entries of another shape are left out.
std::vector<NatPattern> natReportedPatterns(const std::string &prefixSpanJson);

// Fills measuredCoverage from the run's calls (LLM and TOOL ones count, by start time), over
// `requests` requests (those without calls among them). A pattern's LLM text after '|' is NAT's
// cut of the prompt and is not compared.
void measurePatterns(std::vector<NatPattern> &patterns, const std::vector<NatCall> &calls,
                     std::size_t requests);

} // namespace spanscope

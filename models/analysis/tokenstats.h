#pragma once

#include "modeltokens.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// One LLM call for the token views (finished or not; wrappers of an inner LLM left out).
struct LlmCallSample {
    std::int64_t spanId = 0; // workspace row id, to open the call in the timeline
    std::int32_t trace = -1; // index of the request in the run
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::string model;
    std::int64_t inputTokens = -1; // -1: the call carried no count
    std::int64_t outputTokens = -1;
    std::int64_t cachedTokens = 0; // parts of inputTokens / outputTokens (NAT 1.4+ usage)
    std::int64_t reasoningTokens = 0;
};

// Bins over [edges[k], edges[k+1]); the last bin is closed. Logarithmic (powers spread
// evenly) when the positive values span more than two decades; zeros then fall in a first bin
// [0, smallest edge).
struct Histogram {
    std::vector<double> edges;
    std::vector<std::int64_t> counts;
    bool logScale = false;
    std::int32_t binOf(double v) const; // -1 outside
};
Histogram histogram(const std::vector<double> &values, int bins = 24);

// Mean tokens of the k-th LLM call of a request (k from 1), over the requests that have one.
struct PositionTokens {
    std::int32_t position = 0;
    std::int64_t calls = 0;
    double meanInput = 0, meanOutput = 0;
};
std::vector<PositionTokens> tokensByPosition(const std::vector<LlmCallSample> &calls);

// Calls and tokens per minute from the run's first call, by the calls' starts.
struct MinuteTokens {
    std::int64_t minute = 0;
    std::int64_t calls = 0;
    std::int64_t inputTokens = 0, outputTokens = 0;
};
std::vector<MinuteTokens> tokensPerMinute(const std::vector<LlmCallSample> &calls);

// Everything the token view draws, computed off the UI thread: histograms over all calls with
// the count of each model's calls per bin, the calls' latency, tokens by position and minute.
struct TokenHistogram {
    Histogram bins; // over every call with a count
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> byModel; // counts per bin
};
struct TokenCharts {
    TokenHistogram prompt, completion;
    Histogram latencySeconds;
    std::vector<PositionTokens> positions;
    std::vector<MinuteTokens> minutes;
    std::size_t models = 0;
    std::int64_t inputTokens = 0, outputTokens = 0, callsWithCounts = 0;
    std::vector<ModelTokens> byModel; // calls with counts, by model name
};
TokenCharts tokenCharts(const std::vector<LlmCallSample> &calls);

} // namespace spanscope

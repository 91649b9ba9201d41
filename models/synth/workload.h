#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace spanscope::synth {

// A synthetic agent workload for benchmarks and the demo workspace: sessions of requests, each
// an agent run of planner LLM -> concurrent tool / retriever calls -> summariser LLM calls ->
// writer LLM, with token counts and 1-4 KB prompts. Deterministic for a seed.
struct GenSpan {
    int index = 0; // within its request
    int parent = -1;
    std::string name;
    std::string kind; // OpenInference kind: AGENT, LLM, TOOL, RETRIEVER, CHAIN
    std::int64_t startNs = 0, endNs = 0;
    std::string model;
    std::int64_t inputTokens = 0, outputTokens = 0;
    std::string input, output; // prompt / completion or tool input / output
    bool error = false;
};

struct GenRequest {
    int number = 0;
    int session = 0;
    std::string traceId; // 32 hex
    std::vector<GenSpan> spans;
    std::int64_t baseDurationNs = 0; // as it would have taken without the injected slowness
};

struct WorkloadOptions {
    std::int64_t spans = 10000;
    int sessions = 100;
    int concurrency = 8;
    std::uint64_t seed = 1;
    // A regression to find, for comparison tests and demos: every call named `slowName` (a tool,
    // a retriever or a model) takes `slowFactor` times as long; the random stream is the same as
    // without it, so a run with the same seed differs only there and downstream of it.
    std::string slowName;
    double slowFactor = 1.0;
    // The NAT writer lowers the score of these items (ids, 1-based) by `scoreDrop`.
    std::vector<int> scoreDropItems;
    double scoreDrop = 0.0;
};

// Appends text as a JSON string literal (quotes, backslashes and control characters escaped).
void appendJsonString(std::string &out, std::string_view text);

class Workload {
public:
    explicit Workload(const WorkloadOptions &options);
    // The next request, in start order; false once the span budget is spent.
    bool next(GenRequest &out);

private:
    std::string text(std::size_t bytes);
    std::int64_t uniform(std::int64_t lo, std::int64_t hi);
    // One request's spans from `start` (planner, research branches, writer); returns its end.
    std::int64_t agentRun(std::vector<GenSpan> &spans, std::int64_t start, bool inject);
    std::string hex(int digits);

    WorkloadOptions m_options;
    std::mt19937_64 m_rng;
    std::vector<std::int64_t> m_workerFree; // when each concurrent worker is next free
    std::int64_t m_spansMade = 0;
    int m_requests = 0;
};

} // namespace spanscope::synth

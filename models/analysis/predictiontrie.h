#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

// NAT's prediction trie (prediction_trie.json, NAT 1.5+ `prediction_trie.enable`): for each
// place in the call hierarchy (a path of function names) and each LLM call index there, what
// the profiler predicts for Dynamo's routing: calls still to come, time to the next call,
// output tokens, and (newer NAT) a latency sensitivity of 1 to 5 from the call's critical-path,
// fan-out and position weights. One row per prediction, in the trie's depth-first order.
struct TriePrediction {
    std::string path;          // "root/agent/researcher"
    int callIndex = 0;         // the LLM call's place under that path (1-based); 0: any
    std::int64_t samples = 0;  // calls the prediction was made from
    double remainingCalls = 0; // mean
    double interarrivalMs = 0; // mean
    double outputTokens = 0;   // mean
    std::optional<int> sensitivity;
    // Measured from the run's own LLM calls at the same place (measurePredictionTrie).
    std::int64_t measuredCalls = 0;
    std::optional<double> onCriticalPath; // share of the calls' time their request waited on
    std::optional<double> latencyShare;   // mean call duration / request latency
};

struct PredictionTrie {
    std::string workflow;
    std::vector<TriePrediction> predictions;
};

// Reads the file's text; a value of another type than NAT writes is read as absent, never
// thrown on. nullopt when the text is not such a file (no "root" object).
std::optional<PredictionTrie> parsePredictionTrie(const std::string &text);

} // namespace spanscope

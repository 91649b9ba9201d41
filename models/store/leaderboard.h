#pragma once

#include "runinfo.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

class Workspace;

// One run's headline figures for the leaderboard.
struct LeaderboardRow {
    RunInfo run;
    std::int64_t requests = 0;
    std::map<std::string, double> evaluatorMeans; // mean of the item scores
    std::optional<double> p50, p95;               // request latency, seconds
    std::int64_t llmCalls = 0, inputTokens = 0, outputTokens = 0;
};

// Every run of the workspace, in id order. Reads every request's duration: off the UI thread.
std::vector<LeaderboardRow> leaderboard(const Workspace &ws);

} // namespace spanscope

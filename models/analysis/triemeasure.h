#pragma once

#include "predictiontrie.h"
#include "spantree.h"
#include "timelinespans.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// An LLM call of the run with the function ancestry NAT files it under in its prediction trie.
struct TrieCall {
    std::int32_t span = -1; // index into the span columns
    std::string functionId, functionName, parentName;
};

// Fills each prediction's measured figures from the run's own LLM calls, placed as NAT places
// them (path root, root/<parent_name>, root/<parent_name>/<function_name>; the call index
// counts a function's calls by end time within a request): how many calls, how much of their
// time lies on their request's critical path (what the request waited on), and the mean share
// of the request's latency a call takes (NAT's own "critical-path weight"). `ranges` are the
// traces' spans in the columns (traceRanges).
void measurePredictionTrie(PredictionTrie &trie, const TimelineSpans &spans,
                           const SpanChildren &children,
                           const std::vector<std::pair<std::int32_t, std::int32_t>> &ranges,
                           const std::vector<TrieCall> &calls);

} // namespace spanscope

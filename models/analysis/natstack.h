#pragma once

#include "concurrency.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// One call as NAT's profiler sees it (formats/nat.md, "Profiler analysis files").
struct NatCall {
    std::int32_t request = 0; // calls of one request nest; requests never do
    std::string key;          // the step UUID (node_metrics' key)
    std::string kind;         // "LLM", "TOOL", "FUNCTION" (SPAN steps count as FUNCTION)
    std::string name;         // payload name; a FUNCTION's function_ancestry.function_name
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    bool ended = true;       // false: a START without END, which NAT keeps open at its start
    std::int64_t order = 0;  // the call's place in the source, for ties in time
    std::int64_t spanId = 0; // the workspace row, to find the same span in the columns
};

// NAT's node_metrics entry, recomputed.
struct NatNode {
    std::int32_t call = -1;   // index into the input
    std::int32_t parent = -1; // the enclosing call's index into the input, -1 at the top
    std::int32_t depth = 0;
    double startS = 0, endS = 0, durationS = 0, selfS = 0, subtreeS = 0;
    std::int32_t midpointLevel = 0; // concurrency at the call's midpoint
};

// NAT's nested_stack_analysis recomputed by NAT's rules, which nest calls by event order and
// not by parent: per request, steps sorted by time feed one stack; a START becomes a child of
// the top of the stack; an END pops only a call on top. Parallel calls therefore nest in each
// other, and NAT's self and subtree times differ from Spanscope's parent-based ones there.
struct NatStackAnalysis {
    std::vector<NatNode> nodes;    // depth-first, requests and roots in start order
    std::vector<std::int32_t> top; // the 5 highest subtree times (NAT's bottleneck score)
    ConcurrencyProfile concurrency;
};

NatStackAnalysis natNestedStack(const std::vector<NatCall> &calls);

} // namespace spanscope

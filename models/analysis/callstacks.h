#pragma once

#include "timelinespans.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// Token counts aligned with a TimelineSpans' columns (0 where a span has none). Spans flagged
// SpanInnerLlm carry 0: their tokens are counted on the innermost LLM span.
struct SpanTokens {
    std::vector<std::int32_t> input;
    std::vector<std::int32_t> output;
    bool empty() const { return input.empty(); }
};

// One call path (root..span names) aggregated over all requests of a run (DESIGN.md section 6).
struct StackNode {
    std::int32_t parent = -1; // node index, -1 for a top-level path
    std::uint32_t nameId = 0; // into StackTree::names
    std::int32_t depth = 0;
    std::uint8_t category = 0; // of its first call (a path's calls nearly always share it)
    std::int64_t calls = 0;
    std::int64_t totalNs = 0; // sum of the calls' durations
    std::int64_t selfNs = 0;  // sum of their self times (duration less the union of children)
    double wallNs = 0;        // sum of their wall-clock shares (see wallShares)
    std::int64_t p50Ns = 0, p95Ns = 0, maxNs = 0;
    std::int64_t inputTokens = 0, outputTokens = 0;
    std::int32_t maxConcurrency = 0; // most calls of this path running at once
    std::int64_t errors = 0;
    std::vector<std::int32_t> children; // node indexes, heaviest total first
    std::vector<std::int32_t> spans;    // span indexes, slowest first

    double meanNs() const { return calls ? static_cast<double>(totalNs) / calls : 0.0; }
    std::int64_t tokens() const { return inputTokens + outputTokens; }
};

// The run's call paths as a tree: the data of the flame graph, the top-down table and
// `spanscope-cli stacks`.
struct StackTree {
    std::vector<StackNode> nodes;
    std::vector<std::int32_t> roots; // top-level paths, heaviest total first
    std::vector<std::string> names;  // the spans' names (TimelineSpans::names)
    std::vector<std::int32_t> nodeOfSpan;

    // "a;b;c": the names from the top of the path down to the node. A ';' inside a name
    // becomes ':' so the collapsed format stays parseable.
    std::string path(std::int32_t node) const;
    // Nodes in depth-first order, children heaviest first.
    std::vector<std::int32_t> depthFirst() const;
};

// Builds the tree in O(n log n). `tokens` may be null or empty.
StackTree buildStacks(const TimelineSpans &spans, const SpanTokens *tokens = nullptr);

// What a flame graph box or a collapsed line weighs.
enum class StackWeight { Total, Self, Wall, Calls, Tokens };
const char *stackWeightName(StackWeight w);
bool stackWeightFromName(const std::string &name, StackWeight &out);

// The node's own value for the weight: its total, self or wall time in ns, calls, or tokens.
double ownValue(const StackNode &n, StackWeight w);
// The width of every node in a flame graph: for Total the node's total time, for the other
// weights the sum of own values over its subtree (so children always fit in their parent).
std::vector<double> flameWidths(const StackTree &tree, StackWeight w);

// Bottom-up: one top-level entry per span name, with the paths that called it below, up to
// their roots. Values of a caller row are those of the function's calls through that caller.
struct BottomUpNode {
    std::int32_t parent = -1;
    std::uint32_t nameId = 0;
    std::int64_t calls = 0;
    std::int64_t totalNs = 0; // recursion counted once: only the outermost call of a name
    std::int64_t selfNs = 0;
    std::int64_t tokens = 0;
    std::vector<std::int32_t> children;   // callers, heaviest self first
    std::vector<std::int32_t> stackNodes; // the call paths that end here (top level) or pass
};

struct BottomUpTree {
    std::vector<BottomUpNode> nodes;
    std::vector<std::int32_t> roots; // heaviest self first
};

// Caller chains below a bottom-up row stop after this many levels.
constexpr int maxBottomUpDepth = 64;
BottomUpTree buildBottomUp(const StackTree &tree);

} // namespace spanscope

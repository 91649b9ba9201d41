#pragma once

#include "callstacks.h"
#include "significance.h"
#include "timelinespans.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// Run A (baseline) against run B (candidate), DESIGN.md section 6: items paired by id, paired
// tests on the evaluator scores and the request latency, and every call path of both runs
// matched by path. Pure functions over plain values; RunComparer (models/store) loads them.
namespace spanscope {

// One eval item (or, for a run without eval items, one request) of a run.
struct CompareItem {
    std::string key; // eval example id / the request's item id; "" when the source named none
    std::int64_t ordinal = 0;
    std::optional<std::int64_t> traceId; // its request, to open the waterfall
    std::optional<double> latency;       // seconds, the request's duration
    std::int64_t inputTokens = 0, outputTokens = 0, errors = 0;
    std::map<std::string, double> scores; // evaluator -> score
};

// Indexes into A's and B's items; -1 on the side that has no such item.
struct ItemPair {
    std::int32_t a = -1, b = -1;
    bool byOrder = false; // matched by position because the ids were missing
};

// Items with an id are paired by id (the k-th occurrence of an id in A with the k-th in B, for
// repeated passes); items without one by their order among the id-less items of each run.
// Matched pairs come first, in A's order, then A's unmatched items, then B's.
std::vector<ItemPair> matchItems(const std::vector<CompareItem> &a,
                                 const std::vector<CompareItem> &b);

struct CompareOptions {
    double alpha = 0.05;
    int resamples = 10000;
    std::uint64_t seed = 20251126;
    double scoreTolerance = 1e-9; // a score change within this is "unchanged"
};

struct PairedComparison {
    std::int64_t n = 0;                       // pairs with a value on both sides
    std::optional<double> meanA, meanB, diff; // diff = mean of (B - A)
    std::optional<significance::Interval> ci95;
    significance::WilcoxonResult test;
    std::int64_t improved = 0, regressed = 0, unchanged = 0;
    std::vector<std::int32_t> improvedPairs, regressedPairs; // into RunComparison::pairs
    bool significant(double alpha) const { return test.n > 0 && test.pValue < alpha; }
};

struct EvaluatorComparison {
    std::string name;
    PairedComparison paired; // higher score = better
};

struct LatencyComparison {
    std::optional<double> p50A, p50B, p95A, p95B; // seconds, over every request of each run
    PairedComparison paired; // matched items; lower latency = better ("improved" = faster)
};

// A call path's calls in one run.
struct PathSample {
    std::string path;              // "a;b;c" as StackTree::path
    std::vector<double> durations; // seconds, one per call
    std::vector<double> selfTimes; // seconds, aligned with durations
    std::int64_t tokens = 0;
};

// Every node of a stack tree as a path sample.
std::vector<PathSample> pathSamples(const StackTree &tree, const TimelineSpans &spans,
                                    const std::vector<std::int64_t> &selfNs);

struct PathComparison {
    std::string path;
    std::int64_t callsA = 0, callsB = 0;
    std::optional<double> p50A, p50B, p95A, p95B; // duration, seconds
    std::optional<double> selfP50A, selfP50B;
    double totalA = 0, totalB = 0; // sum of durations, seconds
    double selfTotalA = 0, selfTotalB = 0;
    std::int64_t tokensA = 0, tokensB = 0;
    double pDuration = 1, qDuration = 1; // Mann-Whitney on the durations, BH-adjusted over paths
    double pSelf = 1, qSelf = 1;         // the same on the self times
    // The path's own work changed (self time, q < alpha): where a slowdown comes from. A caller
    // whose duration changed only through this child is `durationChanged` but not `selfChanged`.
    bool selfChanged = false, durationChanged = false;
    double p50Change() const { return p50A && p50B ? *p50B - *p50A : 0.0; }
};

struct RunComparison {
    std::vector<ItemPair> pairs; // matched first
    std::int64_t matched = 0;
    std::vector<std::int32_t> unmatchedA, unmatchedB; // item indexes
    std::vector<EvaluatorComparison> evaluators;      // by name
    LatencyComparison latency;
    // Every path of either run: changed own work, changed duration, paths only one run has (by
    // the size of the change in total time), then the rest by B's total time.
    std::vector<PathComparison> paths;
};

RunComparison compareRuns(const std::vector<CompareItem> &a, const std::vector<CompareItem> &b,
                          const std::vector<PathSample> &pathsA,
                          const std::vector<PathSample> &pathsB,
                          const CompareOptions &options = {});

} // namespace spanscope

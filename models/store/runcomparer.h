#pragma once

#include "analysis/pathrows.h"
#include "analysis/runcomparison.h"
#include "evalqueries.h"
#include "runinfo.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace spanscope {

class Workspace;

// Two stored runs compared: what the compare view and `spanscope-cli compare` show.
// One configuration file of the two runs (NAT's config_effective.yml, config_original.yml,
// config_metadata.json), as each run kept it; absent where a run has no such file.
struct ConfigPair {
    std::string name;
    std::optional<std::string> a, b;
};

struct StoredComparison {
    RunInfo a, b; // A = baseline, B = candidate
    std::vector<EvalItemRow> itemsA, itemsB;
    RunComparison result;
    StackTree stacksA, stacksB;      // the call paths of each run (B's is the differential flame)
    std::vector<ConfigPair> configs; // the files either run has
};

// The call paths of a stored run with every call's duration and self time; its stack tree into
// `stacks` when given.
std::vector<PathSample> storedPathSamples(const Workspace &ws, std::int64_t runId,
                                          StackTree *stacks = nullptr);

// The spans of one request (traces.id), by start, parents as indexes: a side-by-side waterfall.
std::vector<RequestSpan> requestSpans(const Workspace &ws, std::int64_t traceId);

// Loads both runs from `ws` (a connection of the calling thread) and compares them. Throws
// StoreError for an unknown run. Call it off the UI thread: it reads both runs' spans.
StoredComparison compareStoredRuns(const Workspace &ws, std::int64_t runA, std::int64_t runB,
                                   const CompareOptions &options = {});

} // namespace spanscope

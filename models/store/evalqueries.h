#pragma once

#include "analysis/runcomparison.h"
#include "analysis/sizingfit.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

class Workspace;

// An eval item with its texts: a row of the Items table and of the compare view.
struct EvalItemRow {
    CompareItem item;
    std::string question, expected, generated;
    std::string error;          // NAT 1.5+: why the workflow failed on the item, "" if it did not
    std::string attributesJson; // the dataset row's other fields, a JSON object or ""

    std::map<std::string, std::string> reasoning; // evaluator -> text (JSON reduced to its text)
};

// A NAT calculator point as stored, both metrics, with NAT's own outputs beside it.
struct StoredSizingPoint {
    int concurrency = 0;
    std::optional<double> runtimeP95, latencyP95;   // seconds
    std::vector<double> runtimeItems, latencyItems; // per item, seconds (newer imports)
    bool interrupted = false;
    std::optional<double> natGpusByRuntime, natGpusByLatency; // NAT's single-point estimates
    std::optional<int> natItemsOverRuntime, natItemsOverLatency;
    bool natOutlierRuntime = false, natOutlierLatency = false;
};

// NAT's calculator run: its points and what NAT concluded.
struct StoredSizing {
    std::vector<StoredSizingPoint> points;                    // by concurrency
    std::optional<double> natGpusByRuntime, natGpusByLatency; // slope method
    std::optional<sizing::LinearFit> natRuntimeFit, natLatencyFit;
};

// Read queries over a run's evaluation items and sizing points.
class EvalQueries {
public:
    explicit EvalQueries(const Workspace &workspace) : m_ws(workspace) {}

    // The run's eval items in order with scores, texts and their request's latency, tokens and
    // errors. A run without eval items (plain traces) gets one item per request, keyed by the
    // request's item id where it has one.
    std::vector<EvalItemRow> items(std::int64_t runId) const;
    // The run's sizing points (a nat-sizing run); empty for other runs.
    StoredSizing sizing(std::int64_t runId) const;

private:
    const Workspace &m_ws;
};

// An item as scripts and views name it: its id, or "#N" (its place in request order, 1-based)
// where the source gave none.
std::string itemId(const CompareItem &item);

// The text of a stored reasoning: the "reasoning" (or "explanation") string when it is a JSON
// object holding one, else the JSON as it is.
std::string reasoningText(const std::string &stored);

} // namespace spanscope

#pragma once

#include "analysis/sizingfit.h"
#include "evalqueries.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

class Workspace;
struct RunInfo;

enum class SizingMetric { Runtime, LlmLatency };

// The points a sizing is fitted to and what NAT concluded from them, for one metric: from a NAT
// calculator run, or from several runs of plain traces, one point per run.
struct SizingSource {
    SizingMetric metric = SizingMetric::Runtime;
    std::vector<sizing::Point> points; // by concurrency
    // The run a point was measured from (trace runs), or a calculator point's eval run where the
    // workspace holds it (linkCalcEvalRuns); else 0.
    std::vector<std::int64_t> runOfPoint;
    // Per point: the concurrency is the one NAT ran at (its configuration's max_concurrency),
    // not the one measured from the requests in flight.
    std::vector<bool> concurrencyFromNat;
    std::vector<std::optional<double>> natSinglePoint; // NAT's per-point estimate, when written
    std::vector<bool> natOutlier;
    std::vector<std::optional<int>> natItemsOver;
    std::optional<double> natGpus; // NAT's slope estimate
    std::optional<sizing::LinearFit> natFit;
    bool fromNat = false;
    // NAT does not record its target: the budget its per-point estimates imply for the default
    // 100 users on 8 GPUs (when NAT estimated anything for this metric).
    std::optional<double> natImpliedBudget;
};

constexpr double defaultSizingUsers = 100;
constexpr double defaultSizingGpus = 8;

// NAT's calculator points for `metric`.
SizingSource sizingFromCalc(const StoredSizing &stored, SizingMetric metric);

// NAT's calculator runs each concurrency as an eval into a folder of its own (older NAT) or one
// it wipes between concurrencies (newer), beside its calc output folder. Where the workspace
// holds such eval runs (imported from under the calc output folder's parent, made at a point's
// concurrency under the calculator's alias wf_concurrency_<N>), each point names its run.
void linkCalcEvalRuns(const Workspace &ws, const RunInfo &calc, SizingSource &source);

// One point per run: its concurrency is the one NAT ran it at when its configuration says
// (eval.general.max_concurrency), else the p95 of requests in flight (time-weighted), its time
// the p95 of the request durations (Runtime) or of the LLM calls (LlmLatency), its items those
// durations. Runs with no timed request are left out. Reads the workspace: off the UI thread.
SizingSource sizingFromRuns(const Workspace &ws, const std::vector<std::int64_t> &runIds,
                            SizingMetric metric);

// The budget to open on when the user gives none: the one NAT's estimates imply, else the median
// point's p95 (a line that crosses the data), else 60 s for no points; `source` says which.
struct DefaultBudget {
    double seconds = 60;
    const char *source = "none";
};
DefaultBudget defaultBudget(const SizingSource &source);

// Whether our figures equal NAT's for these inputs: nullopt when the inputs are not the ones
// NAT's figures are for (the default users and GPUs and the budget they imply), else whether
// the slope estimate and every single-point estimate agree.
std::optional<bool> agreesWithNat(const SizingSource &source, const sizing::Inputs &inputs,
                                  const sizing::Result &result);

// A concurrency as the views print it: whole numbers without decimals ("16"), else two.
std::string concurrencyText(double concurrency);

// Whether NAT estimated anything for `metric` in this calculator run.
bool natEstimated(const StoredSizing &stored, SizingMetric metric);

} // namespace spanscope

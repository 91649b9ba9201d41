#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// NAT's sizing calculator (`nat sizing calc`, profiler/calc/calculations.py), recomputed so the
// sizing view can answer for inputs NAT was not run with: a least-squares line of p95 time against
// concurrency after NAT's outlier removal, and the two GPU estimates. The rules are NAT's, down to
// the quirks (the extreme-value pass only for <= 8 points, no outlier removal for <= 4).
namespace spanscope::sizing {

struct FitConfig {
    double minRSquared = 0.7;
    int smallRangeThreshold = 8;    // at most this many points: first drop extreme raw values
    double extremeThreshold = 2.0;  // x IQR on the raw values
    double residualThreshold = 1.5; // x IQR on the residuals
    bool removeOutliers = true;
};

struct LinearFit {
    double slope = 0, intercept = 0, rSquared = 0;
    std::vector<double> outliersRemoved; // concurrencies, in NAT's order (extreme pass first)
    bool accepted = false;               // false: NAT reports no fit (R^2 too low, too few points)
    std::string rejected;                // why, when not accepted
};

// The fit of `times` (p95 seconds) against `concurrencies`, in the order given.
LinearFit fitLine(const std::vector<double> &concurrencies, const std::vector<double> &times,
                  const FitConfig &config = {});

// Concurrency at which the fitted line reaches `budget`; nullopt when the budget is at or under
// the intercept or the line does not rise (NAT raises there).
std::optional<double> concurrencyAtBudget(const LinearFit &fit, double budget);

// NAT's slope method: GPUs = users / concurrencyAtBudget x testGpus.
std::optional<double> gpusBySlope(const LinearFit &fit, double budget, double users,
                                  double testGpus);

// NAT's single-point method: (users / concurrency) x (observed / budget) x testGpus; nullopt when
// the observed p95 is over the budget (NAT leaves the estimate empty there).
std::optional<double> gpusSinglePoint(double concurrency, double observed, double budget,
                                      double users, double testGpus);

struct Point {
    double concurrency = 0;
    double p95 = 0;            // seconds
    std::vector<double> items; // per-item times at this concurrency, seconds (may be empty)
    bool interrupted = false;  // NAT's workflow_interrupted: kept out of the fit
};

struct Inputs {
    double users = 100;
    double budget = 0; // seconds
    double testGpus = 8;
};

struct Result {
    LinearFit fit;
    std::vector<bool> outlier;        // per point (the fit removed it)
    std::vector<int> itemsOverBudget; // per point; -1 when the point has no per-item times
    std::vector<std::optional<double>> singlePoint; // per point
    std::optional<double> concurrencyAtBudget;      // by the fit
    std::optional<double> maxTestedWithinBudget;    // the largest tested concurrency under it
    std::optional<double> gpus;                     // slope method
};

// Everything the sizing view and `spanscope-cli sizing` show, as NAT's calculator would compute it
// for these inputs. Interrupted points are shown but neither fitted nor estimated, as in NAT.
Result size(const std::vector<Point> &points, const Inputs &inputs, const FitConfig &config = {});

// The budget NAT's own per-point estimates imply for `users` and `testGpus`
// (estimate = users / c x observed / budget x gpus, solved for budget), the median over the
// points that have one; nullopt when NAT wrote none.
std::optional<double> impliedBudget(const std::vector<Point> &points,
                                    const std::vector<std::optional<double>> &natEstimates,
                                    double users, double testGpus);

// The concurrency a run of plain traces was measured at: the q-th percentile (0..100) of the
// number of requests in flight, weighted by time over [first start, last end] (idle gaps count as
// 0). Intervals are [start, end) in any unit; nullopt when there is none or no time passes.
std::optional<double>
inFlightPercentile(std::vector<std::pair<std::int64_t, std::int64_t>> intervals, double q);

} // namespace spanscope::sizing

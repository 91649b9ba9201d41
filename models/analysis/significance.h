#pragma once

#include <cstdint>
#include <optional>
#include <vector>

// The statistics a run comparison rests on (DESIGN.md section 6): paired tests for items scored in
// both runs, an unpaired test for call durations, and a multiple-testing correction. Pure
// functions; every p-value is two-sided.
namespace spanscope::significance {

struct WilcoxonResult {
    int n = 0;           // pairs left after zero differences are dropped
    int zeros = 0;       // pairs with no difference (dropped, Wilcoxon's own rule)
    double wPlus = 0;    // sum of the ranks of the positive differences (mid-ranks for ties)
    double pValue = 1.0; // 1 when no pair differs
    bool exact = true;   // false: normal approximation
    double z = 0;        // the normal approximation's z (also filled when exact)
};

// Wilcoxon signed-rank test of differences d[i] = b[i] - a[i]. Zero differences are dropped; tied
// |d| get their mid-rank. For n <= exactLimit the p-value comes from the exact null distribution
// of W+ over every sign assignment of these (possibly tied) ranks; above it from the normal
// approximation with the tie correction of the variance, no continuity correction (scipy's
// defaults). |d| closer than `tolerance` count as ties, and |d| <= tolerance as zeros, so
// floating-point noise in scores (0.30000000000000004) does not split ranks.
WilcoxonResult wilcoxonSignedRank(const std::vector<double> &differences, int exactLimit = 25,
                                  double tolerance = 1e-12);

struct MannWhitneyResult {
    double u = 0;        // U of the first sample
    double z = 0;        // positive when the second sample tends to be larger
    double pValue = 1.0; // normal approximation with the tie correction and a 0.5 continuity step
};

// Mann-Whitney U test between two independent samples (e.g. one call path's durations in two
// runs). p = 1 when either sample is empty or every value ties.
MannWhitneyResult mannWhitneyU(const std::vector<double> &a, const std::vector<double> &b);

struct Interval {
    double lo = 0, hi = 0;
};

// Percentile bootstrap interval of the mean of `values` (paired differences): `resamples`
// resamples of size n drawn with replacement by SplitMix64 seeded with `seed` (state += golden
// gamma, then its two xor-shift-multiply rounds), index k = floor(u * n / 2^64) for each draw u,
// the means sorted, and the (1-level)/2 and (1+level)/2 quantiles taken with numpy's linear
// interpolation. Same input and seed, same interval, on every platform. nullopt when `values` is
// empty.
std::optional<Interval> bootstrapMeanInterval(const std::vector<double> &values,
                                              int resamples = 10000, std::uint64_t seed = 20251126,
                                              double level = 0.95);

// Benjamini-Hochberg adjusted p-values (q-values), in the input's order: the false discovery rate
// at which each test would be called significant among all of them.
std::vector<double> benjaminiHochberg(const std::vector<double> &pValues);

// The normal distribution's upper tail P(Z >= z).
double normalUpperTail(double z);

} // namespace spanscope::significance

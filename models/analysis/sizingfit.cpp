#include "sizingfit.h"

#include "stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace spanscope::sizing {

namespace {

struct Line {
    double slope = 0, intercept = 0;
    bool ok = false;
};

Line leastSquares(const std::vector<double> &x, const std::vector<double> &y) {
    const double n = static_cast<double>(x.size());
    double sx = 0, sy = 0, sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxy += x[i] * y[i];
        sxx += x[i] * x[i];
    }
    const double denominator = n * sxx - sx * sx;
    if (x.empty() || denominator == 0) return {};
    Line l;
    l.slope = (n * sxy - sx * sy) / denominator;
    l.intercept = (sy - l.slope * sx) / n;
    l.ok = true;
    return l;
}

// Keeps the points whose value lies within [q1 - k iqr, q3 + k iqr] of `values`; appends the
// concurrencies of the others to `removed`.
void keepWithinFences(std::vector<double> &x, std::vector<double> &y,
                      const std::vector<double> &values, double k, std::vector<double> &removed) {
    const double q1 = *stats::percentile(values, 25), q3 = *stats::percentile(values, 75);
    const double lo = q1 - k * (q3 - q1), hi = q3 + k * (q3 - q1);
    std::vector<double> keptX, keptY;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (values[i] >= lo && values[i] <= hi) {
            keptX.push_back(x[i]);
            keptY.push_back(y[i]);
        } else {
            removed.push_back(x[i]);
        }
    }
    x.swap(keptX);
    y.swap(keptY);
}

} // namespace

LinearFit fitLine(const std::vector<double> &concurrencies, const std::vector<double> &times,
                  const FitConfig &config) {
    LinearFit fit;
    std::vector<double> x = concurrencies, y = times;
    if (x.size() != y.size() || x.size() < 2) {
        fit.rejected = "needs at least 2 points";
        return fit;
    }
    if (config.removeOutliers && x.size() > 4) {
        if (static_cast<int>(x.size()) <= config.smallRangeThreshold)
            keepWithinFences(x, y, std::vector<double>(y), config.extremeThreshold,
                             fit.outliersRemoved);
        const Line first = leastSquares(x, y);
        if (!first.ok) {
            fit.rejected = "no two distinct concurrencies left after the outlier removal";
            return fit;
        }
        std::vector<double> residuals(x.size());
        for (std::size_t i = 0; i < x.size(); ++i)
            residuals[i] = y[i] - (first.slope * x[i] + first.intercept);
        keepWithinFences(x, y, residuals, config.residualThreshold, fit.outliersRemoved);
    }
    const Line line = leastSquares(x, y);
    if (!line.ok) {
        fit.rejected = "needs two distinct concurrencies";
        return fit;
    }
    fit.slope = line.slope;
    fit.intercept = line.intercept;
    double mean = 0;
    for (double v : y)
        mean += v;
    mean /= static_cast<double>(y.size());
    double ssRes = 0, ssTot = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double r = y[i] - (fit.slope * x[i] + fit.intercept);
        ssRes += r * r;
        ssTot += (y[i] - mean) * (y[i] - mean);
    }
    fit.rSquared = ssTot != 0 ? 1 - ssRes / ssTot : 0.0;
    fit.accepted = fit.rSquared >= config.minRSquared;
    if (!fit.accepted) {
        char text[64];
        std::snprintf(text, sizeof text, "R\u00b2 %.3f below %.2g", fit.rSquared,
                      config.minRSquared);
        fit.rejected = text;
    }
    return fit;
}

std::optional<double> concurrencyAtBudget(const LinearFit &fit, double budget) {
    if (!fit.accepted || budget <= fit.intercept || fit.slope == 0) return std::nullopt;
    const double c = (budget - fit.intercept) / fit.slope;
    if (!(c > 0) || !std::isfinite(c)) return std::nullopt;
    return c;
}

std::optional<double> gpusBySlope(const LinearFit &fit, double budget, double users,
                                  double testGpus) {
    const auto c = concurrencyAtBudget(fit, budget);
    if (!c || users <= 0 || testGpus <= 0) return std::nullopt;
    return users / *c * testGpus;
}

std::optional<double> gpusSinglePoint(double concurrency, double observed, double budget,
                                      double users, double testGpus) {
    if (budget <= 0 || users <= 0 || testGpus <= 0 || concurrency <= 0 || observed > budget)
        return std::nullopt;
    return users / concurrency * (observed / budget) * testGpus;
}

Result size(const std::vector<Point> &points, const Inputs &inputs, const FitConfig &config) {
    Result r;
    std::vector<double> x, y;
    for (const Point &p : points)
        if (!p.interrupted) {
            x.push_back(p.concurrency);
            y.push_back(p.p95);
        }
    r.fit = fitLine(x, y, config);
    for (const Point &p : points) {
        r.outlier.push_back(std::find(r.fit.outliersRemoved.begin(), r.fit.outliersRemoved.end(),
                                      p.concurrency) != r.fit.outliersRemoved.end());
        r.itemsOverBudget.push_back(
            p.items.empty()
                ? -1
                : static_cast<int>(std::count_if(p.items.begin(), p.items.end(),
                                                 [&](double t) { return t > inputs.budget; })));
        r.singlePoint.push_back(p.interrupted ? std::nullopt
                                              : gpusSinglePoint(p.concurrency, p.p95, inputs.budget,
                                                                inputs.users, inputs.testGpus));
        if (!p.interrupted && p.p95 <= inputs.budget &&
            (!r.maxTestedWithinBudget || p.concurrency > *r.maxTestedWithinBudget))
            r.maxTestedWithinBudget = p.concurrency;
    }
    r.concurrencyAtBudget = concurrencyAtBudget(r.fit, inputs.budget);
    r.gpus = gpusBySlope(r.fit, inputs.budget, inputs.users, inputs.testGpus);
    return r;
}

std::optional<double> impliedBudget(const std::vector<Point> &points,
                                    const std::vector<std::optional<double>> &natEstimates,
                                    double users, double testGpus) {
    std::vector<double> budgets;
    for (std::size_t i = 0; i < points.size() && i < natEstimates.size(); ++i)
        if (natEstimates[i] && *natEstimates[i] > 0 && points[i].concurrency > 0)
            budgets.push_back(users / points[i].concurrency * points[i].p95 * testGpus /
                              *natEstimates[i]);
    return stats::percentile(budgets, 50);
}

std::optional<double>
inFlightPercentile(std::vector<std::pair<std::int64_t, std::int64_t>> intervals, double q) {
    std::vector<std::pair<std::int64_t, int>> events; // time, +1 start / -1 end
    for (const auto &[s, e] : intervals)
        if (e > s) {
            events.emplace_back(s, 1);
            events.emplace_back(e, -1);
        }
    if (events.empty()) return std::nullopt;
    std::sort(events.begin(), events.end()); // ends (-1) before starts at the same instant
    std::map<int, double> timeAtLevel;
    int level = 0;
    for (std::size_t i = 0; i + 1 < events.size(); ++i) {
        level += events[i].second;
        timeAtLevel[level] += static_cast<double>(events[i + 1].first - events[i].first);
    }
    double total = 0;
    for (const auto &[l, t] : timeAtLevel)
        total += t;
    if (total <= 0) return std::nullopt;
    double below = 0;
    for (const auto &[l, t] : timeAtLevel) {
        below += t;
        if (below >= q / 100.0 * total - 1e-9 * total) return static_cast<double>(l);
    }
    return static_cast<double>(timeAtLevel.rbegin()->first);
}

} // namespace spanscope::sizing

#include "significance.h"

#include "stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spanscope::significance {

namespace {

__extension__ using Wide = unsigned __int128;

// Ranks (1-based, mid-ranks for ties) of `values` sorted ascending in place; values closer than
// `tolerance` to the previous one tie. Returns the tie correction sum(t^3 - t).
double midRanks(const std::vector<double> &sorted, std::vector<double> &ranks, double tolerance) {
    ranks.assign(sorted.size(), 0.0);
    double tieSum = 0;
    std::size_t i = 0;
    while (i < sorted.size()) {
        std::size_t j = i + 1;
        while (j < sorted.size() && sorted[j] - sorted[j - 1] <= tolerance)
            ++j;
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            ranks[k] = rank;
        const double t = static_cast<double>(j - i);
        tieSum += t * t * t - t;
        i = j;
    }
    return tieSum;
}

} // namespace

double normalUpperTail(double z) {
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

WilcoxonResult wilcoxonSignedRank(const std::vector<double> &differences, int exactLimit,
                                  double tolerance) {
    WilcoxonResult r;
    std::vector<std::pair<double, bool>> nonZero; // |d|, positive
    for (double d : differences) {
        if (std::isnan(d)) continue;
        if (std::abs(d) <= tolerance) {
            ++r.zeros;
            continue;
        }
        nonZero.emplace_back(std::abs(d), d > 0);
    }
    r.n = static_cast<int>(nonZero.size());
    if (r.n == 0) return r;
    std::sort(nonZero.begin(), nonZero.end());
    std::vector<double> magnitudes(nonZero.size()), ranks;
    for (std::size_t i = 0; i < nonZero.size(); ++i)
        magnitudes[i] = nonZero[i].first;
    const double tieSum = midRanks(magnitudes, ranks, tolerance);
    for (std::size_t i = 0; i < nonZero.size(); ++i)
        if (nonZero[i].second) r.wPlus += ranks[i];

    const double n = r.n;
    const double mean = n * (n + 1) / 4.0;
    const double variance = n * (n + 1) * (2 * n + 1) / 24.0 - tieSum / 48.0;
    r.z = variance > 0 ? (r.wPlus - mean) / std::sqrt(variance) : 0.0;

    if (r.n > exactLimit) {
        r.exact = false;
        r.pValue = std::min(1.0, 2.0 * normalUpperTail(std::abs(r.z)));
        return r;
    }
    // Mid-ranks are multiples of 1/2, so doubled ranks are integers: count the sign assignments
    // by the doubled sum of the positive ranks (at most 2^25 of them, exact in a double).
    std::vector<int> doubled(ranks.size());
    int total = 0;
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        doubled[i] = static_cast<int>(std::lround(ranks[i] * 2));
        total += doubled[i];
    }
    std::vector<double> ways(static_cast<std::size_t>(total) + 1, 0.0);
    ways[0] = 1;
    int reach = 0;
    for (int d : doubled) {
        for (int s = reach; s >= 0; --s)
            if (ways[static_cast<std::size_t>(s)] != 0)
                ways[static_cast<std::size_t>(s + d)] += ways[static_cast<std::size_t>(s)];
        reach += d;
    }
    const int observed = static_cast<int>(std::lround(r.wPlus * 2));
    double below = 0, above = 0, all = 0;
    for (int s = 0; s <= total; ++s) {
        const double w = ways[static_cast<std::size_t>(s)];
        all += w;
        if (s <= observed) below += w;
        if (s >= observed) above += w;
    }
    r.pValue = std::min(1.0, 2.0 * std::min(below, above) / all);
    return r;
}

MannWhitneyResult mannWhitneyU(const std::vector<double> &a, const std::vector<double> &b) {
    MannWhitneyResult r;
    if (a.empty() || b.empty()) return r;
    std::vector<std::pair<double, bool>> all; // value, from a
    all.reserve(a.size() + b.size());
    for (double x : a)
        all.emplace_back(x, true);
    for (double x : b)
        all.emplace_back(x, false);
    std::sort(all.begin(), all.end());
    std::vector<double> values(all.size()), ranks;
    for (std::size_t i = 0; i < all.size(); ++i)
        values[i] = all[i].first;
    const double tieSum = midRanks(values, ranks, 0.0);
    double rankSumA = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].second) rankSumA += ranks[i];
    const double n1 = static_cast<double>(a.size()), n2 = static_cast<double>(b.size());
    const double bigN = n1 + n2;
    r.u = rankSumA - n1 * (n1 + 1) / 2.0;
    const double mean = n1 * n2 / 2.0;
    const double variance = n1 * n2 / 12.0 * ((bigN + 1) - tieSum / (bigN * (bigN - 1)));
    if (variance <= 0) return r;
    const double uB = n1 * n2 - r.u;
    const double distance = std::max(0.0, std::abs(uB - mean) - 0.5);
    r.z = (uB >= mean ? distance : -distance) / std::sqrt(variance);
    r.pValue = std::min(1.0, 2.0 * normalUpperTail(std::abs(r.z)));
    return r;
}

std::optional<Interval> bootstrapMeanInterval(const std::vector<double> &values, int resamples,
                                              std::uint64_t seed, double level) {
    if (values.empty() || resamples <= 0) return std::nullopt;
    const auto n = static_cast<std::uint64_t>(values.size());
    // SplitMix64 (Steele, Lea, Flood 2014): a few ns cheaper a draw than mt19937_64, and the
    // draws are the whole cost (resamples x n of them); its output is equidistributed, plenty
    // for resampling indexes.
    std::uint64_t state = seed;
    const auto rng = [&state] {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    std::vector<double> means(static_cast<std::size_t>(resamples));
    for (double &m : means) {
        double sum = 0;
        for (std::uint64_t i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>((static_cast<Wide>(rng()) * n) >> 64);
            sum += values[k];
        }
        m = sum / static_cast<double>(n);
    }
    std::sort(means.begin(), means.end());
    return Interval{*stats::percentileSorted(means, 100.0 * (1.0 - level) / 2.0),
                    *stats::percentileSorted(means, 100.0 * (1.0 + level) / 2.0)};
}

std::vector<double> benjaminiHochberg(const std::vector<double> &pValues) {
    const std::size_t m = pValues.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return pValues[x] > pValues[y]; });
    std::vector<double> q(m, 1.0);
    double running = 1.0;
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t rank = m - i; // 1-based rank from the smallest p
        running = std::min(running,
                           pValues[order[i]] * static_cast<double>(m) / static_cast<double>(rank));
        q[order[i]] = std::min(1.0, running);
    }
    return q;
}

} // namespace spanscope::significance

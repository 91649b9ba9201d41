#include "stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spanscope::stats {

std::optional<double> percentileSorted(const std::vector<double> &sorted, double q) {
    if (sorted.empty()) return std::nullopt;
    const double rank = std::clamp(q, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

std::optional<double> percentile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    return percentileSorted(values, q);
}

std::optional<double> mean(const std::vector<double> &values) {
    if (values.empty()) return std::nullopt;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

} // namespace spanscope::stats

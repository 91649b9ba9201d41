#pragma once

#include <optional>
#include <vector>

namespace spanscope::stats {

// The q-th percentile (0..100) of sorted values with linear interpolation between closest
// ranks, numpy's default, so figures match NAT's pandas/numpy reports. nullopt when empty.
std::optional<double> percentileSorted(const std::vector<double> &sorted, double q);
// Sorts a copy first.
std::optional<double> percentile(std::vector<double> values, double q);
std::optional<double> mean(const std::vector<double> &values);

} // namespace spanscope::stats

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// Ticks of a time axis relative to a run's start, in adaptive units (ns .. min): steps from the
// 1-2-5 series, at least `minSpacingPx` apart, labels as short as the step allows.
struct AxisTick {
    std::int64_t t = 0; // absolute ns
    double x = 0;       // pixels from the left edge
    std::string label;  // time since the origin
};

std::vector<AxisTick> timeAxisTicks(std::int64_t t0, double nsPerPixel, int widthPx,
                                    std::int64_t origin, int minSpacingPx = 90);
std::int64_t axisStep(double nsPerPixel, int minSpacingPx);
// "0", "250 ns", "1.5 µs", "12 ms", "3.25 s", "2 min 5 s": enough digits to tell steps apart.
std::string formatOffset(std::int64_t ns, std::int64_t stepNs);

} // namespace spanscope

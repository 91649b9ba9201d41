#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// Ticks of a time axis relative to a run's start, in adaptive units (ns .. h): steps from the
// 1-2-5 series below a second and round clock steps above it (1, 2, 5, 10, 15, 30 s, 1 min ..),
// at least `minSpacingPx` apart, labels as precise as the step needs. Where the labels would
// need more than three decimals (10 ns steps 6 minutes in), the first tick is an anchor with
// the full time and the others count from it ("+10 ns"), as Perfetto does.
struct AxisTick {
    std::int64_t t = 0;  // absolute ns
    double x = 0;        // pixels from the left edge
    std::string label;   // time since the origin, or since the anchor ("+20 ns")
    bool anchor = false; // the full time the "+" labels count from
};

std::vector<AxisTick> timeAxisTicks(std::int64_t t0, double nsPerPixel, int widthPx,
                                    std::int64_t origin, int minSpacingPx = 90);
std::int64_t axisStep(double nsPerPixel, int minSpacingPx);
// "0", "250 ns", "1.5 µs", "12 ms", "3.25 s", "2 min 5 s", "5 min 52.000000150 s", "1 h 30 min":
// exactly as many digits as multiples of `stepNs` need (integer arithmetic, no rounding).
std::string formatOffset(std::int64_t ns, std::int64_t stepNs);

} // namespace spanscope

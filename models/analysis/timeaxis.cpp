#include "timeaxis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace spanscope {

std::int64_t axisStep(double nsPerPixel, int minSpacingPx) {
    const double wanted = std::max(1.0, nsPerPixel * minSpacingPx);
    std::int64_t decade = 1;
    while (static_cast<double>(decade) * 10 <= wanted && decade < 1'000'000'000'000'000LL)
        decade *= 10;
    for (const std::int64_t m : {1, 2, 5, 10})
        if (static_cast<double>(decade * m) >= wanted) return decade * m;
    return decade * 10;
}

std::string formatOffset(std::int64_t ns, std::int64_t stepNs) {
    if (ns == 0) return "0";
    const char *sign = ns < 0 ? "-" : "";
    const double a = std::fabs(static_cast<double>(ns));
    struct Unit {
        double ns;
        const char *name;
    };
    static const Unit units[] = {{1, "ns"}, {1e3, "\u00b5s"}, {1e6, "ms"}, {1e9, "s"}};
    char buf[64];
    if (a >= 60e9) { // minutes and seconds
        const auto total = static_cast<std::int64_t>(a / 1e9);
        std::snprintf(buf, sizeof buf, "%s%lld min %lld s", sign,
                      static_cast<long long>(total / 60), static_cast<long long>(total % 60));
        return buf;
    }
    const Unit *u = &units[0];
    for (const Unit &c : units)
        if (a >= c.ns) u = &c;
    // Decimals: as many as the step needs in this unit (a 250 ms step in seconds needs two).
    int decimals = 0;
    for (double step = static_cast<double>(stepNs) / u->ns;
         decimals < 6 && std::fabs(step - std::round(step)) > 1e-9 * std::max(1.0, step);
         step *= 10)
        ++decimals;
    std::snprintf(buf, sizeof buf, "%s%.*f %s", sign, decimals, a / u->ns, u->name);
    return buf;
}

std::vector<AxisTick> timeAxisTicks(std::int64_t t0, double nsPerPixel, int widthPx,
                                    std::int64_t origin, int minSpacingPx) {
    std::vector<AxisTick> ticks;
    if (nsPerPixel <= 0 || widthPx <= 0) return ticks;
    const std::int64_t step = axisStep(nsPerPixel, minSpacingPx);
    const std::int64_t t1 = t0 + static_cast<std::int64_t>(nsPerPixel * widthPx);
    // The first multiple of the step (from the origin) at or after t0.
    std::int64_t k = (t0 - origin) / step;
    if (origin + k * step < t0) ++k;
    for (std::int64_t t = origin + k * step; t <= t1; t += step)
        ticks.push_back(
            {t, static_cast<double>(t - t0) / nsPerPixel, formatOffset(t - origin, step)});
    return ticks;
}

} // namespace spanscope

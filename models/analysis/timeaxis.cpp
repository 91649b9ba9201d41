#include "timeaxis.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace spanscope {

namespace {

constexpr std::int64_t second = 1'000'000'000;
constexpr std::int64_t minute = 60 * second;
constexpr std::int64_t hour = 60 * minute;

// The unit a label of |ns| is written in: ns, µs, ms, s (minutes and hours carry seconds).
struct Unit {
    std::int64_t ns;
    const char *name;
};
Unit unitOf(std::int64_t a) {
    if (a >= second) return {second, "s"};
    if (a >= 1'000'000) return {1'000'000, "ms"};
    if (a >= 1'000) return {1'000, "\u00b5s"};
    return {1, "ns"};
}

// Decimals a multiple of `step` needs in `unit` (a 250 ms step in seconds needs two).
int decimalsFor(std::int64_t step, std::int64_t unit) {
    int decimals = 0;
    for (std::int64_t u = unit; decimals < 9 && step % u != 0; u /= 10)
        ++decimals;
    return decimals;
}

// `whole`.`fraction` with `decimals` digits, where fraction < 10^9 counts nanoseconds.
std::string withDecimals(long long whole, std::int64_t remainderNs, std::int64_t unit,
                         int decimals) {
    std::string out = std::to_string(whole);
    if (decimals <= 0) return out;
    char digits[16];
    // The remainder in units of 10^-decimals of the unit, exactly (no floating point: a
    // 5 min 52.000000150 s label must not read 52.000000149).
    std::int64_t scale = unit;
    for (int i = 0; i < decimals; ++i)
        scale /= 10;
    std::snprintf(digits, sizeof digits, "%0*lld", decimals,
                  static_cast<long long>(remainderNs / std::max<std::int64_t>(1, scale)));
    out += '.';
    out += digits;
    return out;
}

} // namespace

std::int64_t axisStep(double nsPerPixel, int minSpacingPx) {
    const double wanted = std::max(1.0, nsPerPixel * minSpacingPx);
    // Below a second the 1-2-5 series in ns; above it, steps that are round on a clock.
    if (wanted <= 5e8) {
        std::int64_t decade = 1;
        while (static_cast<double>(decade) * 10 <= wanted)
            decade *= 10;
        for (const std::int64_t m : {1, 2, 5, 10})
            if (static_cast<double>(decade * m) >= wanted) return decade * m;
    }
    static constexpr std::int64_t clock[] = {
        second, 2 * second, 5 * second, 10 * second, 15 * second, 30 * second,
        minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,
        hour,   2 * hour,   3 * hour,   6 * hour,    12 * hour,   24 * hour};
    for (const std::int64_t step : clock)
        if (static_cast<double>(step) >= wanted) return step;
    std::int64_t days = 1; // then whole days, 1-2-5
    for (;;) {
        for (const std::int64_t m : {1, 2, 5})
            if (static_cast<double>(days * m * 24 * hour) >= wanted || days > 1'000'000)
                return days * m * 24 * hour;
        days *= 10;
    }
}

std::string formatOffset(std::int64_t ns, std::int64_t stepNs) {
    if (ns == 0) return "0";
    const std::string sign = ns < 0 ? "-" : "";
    // |INT64_MIN| does not fit; a time that far from the origin is clamped a nanosecond short.
    const std::int64_t a = ns < 0 ? (ns == INT64_MIN ? INT64_MAX : -ns) : ns;
    const std::int64_t step = std::max<std::int64_t>(1, stepNs);
    if (a >= minute) {
        std::string out = sign;
        if (a >= hour) out += std::to_string(a / hour) + " h";
        const std::int64_t min = a % hour / minute, rest = a % minute;
        if (a < hour || min != 0 || rest != 0 || step < hour)
            out += (a >= hour ? " " : "") + std::to_string(min) + " min";
        if (rest != 0 || step < minute) {
            const int decimals = decimalsFor(step, second);
            out += " " + withDecimals(rest / second, rest % second, second, decimals) + " s";
        }
        return out;
    }
    const Unit u = unitOf(a);
    return sign + withDecimals(a / u.ns, a % u.ns, u.ns, decimalsFor(step, u.ns)) + " " + u.name;
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
    const std::int64_t first = origin + k * step;
    // Deep in a long run ("5 min 52.000000150 s" every 10 ns) the labels would be long and
    // alike: the first tick then says where the view is, the others how far from it.
    const auto distance = [&](std::int64_t t) { return t < origin ? origin - t : t - origin; };
    const std::int64_t far = std::max(distance(first), distance(t1));
    const bool relative = decimalsFor(step, unitOf(far).ns) > 3;
    for (std::int64_t t = first; t <= t1; t += step) {
        AxisTick tick{t, static_cast<double>(t - t0) / nsPerPixel, {}, false};
        if (!relative) {
            tick.label = formatOffset(t - origin, step);
        } else if (t == first) {
            tick.label = formatOffset(t - origin, step);
            tick.anchor = true;
        } else {
            tick.label = "+" + formatOffset(t - first, step);
        }
        ticks.push_back(std::move(tick));
    }
    return ticks;
}

} // namespace spanscope

#include "isotime.h"

#include <cmath>

namespace spanscope::isotime {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, by 400-year eras (146097 days each).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int &out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

bool leapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

} // namespace

std::optional<Parsed> parse(std::string_view s) {
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, month) ||
        s[7] != '-' || !digits(s, 8, 2, day))
        return std::nullopt;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
    if (!digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' ||
        !digits(s, 17, 2, second))
        return std::nullopt;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 ||
        day > monthDays[month - 1] + (month == 2 && leapYear(year)) || hour > 23 || minute > 59 ||
        second > 60)
        return std::nullopt;
    std::size_t i = 19;
    std::int64_t fraction = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        std::int64_t scale = 100'000'000;
        const std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            fraction += (s[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
        if (i == from) return std::nullopt;
    }
    Parsed out;
    std::int64_t offsetS = 0;
    if (i == s.size()) {
        out.zoneless = true;
    } else if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
    } else if (s[i] == '+' || s[i] == '-') {
        int oh, om;
        const std::size_t rest = s.size() - i - 1;
        if (!digits(s, i + 1, 2, oh)) return std::nullopt;
        if (rest == 5 && s[i + 3] == ':' && digits(s, i + 4, 2, om)) {
        } else if (rest == 4 && digits(s, i + 3, 2, om)) {
        } else if (rest == 2) {
            om = 0;
        } else {
            return std::nullopt;
        }
        if (oh > 23 || om > 59) return std::nullopt;
        offsetS = (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    } else {
        return std::nullopt;
    }
    const std::int64_t seconds =
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
        hour * 3600 + minute * 60 + second - offsetS;
    out.ns = seconds * 1'000'000'000 + fraction;
    return out;
}

std::optional<std::int64_t> epochToNs(double v) {
    if (!std::isfinite(v) || v < 0) return std::nullopt;
    const double scale = v < 1e11 ? 1e9 : v < 1e14 ? 1e6 : v < 1e17 ? 1e3 : 1;
    if (v * scale >= 9.2e18) return std::nullopt;
    // Whole units and the fraction apart: 1767225600.25 s is 1767225600250000000 ns exactly.
    const double whole = std::floor(v);
    return static_cast<std::int64_t>(whole) * static_cast<std::int64_t>(scale) +
           std::llround((v - whole) * scale);
}

std::optional<std::int64_t> epochToNs(std::int64_t v) {
    if (v < 0) return std::nullopt;
    if (v < 100'000'000'000LL) return v * 1'000'000'000LL;
    if (v < 100'000'000'000'000LL) return v * 1'000'000LL;
    if (v < 100'000'000'000'000'000LL) return v * 1'000LL;
    return v;
}

} // namespace spanscope::isotime

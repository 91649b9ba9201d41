#include "decimaltime.h"

#include <cmath>
#include <limits>
#include <string>

namespace spanscope {

std::optional<std::int64_t> decimalSecondsToNs(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';

    // Collect significant digits and where the decimal point falls among them.
    std::string digits;
    int pointPos = -1;
    bool anyDigit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            anyDigit = true;
            if (digits.size() < 40)
                digits.push_back(c);
            else if (pointPos < 0)
                return std::nullopt; // too large for int64 ns anyway
        } else if (c == '.' && pointPos < 0) {
            pointPos = static_cast<int>(digits.size());
        } else {
            break;
        }
    }
    if (!anyDigit) return std::nullopt;
    if (pointPos < 0) pointPos = static_cast<int>(digits.size());

    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) expNegative = text[i++] == '-';
        int exp = 0;
        bool expDigit = false;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            expDigit = true;
            if (exp < 1000) exp = exp * 10 + (text[i] - '0');
        }
        if (!expDigit) return std::nullopt;
        pointPos += expNegative ? -exp : exp;
    }
    if (i != text.size()) return std::nullopt;

    // Value = 0.digits * 10^pointPos seconds; nanoseconds shift the point 9 places right.
    const int nsPoint = pointPos + 9;
    constexpr std::int64_t maxValue = std::numeric_limits<std::int64_t>::max();
    std::int64_t value = 0;
    const int n = static_cast<int>(digits.size());
    for (int k = 0; k < nsPoint; ++k) {
        const int d = k < n ? digits[static_cast<std::size_t>(k)] - '0' : 0;
        if (value > (maxValue - d) / 10) return std::nullopt;
        value = value * 10 + d;
    }
    if (nsPoint >= 0 && nsPoint < n && digits[static_cast<std::size_t>(nsPoint)] >= '5') {
        if (value == maxValue) return std::nullopt;
        ++value;
    }
    return negative ? -value : value;
}

std::optional<std::int64_t> secondsToNs(double seconds) {
    if (!std::isfinite(seconds) || std::fabs(seconds) > 9.2e9) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(seconds * 1e9));
}

} // namespace spanscope

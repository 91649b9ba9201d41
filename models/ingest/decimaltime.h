#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace spanscope {

// Epoch seconds written as a decimal number ("1748370705.6055355", "1.7e9") to int64
// nanoseconds, exactly from the digits: a double holds epoch seconds only to ~0.24 us, and the
// same text must always give the same nanoseconds. Digits past the 9th decimal are rounded
// half-up. Returns nullopt for text that is not a number or does not fit.
std::optional<std::int64_t> decimalSecondsToNs(std::string_view text);

// The same for a value that only exists as a double (already rounded by its producer).
std::optional<std::int64_t> secondsToNs(double seconds);

} // namespace spanscope

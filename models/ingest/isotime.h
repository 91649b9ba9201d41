#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace spanscope::isotime {

// An RFC 3339 / ISO 8601 time to nanoseconds since the epoch, parsed by hand so every digit of
// the fraction counts and no locale or local zone leaks in: date, 'T'/'t'/space, time, a
// fraction of any length (beyond 9 digits truncated), then 'Z'/'z', "+hh:mm" or "+hhmm".
// `zoneless` is set when the offset is missing (read as UTC). nullopt when it is no such time.
struct Parsed {
    std::int64_t ns = 0;
    bool zoneless = false;
};
std::optional<Parsed> parse(std::string_view text);

// An epoch number of unknown unit to nanoseconds, the unit chosen by size as the trajectory
// guide says: below 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, else
// nanoseconds. nullopt for negative, non-finite or out-of-range values.
std::optional<std::int64_t> epochToNs(double value);
std::optional<std::int64_t> epochToNs(std::int64_t value);

} // namespace spanscope::isotime

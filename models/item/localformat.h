#pragma once

#include <QString>
#include <cstdint>

// Numbers as the user's locale writes them (a decimal comma in Turkish), for the views. The
// analysis formats (formatDuration, formatOffset) stay plain ASCII for the CLI and files.
namespace spanscope::local {

// "5.5 s", "1 min 2.5 s" with the locale's decimal point: each point between two digits.
QString text(const std::string &plain);
QString duration(std::int64_t ns);
QString offset(std::int64_t ns, std::int64_t stepNs);
QString fixed(double value, int decimals);
// A moment, in the locale's short date and time ("27.11.2026 09:15" in Turkish); ISO 8601
// ("2026-11-27 09:15") in the C locale of scripts and tests.
QString dateTime(std::int64_t msSinceEpoch);

} // namespace spanscope::local

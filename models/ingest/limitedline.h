#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

class QIODevice;

namespace spanscope {

// Reads one line of JSON through a StringLimiter in pieces, so a line holding a 1 GiB prompt
// costs limits::maxStringBytes, not the line. Replaces `out` with the line as filtered (with
// its '\n', if any) and returns how many bytes it took from the device, so byte offsets in
// messages count the file, not the cut line; 0 at the end. `cutStrings` grows by the strings
// cut.
std::int64_t readLimitedLine(QIODevice &device, std::string &out, std::size_t *cutStrings);

} // namespace spanscope

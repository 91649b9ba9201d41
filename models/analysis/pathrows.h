#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// A span of one request, for a side-by-side waterfall.
struct RequestSpan {
    std::int64_t id = 0;      // workspace span id
    std::int32_t parent = -1; // index into the same list, -1 for a root
    std::string name;
    std::uint8_t category = 0;
    std::int64_t startNs = 0, endNs = 0;
};

// The rows two waterfalls of the same item share: one row per call path (root..span names) of
// either request, children under their parent ordered by when they first start in either run
// (relative to its request's start), so a path both runs took sits on the same row in both.
struct PathRows {
    std::vector<std::string> names; // the row's span name
    std::vector<std::int32_t> depth;
    std::vector<std::string> paths;           // "a;b;c"
    std::vector<std::int32_t> rowOfA, rowOfB; // by span index
};

PathRows matchRowsByPath(const std::vector<RequestSpan> &a, const std::vector<RequestSpan> &b);

} // namespace spanscope

#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace spanscope {

// One row of the runs table.
struct RunInfo {
    std::int64_t id = 0;
    std::string label;
    std::string kind;
    std::string sourcePath;
    std::string digest;
    std::int64_t importedAtMs = 0;
    std::optional<std::int64_t> startNs;
    std::optional<std::int64_t> endNs;
    std::int64_t traceCount = 0;
    std::int64_t spanCount = 0;
    std::string metadataJson;
    std::string reportJson;
};

} // namespace spanscope

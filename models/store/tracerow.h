#pragma once

#include <cstdint>
#include <string>

namespace spanscope {

// One row of a run's request table: a trace and its summary.
struct TraceRow {
    std::int64_t id = 0;
    std::int64_t ordinal = 0;
    std::string key;
    std::string name;
    std::string itemKey;
    std::string sessionKey;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::int64_t spans = 0;
    std::int64_t llmCalls = 0;
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t errors = 0;
    std::int64_t unfinished = 0;
};

} // namespace spanscope

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// Everything the inspector shows for one span, read on demand (the timeline keeps geometry
// only). JSON columns stay JSON text; the payload is decompressed only when asked for.
struct SpanEventRow {
    std::int64_t timeNs = 0;
    std::string name;
    std::string attributesJson;
};

struct SpanDetail {
    std::int64_t id = 0;
    std::string name;
    std::string spanKey;
    std::string parentKey;
    std::string traceKey;
    std::string traceItemKey; // the dataset item its request answered, "" when none
    std::int64_t traceStartNs = 0;
    int category = 0;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    int flags = 0;
    std::string model;
    std::int64_t inputTokens = -1; // -1: not reported
    std::int64_t outputTokens = -1;
    std::int64_t chunkCount = 0;
    std::int64_t firstChunkNs = 0; // 0: none
    std::string attributesJson;
    std::vector<SpanEventRow> events;
    bool hasPayload = false;
    std::int64_t payloadBytes = 0; // uncompressed
};

} // namespace spanscope

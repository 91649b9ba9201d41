#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

class Workspace;

// A streamed call's chunks (NAT LLM_NEW_TOKEN / SPAN_CHUNK): when each arrived and what it
// said. The span row keeps the count and the first and last times; the series itself lives in
// the span's compressed payload ("chunk_offsets_ns", "chunks"), read here one span at a time.
struct ChunkSeries {
    std::int64_t count = 0;              // as the span row says (0: not streamed)
    std::int64_t firstNs = 0;            // ns since the epoch, 0 when unknown
    std::vector<std::int64_t> offsetsNs; // from the span's start, in arrival order
    std::vector<std::string> texts;      // the chunks' text where the source kept it

    // Reads a span's series; `withTexts` false skips keeping the texts (the timeline draws
    // arrivals only). A span that did not stream gives count 0 and no offsets.
    static ChunkSeries read(const Workspace &ws, std::int64_t spanId, bool withTexts);
};

} // namespace spanscope

#pragma once

#include "category.h"
#include "records.h"

#include <algorithm>
#include <cstdint>

namespace spanscope {

// A trace's summary as the traces table stores it, accumulated span by span. One place for the
// rule of what counts as an LLM call: a finished LLM span that wraps no other LLM span.
struct TraceTotals {
    std::int64_t start = 0, end = 0;
    std::int64_t spans = 0, llmCalls = 0, inputTokens = 0, outputTokens = 0, errors = 0,
                 unfinished = 0;

    void add(Category category, int flags, std::int64_t spanStart, std::int64_t spanEnd,
             std::int64_t in, std::int64_t out) {
        start = spans == 0 ? spanStart : std::min(start, spanStart);
        end = spans == 0 ? spanEnd : std::max(end, spanEnd);
        ++spans;
        if (flags & SpanError) ++errors;
        if (flags & SpanUnfinished) ++unfinished;
        if (category == Category::Llm && !(flags & (SpanUnfinished | SpanInnerLlm))) {
            ++llmCalls;
            inputTokens += in;
            outputTokens += out;
        }
    }
};

} // namespace spanscope

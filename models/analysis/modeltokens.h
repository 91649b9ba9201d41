#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace spanscope {

// A model's finished LLM calls and their tokens. Cached and reasoning tokens (NAT 1.4+,
// OpenAI-style usage) are parts of the prompt and completion tokens, never added to them.
struct ModelTokens {
    std::string model;
    std::int64_t calls = 0;
    std::int64_t inputTokens = 0, outputTokens = 0;
    std::int64_t cachedTokens = 0, reasoningTokens = 0;
    // cached / prompt tokens: how much of the prompts the server's cache served; none without
    // prompt tokens.
    std::optional<double> cacheHitRatio() const {
        if (inputTokens <= 0) return std::nullopt;
        return static_cast<double>(cachedTokens) / static_cast<double>(inputTokens);
    }
};

} // namespace spanscope

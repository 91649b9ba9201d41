#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

namespace spanscope::providerusage {

struct Usage {
    std::optional<std::int64_t> input, output, total;
};

// The token usage a model provider's response carries, wherever it sits: the first object
// under `token_usage`, `usage`, `usage_info` (OpenAI chat completions, Anthropic messages, NAT)
// or `usageMetadata` (Gemini) at any depth, read as NAT's Relay bridge reads it: input from
// prompt_tokens | input_tokens | prompt | input | promptTokenCount, output from
// completion_tokens | output_tokens | completion | output | candidatesTokenCount, total from
// total_tokens | total | totalTokenCount (their sum when missing or 0). Negative counts are
// left out. nullopt when there is no such object with a count in it.
std::optional<Usage> find(const nlohmann::json &data);

} // namespace spanscope::providerusage

#pragma once

#include <cstdint>
#include <string_view>

namespace spanscope {

// What a span does. Stored as its integer value: append new values at the end only.
enum class Category : std::uint8_t {
    Other = 0,
    Workflow,
    Agent,
    Function,
    Llm,
    Tool,
    Retriever,
    Embedding,
    Reranker,
    Guardrail,
    Evaluator,
    Chain,
    Task,
    Custom,
    Ttc, // NAT's test-time compute steps (TTC_*, 1.4+): search, scoring, selection
    Count_
};

constexpr int categoryCount = static_cast<int>(Category::Count_);

std::string_view categoryName(Category c);
// Lower-case canonical name ("llm", "tool", ...); unknown names give Category::Other.
Category categoryFromName(std::string_view name);
// NAT's event kind, the part of event_type before START/END ("LLM", "EMBEDDER", ...).
// Returns false for kinds NAT does not define, which the readers skip.
bool categoryFromNatKind(std::string_view kind, Category &out);

} // namespace spanscope

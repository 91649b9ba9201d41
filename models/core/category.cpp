#include "category.h"

#include <array>

namespace spanscope {

namespace {
constexpr std::array<std::string_view, categoryCount> names = {
    "other",    "workflow",  "agent",     "function", "llm",  "tool",   "retriever", "embedding",
    "reranker", "guardrail", "evaluator", "chain",    "task", "custom", "ttc"};

struct NatKind {
    std::string_view kind;
    Category category;
};
// Every START/END kind NAT's IntermediateStepType and span-kind tables define.
constexpr std::array<NatKind, 14> natKinds = {{{"WORKFLOW", Category::Workflow},
                                               {"TASK", Category::Task},
                                               {"FUNCTION", Category::Function},
                                               {"LLM", Category::Llm},
                                               {"TOOL", Category::Tool},
                                               {"CUSTOM", Category::Custom},
                                               {"TTC", Category::Ttc},
                                               {"SPAN", Category::Other},
                                               {"EMBEDDER", Category::Embedding},
                                               {"RETRIEVER", Category::Retriever},
                                               {"AGENT", Category::Agent},
                                               {"RERANKER", Category::Reranker},
                                               {"GUARDRAIL", Category::Guardrail},
                                               {"EVALUATOR", Category::Evaluator}}};
} // namespace

std::string_view categoryName(Category c) {
    const auto i = static_cast<std::size_t>(c);
    return i < names.size() ? names[i] : names[0];
}

Category categoryFromName(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<Category>(i);
    return Category::Other;
}

bool categoryFromNatKind(std::string_view kind, Category &out) {
    for (const auto &k : natKinds) {
        if (k.kind == kind) {
            out = k.category;
            return true;
        }
    }
    return false;
}

} // namespace spanscope

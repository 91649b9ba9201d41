#include "otelconventions.h"

#include "core/records.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <charconv>
#include <unordered_map>

namespace spanscope {

namespace {

using Field = OtelConventions::Field;

// How a kind attribute's value becomes a category.
enum class KindMap : std::uint8_t {
    None,
    OpenInference,
    LangSmith,
    Traceloop,
    Nat,
    GenAiOperation,
    LlmRequestType
};

struct Rule {
    Field field;
    int rank; // lower wins
    KindMap kinds = KindMap::None;
};

// THE table: which attribute feeds which canonical field, first present wins by rank.
// Sources and the reasons for the order: formats/otel.md section 6.
const std::unordered_map<std::string_view, Rule> &rules() {
    static const std::unordered_map<std::string_view, Rule> table = {
        // category: vendor kinds before gen_ai.operation.name (LangSmith writes "chain" there on
        // llm spans)
        {"openinference.span.kind", {Field::Category, 0, KindMap::OpenInference}},
        {"langsmith.span.kind", {Field::Category, 1, KindMap::LangSmith}},
        {"traceloop.span.kind", {Field::Category, 2, KindMap::Traceloop}},
        {"nat.span.kind", {Field::Category, 3, KindMap::Nat}},
        {"aiq.span.kind", {Field::Category, 3, KindMap::Nat}}, // NAT's former name, AgentIQ
        {"gen_ai.operation.name", {Field::Category, 4, KindMap::GenAiOperation}},
        {"llm.request.type", {Field::Category, 5, KindMap::LlmRequestType}},
        // model
        {"llm.model_name", {Field::Model, 0}},
        {"embedding.model_name", {Field::Model, 1}},
        {"gen_ai.response.model", {Field::Model, 2}},
        {"gen_ai.request.model", {Field::Model, 3}},
        // tokens
        {"llm.token_count.prompt", {Field::InputTokens, 0}},
        {"gen_ai.usage.input_tokens", {Field::InputTokens, 1}},
        {"gen_ai.usage.prompt_tokens", {Field::InputTokens, 2}},
        {"nat.usage.token_count.prompt", {Field::InputTokens, 3}},
        {"aiq.usage.token_count.prompt", {Field::InputTokens, 3}},
        {"llm.token_count.completion", {Field::OutputTokens, 0}},
        {"gen_ai.usage.output_tokens", {Field::OutputTokens, 1}},
        {"gen_ai.usage.completion_tokens", {Field::OutputTokens, 2}},
        {"nat.usage.token_count.completion", {Field::OutputTokens, 3}},
        {"aiq.usage.token_count.completion", {Field::OutputTokens, 3}},
        {"llm.token_count.total", {Field::TotalTokens, 0}},
        {"llm.usage.total_tokens", {Field::TotalTokens, 1}},
        {"gen_ai.usage.total_tokens", {Field::TotalTokens, 2}},
        {"nat.usage.token_count.total", {Field::TotalTokens, 3}},
        {"aiq.usage.token_count.total", {Field::TotalTokens, 3}},
        // session and user
        {"session.id", {Field::Session, 0}},
        {"langfuse.session.id", {Field::Session, 1}}, // Langfuse's own key beside session.id
        {"gen_ai.conversation.id", {Field::Session, 2}},
        {"nat.conversation.id", {Field::Session, 3}},
        {"aiq.conversation.id", {Field::Session, 3}},
        {"user.id", {Field::User, 0}},
        {"langfuse.user.id", {Field::User, 1}},
        // payloads
        {"input.value", {Field::Input, 0}},
        {"gen_ai.input.messages", {Field::Input, 1}},
        {"traceloop.entity.input", {Field::Input, 2}},
        {"gen_ai.prompt", {Field::Input, 3}},
        {"output.value", {Field::Output, 0}},
        {"gen_ai.output.messages", {Field::Output, 1}},
        {"traceloop.entity.output", {Field::Output, 2}},
        {"gen_ai.completion", {Field::Output, 3}},
    };
    return table;
}

// Most attributes of a span match no rule (http.*, db.*, rpc.*, an app's own): a key whose
// length and first byte no rule has is rejected without hashing it (two lookups an attribute
// were ~5% of an attribute-heavy import's CPU).
const Rule *findRule(std::string_view key) {
    static const auto possible = [] {
        std::bitset<64 * 256> bits;
        for (const auto &[name, rule] : rules())
            bits.set(name.size() % 64 * 256 + static_cast<unsigned char>(name.front()));
        return bits;
    }();
    if (key.empty() || !possible.test(key.size() % 64 * 256 + static_cast<unsigned char>(key[0])))
        return nullptr;
    const auto it = rules().find(key);
    return it == rules().end() ? nullptr : &it->second;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Category mapKind(KindMap map, std::string_view raw) {
    const std::string v = lower(raw);
    const auto is = [&](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), v) != names.end();
    };
    switch (map) {
    case KindMap::OpenInference:
        if (v == "llm") return Category::Llm;
        if (v == "tool") return Category::Tool;
        if (v == "agent") return Category::Agent;
        if (v == "chain") return Category::Chain;
        if (is({"retriever", "reranker"})) return Category::Retriever;
        if (v == "embedding") return Category::Embedding;
        return Category::Other;
    case KindMap::LangSmith:
        if (v == "llm") return Category::Llm;
        if (v == "chain") return Category::Chain;
        if (v == "tool") return Category::Tool;
        if (v == "retriever") return Category::Retriever;
        if (v == "embedding") return Category::Embedding;
        return Category::Other;
    case KindMap::Traceloop:
        if (is({"workflow", "task"})) return Category::Chain;
        if (v == "agent") return Category::Agent;
        if (v == "tool") return Category::Tool;
        return Category::Other;
    case KindMap::Nat:
        if (v == "llm") return Category::Llm;
        if (v == "tool") return Category::Tool;
        if (v == "agent") return Category::Agent;
        if (is({"workflow", "function", "task", "custom", "span"})) return Category::Chain;
        if (v == "embedder") return Category::Embedding;
        if (is({"retriever", "reranker"})) return Category::Retriever;
        return Category::Other;
    case KindMap::GenAiOperation:
        if (is({"chat", "text_completion", "generate_content"})) return Category::Llm;
        if (v == "embeddings") return Category::Embedding;
        if (v == "execute_tool") return Category::Tool;
        if (is({"invoke_agent", "create_agent"})) return Category::Agent;
        if (v == "retrieval") return Category::Retriever;
        if (v == "invoke_workflow") return Category::Chain;
        return Category::Other;
    case KindMap::LlmRequestType:
        if (v == "embedding") return Category::Embedding;
        if (v == "rerank") return Category::Retriever;
        return Category::Llm; // chat, completion, unknown
    case KindMap::None:
        break;
    }
    return Category::Other;
}

} // namespace

bool OtelConventions::isPayloadKey(std::string_view key) {
    return roleOf(key) == Role::Payload;
}

OtelConventions::Role OtelConventions::roleOf(std::string_view key) {
    return match(key).role;
}

OtelConventions::Match OtelConventions::match(std::string_view key) {
    const Rule *r = findRule(key);
    if (!r) return {};
    const bool payload = r->field == Field::Input || r->field == Field::Output;
    return {payload ? Role::Payload : Role::Field, r->field, r->rank,
            static_cast<std::uint8_t>(r->kinds)};
}

bool OtelConventions::offer(std::string_view key, std::string_view text,
                            std::optional<std::int64_t> integer) {
    return offer(match(key), text, integer);
}

bool OtelConventions::offer(const Match &m, std::string_view text,
                            std::optional<std::int64_t> integer) {
    // Every payload attribute goes to the payload, whatever its rank: nothing is kept of it here
    // (a copy of each prompt and completion, read by no one, was ~5% of a payload-heavy read).
    if (m.role != Role::Field) return m.role == Role::Payload;
    const Rule r{m.field, m.rank, static_cast<KindMap>(m.kinds)};
    const std::size_t f = idx(r.field);
    // NAT's exporter writes the literal "unknown" for ids it does not have.
    if ((r.field == Field::Session || r.field == Field::User) &&
        (text.empty() || text == "unknown"))
        return false;
    if (r.rank >= m_rank[f]) return false;
    if (r.field == Field::InputTokens || r.field == Field::OutputTokens ||
        r.field == Field::TotalTokens) {
        std::int64_t n = 0;
        if (integer)
            n = *integer;
        else if (std::from_chars(text.data(), text.data() + text.size(), n).ec != std::errc())
            return false;
        if (n < 0) return false;
        m_int[f] = n;
    } else if (r.field == Field::Category) {
        m_category = mapKind(r.kinds, text);
    } else {
        m_text[f] = std::string(text);
    }
    m_rank[f] = r.rank;
    return false;
}

Category OtelConventions::category() const {
    if (m_rank[idx(Field::Category)] < 99) return m_category;
    return model().empty() ? Category::Other : Category::Llm; // e.g. Vercel AI SDK doGenerate spans
}

std::optional<std::int64_t> OtelConventions::totalTokens() const {
    if (m_int[idx(Field::TotalTokens)]) return m_int[idx(Field::TotalTokens)];
    if (inputTokens() || outputTokens())
        return inputTokens().value_or(0) + outputTokens().value_or(0);
    return std::nullopt;
}

void applyConventions(const OtelConventions &c, LooseSpanRecord &record) {
    SpanRecord &s = record.span;
    s.category = c.category();
    s.model = c.model();
    if (s.category == Category::Llm || c.inputTokens() || c.outputTokens()) {
        s.inputTokens = c.inputTokens();
        s.outputTokens = c.outputTokens();
    }
    record.sessionKey = c.session();
    record.userKey = c.user();
}

} // namespace spanscope

#pragma once

#include "core/category.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spanscope {

// The canonical LLM fields of a span, read from its attributes by the conventions of
// OpenInference, OTel GenAI, OpenLLMetry (traceloop), LangSmith and NeMo Agent Toolkit
// (formats/otel.md section 6). For every field the first attribute present wins, in the order
// of the one table in otelconventions.cpp.
class OtelConventions {
public:
    enum class Field : std::uint8_t {
        Category,
        Model,
        InputTokens,
        OutputTokens,
        TotalTokens,
        Session,
        User,
        Input,
        Output,
    };

    // Offer one attribute: its text (a string's unescaped value, or a number's or JSON value's
    // text) and, when it is an integer, its value. Returns true when the attribute is a payload
    // (prompt, completion, tool input/output) that belongs in the payload column rather than in
    // the attributes.
    bool offer(std::string_view key, std::string_view text, std::optional<std::int64_t> integer);
    static bool isPayloadKey(std::string_view key);

    // What an attribute is to the conventions, known from its key before its value is read: a
    // reader skips the text of a Plain attribute's value (offer would drop it) and writes a
    // Payload's value straight to the payload.
    enum class Role : std::uint8_t { Plain, Field, Payload };
    static Role roleOf(std::string_view key);
    // The key's rule, looked up once and handed to offer with the value.
    struct Match {
        Role role = Role::Plain;
        Field field = Field::Category;
        int rank = 0;
        std::uint8_t kinds = 0; // how a kind attribute's value maps to a category
    };
    static Match match(std::string_view key);
    bool offer(const Match &match, std::string_view text, std::optional<std::int64_t> integer);

    Category category() const; // Other when no convention says; a model alone means llm
    const std::string &model() const { return m_text[idx(Field::Model)]; }
    std::optional<std::int64_t> inputTokens() const { return m_int[idx(Field::InputTokens)]; }
    std::optional<std::int64_t> outputTokens() const { return m_int[idx(Field::OutputTokens)]; }
    std::optional<std::int64_t> totalTokens() const;
    const std::string &session() const { return m_text[idx(Field::Session)]; }
    const std::string &user() const { return m_text[idx(Field::User)]; }

private:
    static constexpr std::size_t fieldCount = 9;
    static constexpr std::size_t idx(Field f) { return static_cast<std::size_t>(f); }
    std::string m_text[fieldCount];
    std::optional<std::int64_t> m_int[fieldCount];
    int m_rank[fieldCount] = {99, 99, 99, 99, 99, 99, 99, 99, 99};
    Category m_category = Category::Other;
};

struct LooseSpanRecord;

// Fills a span's category, model, tokens, session and user from what the conventions found.
void applyConventions(const OtelConventions &conventions, LooseSpanRecord &record);

} // namespace spanscope

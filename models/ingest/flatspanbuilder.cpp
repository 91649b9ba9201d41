#include "flatspanbuilder.h"

namespace spanscope {

namespace {
constexpr auto dumpArgs = nlohmann::json::error_handler_t::replace;
}

void FlatSpanBuilder::attribute(std::string_view key, const nlohmann::json &value) {
    if (OtelConventions::isPayloadKey(key)) {
        m_payload[std::string(key)] = value;
        return;
    }
    std::optional<std::int64_t> integer;
    std::string text;
    if (value.is_number_integer()) integer = value.get<std::int64_t>();
    if (value.is_string())
        text = value.get<std::string>();
    else
        text = value.dump(-1, ' ', false, dumpArgs);
    m_conventions.offer(key, text, integer);
    m_attributes[std::string(key)] = value;
}

void FlatSpanBuilder::extra(std::string_view key, const nlohmann::json &value) {
    m_attributes[std::string(key)] = value;
}

void FlatSpanBuilder::finish(LooseSpanRecord &record) {
    applyConventions(m_conventions, record);
    record.span.attributesJson = m_attributes.dump(-1, ' ', false, dumpArgs);
    if (!m_payload.empty()) record.span.payloadJson = m_payload.dump(-1, ' ', false, dumpArgs);
}

} // namespace spanscope

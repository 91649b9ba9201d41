#pragma once

#include "core/records.h"
#include "otelconventions.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace spanscope {

// Builds one loose span from formats whose attributes are flat key/value pairs already parsed
// into a DOM (Jaeger tags, Zipkin tags): routes each attribute through the conventions, keeps
// payload attributes (prompts, completions) apart, and assembles the attribute JSON.
class FlatSpanBuilder {
public:
    void attribute(std::string_view key, const nlohmann::json &value);
    // Adds a member to the attributes without offering it to the conventions.
    void extra(std::string_view key, const nlohmann::json &value);
    // Moves the result into record (span attributes, payload, canonical fields).
    void finish(LooseSpanRecord &record);

private:
    OtelConventions m_conventions;
    nlohmann::json m_attributes = nlohmann::json::object();
    nlohmann::json m_payload = nlohmann::json::object();
};

} // namespace spanscope

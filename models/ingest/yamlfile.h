#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace spanscope::yamlfile {

using json = nlohmann::json;

// The first document of a YAML text as JSON, by libyaml (YAML 1.1, as PyYAML, which writes NAT's
// config_*.yml, reads it): mappings become objects (keys as text), sequences arrays, plain
// scalars null, booleans, integers, floats or text by YAML 1.1's rules, quoted scalars and
// `!!str` text. Aliases are expanded, bounded so a small file cannot expand to gigabytes.
// Throws IngestError naming `displayName`, the line and the column on malformed YAML.
json parse(std::string_view text, const std::string &displayName);

} // namespace spanscope::yamlfile

// libFuzzer target: the YAML reader NAT's config_*.yml go through (malformed text, alias
// expansion, deep nesting): it returns a value or throws IngestError, nothing else.
#include "core/ingesterror.h"
#include "ingest/natrunconfig.h"
#include "ingest/yamlfile.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    try {
        auto doc = spanscope::yamlfile::parse(
            std::string_view(reinterpret_cast<const char *>(data), size), "config_effective.yml");
        spanscope::NatRunConfig::fromConfig(std::move(doc), nlohmann::json());
    } catch (const spanscope::IngestError &) {
    }
    return 0;
}

#pragma once

#include "jsondumpreader.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace spanscope {

// Arize Phoenix span JSON (formats/otel.md section 7): a list of spans with `context`,
// OpenInference `span_kind`, ISO-8601 times and flat attributes. Ids are opaque strings.
class PhoenixReader : public JsonDumpReader {
public:
    using JsonDumpReader::JsonDumpReader;

    // "2026-07-09T00:00:01.123456789+02:00" to ns since the epoch, digits kept to the ns.
    static std::optional<std::int64_t> isoToNs(std::string_view text);

protected:
    void readDocument(const nlohmann::json &doc, const std::string &fileName, ImportReport &report,
                      std::vector<LooseSpanRecord> &out) override;
};

} // namespace spanscope

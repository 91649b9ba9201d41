#pragma once

#include "core/records.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spanscope {

class ImportReport;

// Decodes one binary OTLP ExportTraceServiceRequest (or TracesData: the same wire form) with
// libprotobuf and appends its spans as loose records, the same records OtlpJsonParser makes of
// the same request in OTLP/JSON: attributes rendered as proto3 JSON would write them, routed
// through OtelConventions, payload attributes kept apart. A span with an unusable id is skipped
// with a "bad-span" warning; a body that is not such a message throws IngestError.
class OtlpProtoParser {
public:
    OtlpProtoParser(std::string sourceName, ImportReport &report);
    ~OtlpProtoParser();
    OtlpProtoParser(const OtlpProtoParser &) = delete;
    OtlpProtoParser &operator=(const OtlpProtoParser &) = delete;

    // Returns the number of spans appended; spansSeen() counts the message's spans, kept or not.
    std::size_t parse(std::string_view bytes, std::vector<LooseSpanRecord> &out);
    std::int64_t spansSeen() const { return m_seen; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::int64_t m_seen = 0;
};

} // namespace spanscope

#pragma once

#include "core/records.h"
#include "otlpmessages.h"

#include <memory>
#include <string>
#include <vector>

namespace spanscope {

class ImportReport;

// Walks one OTLP/JSON message (an ExportTraceServiceRequest, possibly wrapped) with simdjson's
// on-demand API and appends its spans as loose records. A message it cannot read throws
// IngestError naming the file, the line (or frame) and the byte offset.
class OtlpJsonParser {
public:
    OtlpJsonParser(std::string fileName, ImportReport &report);
    ~OtlpJsonParser();
    OtlpJsonParser(const OtlpJsonParser &) = delete;
    OtlpJsonParser &operator=(const OtlpJsonParser &) = delete;

    // Returns the number of spans appended.
    std::size_t parse(const OtlpMessages::Message &message, std::vector<LooseSpanRecord> &out);
    // Where span payloads go from now on: appended to `text` (a batch's
    // ImportBatch::payloadText) instead of a string a span; null: a string a span.
    void setPayloadText(std::string *text);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace spanscope

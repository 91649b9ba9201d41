#pragma once

#include "core/importreport.h"
#include "core/records.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spanscope {

// One OTLP/HTTP trace export, from body to records and back to the answer (OTLP 1.x,
// "OTLP/HTTP"): the body decoded as binary protobuf or as JSON (through OtlpJsonParser, the
// reader of OTLP files), and the ExportTraceServiceResponse or google.rpc.Status that answers
// it in the same encoding. No HTTP here: OtlpReceiver carries these over the wire.
class OtlpRequest {
public:
    enum class Encoding { Protobuf, Json };

    // The encoding a Content-Type names ("application/x-protobuf", "application/json", with or
    // without parameters, any case); false for any other type (the answer is 415).
    static bool encodingOf(std::string_view contentType, Encoding &out);

    OtlpRequest(Encoding encoding, std::string sourceName);

    // Decodes the body into spans(). Throws IngestError when it is not an OTLP trace export in
    // its encoding (the answer is 400, with the message). Takes the body: JSON is padded in it.
    void decode(std::string body);

    std::vector<LooseSpanRecord> &spans() { return m_spans; }
    const ImportReport &report() const { return m_report; }
    // Spans of the request that could not be used (invalid ids): partial success.
    std::int64_t rejected() const;

    // The 200 answer: an ExportTraceServiceResponse, with partial_success when spans were
    // rejected.
    std::string response() const;
    // An error answer's body: a google.rpc.Status with `message` (code: the gRPC code that
    // matches the HTTP status, as the OTLP specification maps them).
    std::string status(int httpStatus, const std::string &message) const;
    const char *contentType() const;

private:
    Encoding m_encoding;
    std::string m_source;
    std::vector<LooseSpanRecord> m_spans;
    ImportReport m_report;
};

} // namespace spanscope

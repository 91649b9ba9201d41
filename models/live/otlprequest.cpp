#include "otlprequest.h"

#include "core/ingesterror.h"
#include "core/zstdcodec.h"
#include "ingest/otlpjsonparser.h"
#include "ingest/otlpprotoparser.h"

#include <algorithm>
#include <cctype>
#include <google/rpc/status.pb.h>
#include <nlohmann/json.hpp>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

namespace spanscope {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The gRPC code the OTLP specification pairs with an HTTP status (its "Failures" table).
int grpcCode(int httpStatus) {
    switch (httpStatus) {
    case 400:
    case 413:
    case 415:
        return 3; // INVALID_ARGUMENT
    case 401:
        return 16; // UNAUTHENTICATED
    case 404:
    case 405:
        return 12; // UNIMPLEMENTED
    case 429:
    case 503:
        return 14; // UNAVAILABLE
    default:
        return 13; // INTERNAL
    }
}

} // namespace

bool OtlpRequest::encodingOf(std::string_view contentType, Encoding &out) {
    std::string_view type = contentType.substr(0, contentType.find(';'));
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back())))
        type.remove_suffix(1);
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front())))
        type.remove_prefix(1);
    const std::string t = lower(type);
    if (t == "application/x-protobuf" || t == "application/protobuf") {
        out = Encoding::Protobuf;
        return true;
    }
    if (t == "application/json") {
        out = Encoding::Json;
        return true;
    }
    return false;
}

OtlpRequest::OtlpRequest(Encoding encoding, std::string sourceName)
    : m_encoding(encoding), m_source(std::move(sourceName)) {}

void OtlpRequest::decode(std::string body) {
    if (m_encoding == Encoding::Protobuf) {
        OtlpProtoParser(m_source, m_report).parse(body, m_spans);
    } else {
        // simdjson reads up to `padding` bytes past the text: added to the body itself rather
        // than to a copy of up to 16 MB.
        const std::size_t size = body.size();
        body.append(OtlpMessages::padding, '\0');
        OtlpMessages::Message m;
        m.text = std::string_view(body.data(), size);
        OtlpJsonParser(m_source, m_report).parse(m, m_spans);
    }
    // Compressed here, on the request's thread, as file readers do on theirs.
    thread_local ZstdCodec codec;
    for (LooseSpanRecord &s : m_spans)
        s.span.compressPayload(codec);
}

std::int64_t OtlpRequest::rejected() const {
    return m_report.warningCount("bad-span");
}

const char *OtlpRequest::contentType() const {
    return m_encoding == Encoding::Protobuf ? "application/x-protobuf" : "application/json";
}

std::string OtlpRequest::response() const {
    const std::int64_t rejectedSpans = rejected();
    std::string message;
    if (rejectedSpans > 0) {
        const auto it = m_report.warnings().find("bad-span");
        message = std::to_string(rejectedSpans) +
                  (rejectedSpans == 1 ? " span rejected" : " spans rejected");
        if (it != m_report.warnings().end() && !it->second.examples.empty())
            message += ", the first: " + it->second.examples.front();
    }
    if (m_encoding == Encoding::Json) {
        if (rejectedSpans == 0) return "{}";
        // proto3 JSON writes int64 as a string.
        return nlohmann::json{
            {"partialSuccess",
             {{"rejectedSpans", std::to_string(rejectedSpans)}, {"errorMessage", message}}}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse r;
    if (rejectedSpans > 0) {
        r.mutable_partial_success()->set_rejected_spans(rejectedSpans);
        r.mutable_partial_success()->set_error_message(message);
    }
    return r.SerializeAsString();
}

std::string OtlpRequest::status(int httpStatus, const std::string &message) const {
    if (m_encoding == Encoding::Json)
        return nlohmann::json{{"code", grpcCode(httpStatus)}, {"message", message}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace);
    google::rpc::Status s;
    s.set_code(grpcCode(httpStatus));
    s.set_message(message);
    return s.SerializeAsString();
}

} // namespace spanscope

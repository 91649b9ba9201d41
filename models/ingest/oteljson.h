#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

// Small text helpers shared by the trace-dump readers.
namespace spanscope {
class ImportReport;
class OtelConventions;
struct SpanRecord;
} // namespace spanscope

namespace spanscope::oteljson {

// A JSON number as int64 when one holds it: integers as they are, a finite float truncated;
// nullopt for 1e30, an unsigned past int64, NaN or Infinity.
std::optional<std::int64_t> int64OfNumber(const nlohmann::json &number);

// A raw JSON token without the whitespace that may follow it.
std::string_view trimToken(std::string_view token);
// A JSON string token's value (escapes resolved); other tokens are returned as they are.
std::string unquote(std::string_view token);
// The same into `out`, whose buffer is reused.
void unquoteTo(std::string_view token, std::string &out);
// The same without a copy where it can: a view into `token` when it holds no escapes (nearly
// always), else into `scratch`, where the decoded text is put.
std::string_view unquoteView(std::string_view token, std::string &scratch);
// A span or trace id in lower-case hex of `bytes` bytes, from hex (any case) or, as proto3 JSON
// writers do, base64. Shorter hex (64-bit Jaeger/Zipkin trace ids) is left-padded with zeros.
// nullopt when it is neither.
// normaliseId that counts a padded id as a "short-id" warning of `file`.
std::optional<std::string> idOf(std::string_view id, std::size_t bytes, ImportReport &report,
                                const std::string &file);
// `padded` (when given) is set when short hex other than a 64-bit trace id was padded.
std::optional<std::string> normaliseId(std::string_view id, std::size_t bytes,
                                       bool *padded = nullptr);
// Bytes as lower-case hex (how ids are stored).
std::string hex(std::string_view bytes);
// An OTLP SpanKind number's name as stored in otel.span_kind ("CLIENT"; UNSPECIFIED when unknown).
const char *spanKindName(std::int64_t kind);
// Sets a span's times from what an OTLP span gave (nullopt: absent or unusable): no usable start
// is "untimed", a start without an end is "unfinished", an end before the start is clamped to
// it, warned about in `report` and kept as otel.original_end_ns in the open `attributes` text.
void setSpanTimes(SpanRecord &span, std::optional<std::int64_t> start,
                  std::optional<std::int64_t> end, std::string &attributes, bool &first,
                  ImportReport &report, const std::string &file);
// Appends "key":valueJson to an open JSON object text ("{..." without its closing brace).
void appendMember(std::string &object, bool &first, std::string_view key,
                  std::string_view valueJson);
// A JSON string token for text.
std::string quote(std::string_view text);
// Appends `quotedKey:` to a span's open payload object, after a comma unless the object has just
// opened: the payload may end a batch's text of other spans' payloads
// (OtlpJsonParser::setPayloadText), so its own start is not known here, only that a value
// never ends in '{'. The value is the caller's to append.
void openPayloadMember(std::string &payload, std::string_view quotedKey);

// One span attribute, decoded by either OTLP parser, put where it belongs: offered to the
// conventions (when given), then into the payload object (prompts, completions) or the
// attributes object (both open JSON texts, "{..."). `text` is a string's value or a scalar's text,
// `integer` an integer's value.
void routeAttribute(OtelConventions *conventions, std::string_view key, std::string_view quotedKey,
                    std::string_view valueJson, std::string_view text,
                    std::optional<std::int64_t> integer, std::string &attributes, bool &first,
                    std::string *payload);

// Where the first byte that is not UTF-8 lies in `text` (its size when there is none).
std::size_t firstInvalidUtf8(std::string_view text);
// The member name just before byte `at` ("spanId" in {"spanId": [1]}), to say which field a
// wrong type was in; empty when none is near.
std::string keyBefore(std::string_view text, std::size_t at);

} // namespace spanscope::oteljson

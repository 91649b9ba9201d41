#include "otlpprotoparser.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/limits.h"
#include "otelconventions.h"
#include "oteljson.h"

#include <charconv>
#include <cmath>
#include <google/protobuf/arena.h>
#include <limits>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

namespace spanscope {

namespace pb = opentelemetry::proto;

namespace otlpproto {

// proto3 JSON writes bytes as standard base64 with padding.
std::string base64(const std::string &bytes) {
    static constexpr char table[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    for (; i + 2 < bytes.size(); i += 3) {
        const std::uint32_t v =
            (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8) | p[i + 2];
        for (int s = 18; s >= 0; s -= 6)
            out += table[(v >> s) & 63];
    }
    if (i < bytes.size()) {
        std::uint32_t v = std::uint32_t(p[i]) << 16;
        if (i + 1 < bytes.size()) v |= std::uint32_t(p[i + 1]) << 8;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// proto3 JSON's form of a double: the shortest text that reads back the same, or the quoted
// names of the values JSON has no number for.
std::string doubleJson(double d) {
    if (std::isnan(d)) return "\"NaN\"";
    if (std::isinf(d)) return d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}

} // namespace otlpproto

struct OtlpProtoParser::Impl {
    std::string source;
    ImportReport &report;
    std::vector<LooseSpanRecord> *out = nullptr;

    Impl(std::string s, ImportReport &r) : source(std::move(s)), report(r) {}

    // A `bytes` text field as UTF-8: each byte that is not part of a valid sequence becomes
    // U+FFFD, so one bad string costs that string's bytes, not the request's spans.
    std::string text(const std::string &raw, std::string_view what) {
        std::size_t bad = oteljson::firstInvalidUtf8(raw);
        if (bad == raw.size()) return raw;
        report.warn("bad-utf8", source + ": " + std::string(what) +
                                    " holds bytes that are not UTF-8; each replaced by U+FFFD");
        std::string fixed;
        std::string_view rest(raw);
        while (bad < rest.size()) {
            fixed.append(rest.substr(0, bad));
            fixed += "\xEF\xBF\xBD";
            rest.remove_prefix(bad + 1);
            bad = oteljson::firstInvalidUtf8(rest);
        }
        fixed.append(rest);
        return fixed;
    }

    // AnyValue -> JSON text appended to `json`, as OtlpJsonParser::anyValue makes of its JSON
    // form; `txt` receives a string's value (or a scalar's text) and `integer` an int's value.
    void anyValue(const pb::common::v1::AnyValue &v, std::string &json, std::string *txt,
                  std::optional<std::int64_t> *integer, std::size_t depth, std::string_view key) {
        using V = pb::common::v1::AnyValue;
        switch (v.value_case()) {
        case V::kStringValue: {
            const std::string s = text(v.string_value(), "attribute " + std::string(key));
            json += oteljson::quote(s);
            if (txt) *txt = s;
            break;
        }
        case V::kBytesValue: {
            const std::string b = otlpproto::base64(v.bytes_value());
            json += '"' + b + '"';
            if (txt) *txt = b;
            break;
        }
        case V::kIntValue:
            json += std::to_string(v.int_value());
            if (integer) *integer = v.int_value();
            if (txt) *txt = std::to_string(v.int_value());
            break;
        case V::kBoolValue:
            json += v.bool_value() ? "true" : "false";
            if (txt) *txt = v.bool_value() ? "true" : "false";
            break;
        case V::kDoubleValue: {
            const std::string d = otlpproto::doubleJson(v.double_value());
            json += d;
            if (txt) *txt = oteljson::unquote(d);
            break;
        }
        case V::kArrayValue:
        case V::kKvlistValue:
            if (txt) txt->clear();
            if (depth >= limits::maxJsonNesting) {
                json += "\"(nested too deep: value not kept)\"";
                report.warn("nested-too-deep", source + ": attribute " + std::string(key) +
                                                   ": a value nested deeper than " +
                                                   std::to_string(limits::maxJsonNesting) +
                                                   " levels replaced by a note");
            } else if (v.value_case() == V::kArrayValue) {
                json += '[';
                bool first = true;
                for (const auto &item : v.array_value().values()) {
                    if (!first) json += ',';
                    first = false;
                    anyValue(item, json, nullptr, nullptr, depth + 1, key);
                }
                json += ']';
            } else {
                json += '{';
                bool first = true;
                for (const auto &kv : v.kvlist_value().values())
                    keyValue(kv, json, first, nullptr, nullptr, depth + 1);
                json += '}';
            }
            break;
        case V::VALUE_NOT_SET:
            json += "null";
            break;
        }
    }

    void keyValue(const pb::common::v1::KeyValue &kv, std::string &json, bool &first,
                  OtelConventions *conv, std::string *payload, std::size_t depth = 0) {
        if (kv.key().empty()) return; // as the JSON reader drops a KeyValue without a key
        const std::string key = text(kv.key(), "an attribute key");
        const std::string quotedKey = oteljson::quote(key);
        std::string valueJson, txt;
        std::optional<std::int64_t> integer;
        if (kv.has_value())
            anyValue(kv.value(), valueJson, &txt, &integer, depth, quotedKey);
        else
            valueJson = "null";
        oteljson::routeAttribute(conv, key, quotedKey, valueJson, txt, integer, json, first,
                                 payload);
    }

    template <typename List> std::string attributeObject(const List &list) {
        std::string json = "{";
        bool first = true;
        for (const auto &kv : list)
            keyValue(kv, json, first, nullptr, nullptr);
        return json + "}";
    }

    // Links in their OTLP/JSON form, as the JSON reader keeps them.
    std::string linksJson(const pb::trace::v1::Span &sp) {
        std::string json = "[";
        for (const auto &l : sp.links()) {
            if (json.size() > 1) json += ',';
            json += "{\"traceId\":\"" + oteljson::hex(l.trace_id()) + "\",\"spanId\":\"" +
                    oteljson::hex(l.span_id()) + '"';
            if (!l.trace_state().empty())
                json += ",\"traceState\":" + oteljson::quote(text(l.trace_state(), "a link"));
            if (l.attributes_size() > 0) {
                json += ",\"attributes\":[";
                bool first = true;
                for (const auto &kv : l.attributes()) {
                    if (!first) json += ',';
                    first = false;
                    std::string v;
                    anyValue(kv.value(), v, nullptr, nullptr, 1, "a link attribute");
                    json += "{\"key\":" + oteljson::quote(text(kv.key(), "a link")) +
                            ",\"value\":" + v + '}';
                }
                json += ']';
            }
            json += '}';
        }
        return json + "]";
    }

    void span(const pb::trace::v1::Span &sp) {
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        s.name = text(sp.name(), "a span name");
        // Raw bytes of the right length are an id; their hex is already the stored form.
        const auto traceId = sp.trace_id().size() == 16
                                 ? std::optional<std::string>(oteljson::hex(sp.trace_id()))
                                 : std::nullopt;
        const auto spanId = sp.span_id().size() == 8
                                ? std::optional<std::string>(oteljson::hex(sp.span_id()))
                                : std::nullopt;
        const bool parentOk = sp.parent_span_id().empty() || sp.parent_span_id().size() == 8;
        const bool zeroTrace = traceId && *traceId == std::string(32, '0');
        const bool zeroSpan = spanId && *spanId == std::string(16, '0');
        if (!traceId || !spanId || !parentOk || zeroTrace || zeroSpan) {
            report.warn("bad-span", source + ": span '" + s.name + "' has " +
                                        (!traceId || zeroTrace ? "no valid trace_id (16 bytes)"
                                         : !spanId || zeroSpan ? "no valid span_id (8 bytes)"
                                                               : "an invalid parent_span_id") +
                                        "; skipped");
            return;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        rec.parentKey =
            sp.parent_span_id().empty() ? std::string() : oteljson::hex(sp.parent_span_id());
        if (rec.parentKey == std::string(16, '0')) rec.parentKey.clear();

        OtelConventions conv;
        std::string attrs = "{";
        bool firstAttr = true;
        std::string payload = "{";
        for (const auto &kv : sp.attributes())
            keyValue(kv, attrs, firstAttr, &conv, &payload);

        constexpr auto maxTime =
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        const std::uint64_t start = sp.start_time_unix_nano(), end = sp.end_time_unix_nano();
        const auto badTime = [&](const char *field, std::uint64_t value) {
            report.warn("bad-time", source + ": span " + s.key + " (" + s.name + "): " + field +
                                        " " + std::to_string(value) +
                                        " is not a time (nanoseconds since 1970 as an int64); "
                                        "placed at its parent's start");
        };
        // Past int64 is no time: kept as if absent, and quoted.
        std::optional<std::int64_t> startNs, endNs;
        if (start > maxTime)
            badTime("start_time_unix_nano", start);
        else if (start > 0)
            startNs = static_cast<std::int64_t>(start);
        if (startNs && end > maxTime) {
            badTime("end_time_unix_nano", end);
            startNs.reset();
        } else if (end > 0 && end <= maxTime) {
            endNs = static_cast<std::int64_t>(end);
        }
        oteljson::setSpanTimes(s, startNs, endNs, attrs, firstAttr, report, source);
        if (sp.has_status() && sp.status().code() == pb::trace::v1::Status::STATUS_CODE_ERROR)
            s.flags |= SpanError;
        if (sp.kind() != 0)
            oteljson::appendMember(attrs, firstAttr, "otel.span_kind",
                                   std::string("\"") + oteljson::spanKindName(sp.kind()) + "\"");
        if (sp.has_status() && !sp.status().message().empty())
            oteljson::appendMember(attrs, firstAttr, "otel.status_message",
                                   oteljson::quote(text(sp.status().message(), "a status")));
        if (sp.links_size() > 0)
            oteljson::appendMember(attrs, firstAttr, "otel.links", linksJson(sp));
        for (const auto &e : sp.events()) {
            EventRecord ev;
            ev.timeNs =
                e.time_unix_nano() <= maxTime ? static_cast<std::int64_t>(e.time_unix_nano()) : 0;
            ev.name = text(e.name(), "an event name");
            if (e.attributes_size() > 0) ev.attributesJson = attributeObject(e.attributes());
            rec.events.push_back(std::move(ev));
        }
        applyConventions(conv, rec);
        s.attributesJson = std::move(attrs); // closed by the enclosing scope and resource
        if (payload.size() > 1) s.payloadJson = payload + "}";
        out->push_back(std::move(rec));
    }

    void resourceSpans(const pb::trace::v1::ResourceSpans &rs, std::int64_t &seen) {
        const std::size_t first = out->size();
        std::string service;
        for (const auto &kv : rs.resource().attributes())
            if (kv.key() == "service.name" &&
                kv.value().value_case() == pb::common::v1::AnyValue::kStringValue)
                service = oteljson::quote(text(kv.value().string_value(), "service.name"));
        for (const auto &ss : rs.scope_spans()) {
            const std::size_t scopeFirst = out->size();
            for (const auto &sp : ss.spans()) {
                ++seen;
                span(sp);
            }
            if (ss.has_scope() && !ss.scope().name().empty()) {
                const std::string scope = oteljson::quote(text(ss.scope().name(), "a scope name"));
                for (std::size_t i = scopeFirst; i < out->size(); ++i) {
                    std::string &a = (*out)[i].span.attributesJson;
                    bool firstAttr = a.size() == 1;
                    oteljson::appendMember(a, firstAttr, "otel.scope.name", scope);
                }
            }
        }
        for (std::size_t i = first; i < out->size(); ++i) {
            std::string &a = (*out)[i].span.attributesJson;
            bool firstAttr = a.size() == 1;
            if (!service.empty()) oteljson::appendMember(a, firstAttr, "service.name", service);
            a += '}';
        }
    }
};

OtlpProtoParser::OtlpProtoParser(std::string sourceName, ImportReport &report)
    : m_impl(std::make_unique<Impl>(std::move(sourceName), report)) {}

OtlpProtoParser::~OtlpProtoParser() = default;

std::size_t OtlpProtoParser::parse(std::string_view bytes, std::vector<LooseSpanRecord> &out) {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw IngestError(m_impl->source, "", "a protobuf message larger than 2 GB");
    google::protobuf::Arena arena;
    auto *request =
        google::protobuf::Arena::CreateMessage<pb::collector::trace::v1::ExportTraceServiceRequest>(
            &arena);
    if (!request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        throw IngestError(m_impl->source, "",
                          "not a valid OTLP protobuf ExportTraceServiceRequest (" +
                              std::to_string(bytes.size()) +
                              " bytes; truncated, or not protobuf at all)");
    const std::size_t before = out.size();
    m_impl->out = &out;
    m_seen = 0;
    for (const auto &rs : request->resource_spans())
        m_impl->resourceSpans(rs, m_seen);
    return out.size() - before;
}

} // namespace spanscope

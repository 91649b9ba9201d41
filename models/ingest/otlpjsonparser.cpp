#include "otlpjsonparser.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/limits.h"
#include "otelconventions.h"
#include "oteljson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace spanscope {

namespace od = simdjson::ondemand;

namespace {

bool is(std::string_view key, std::string_view camel, std::string_view snake) {
    return key == camel || key == snake;
}

// A number or a decimal string ("1544712660000000000") as int64, never through a double.
std::optional<std::int64_t> int64Of(od::value v) {
    std::string_view t = oteljson::trimToken(v.raw_json_token());
    if (t.size() >= 2 && t.front() == '"') t = t.substr(1, t.size() - 2);
    std::int64_t n = 0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), n);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
    return n;
}

} // namespace

struct OtlpJsonParser::Impl {
    std::string file;
    ImportReport &report;
    od::parser parser;
    std::vector<LooseSpanRecord> *out = nullptr;
    std::string valueBuffer, textBuffer; // keyValue's, at depth 0
    // The last span's attributes and payload as finished: a span's strings are reserved at that
    // size, so they grow with one allocation, not one for each doubling (the most frequent
    // allocation of the reader on both benchmark files).
    std::size_t attributesHint = 64, payloadHint = 64;
    std::string *payloadText = nullptr; // setPayloadText's

    Impl(std::string f, ImportReport &r) : file(std::move(f)), report(r) {}

    // A container past limits::maxJsonNesting: the note a JSON reader would store, and a
    // warning. The value itself is left unread; simdjson skips it without recursing.
    void tooDeep(std::string &json, std::string_view key) {
        json += "\"(nested too deep: value not kept)\"";
        report.warn("nested-too-deep",
                    file + ": attribute " + std::string(key) + ": a value nested deeper than " +
                        std::to_string(limits::maxJsonNesting) + " levels replaced by a note");
    }

    void badValue(std::string &json, std::string_view key, std::string_view kind) {
        json += "null";
        report.warn("bad-attribute", file + ": attribute " + std::string(key) + ": its " +
                                         std::string(kind) +
                                         " is not a value of that kind; stored as null");
    }

    // AnyValue -> JSON text appended to `json`; `text` receives a string's unescaped value (or
    // a number's text) and `integer` an integer's value, for the conventions. `depth` counts
    // the arrays and kvlists around it, so the recursion stops at the nesting limit.
    void anyValue(od::object v, std::string &json, std::string *text,
                  std::optional<std::int64_t> *integer, std::size_t depth, std::string_view key0) {
        bool any = false;
        for (auto field : v) {
            const std::string_view key = field.unescaped_key();
            od::value value = field.value();
            any = true;
            // The raw token is stored only when it is the JSON its kind allows: an object where
            // a string belongs, or a bare NaN, would make the stored attributes invalid JSON.
            od::json_type type{};
            const bool typed = value.type().get(type) == simdjson::SUCCESS;
            if (is(key, "stringValue", "string_value") || is(key, "bytesValue", "bytes_value")) {
                if (!typed || type != od::json_type::string) {
                    badValue(json, key0, key);
                } else {
                    const std::string_view tok = oteljson::trimToken(value.raw_json_token());
                    json += tok;
                    if (text) oteljson::unquoteTo(tok, *text);
                }
            } else if (is(key, "intValue", "int_value")) {
                if (const auto n = typed ? int64Of(value) : std::nullopt) {
                    json += std::to_string(*n);
                    if (integer) *integer = *n;
                    if (text) *text = std::to_string(*n);
                } else {
                    badValue(json, key0, key);
                }
            } else if (is(key, "doubleValue", "double_value") ||
                       is(key, "boolValue", "bool_value")) {
                // A finite number, true/false, or proto3's "NaN"/"Infinity" strings.
                const bool isDouble = is(key, "doubleValue", "double_value");
                double d = 0;
                const bool ok =
                    typed &&
                    (isDouble
                         ? (type == od::json_type::string ||
                            (type == od::json_type::number &&
                             value.get_double().get(d) == simdjson::SUCCESS && std::isfinite(d)))
                         : type == od::json_type::boolean);
                if (!ok) {
                    badValue(json, key0, key);
                } else {
                    const std::string_view tok = oteljson::trimToken(value.raw_json_token());
                    json += tok;
                    if (text) oteljson::unquoteTo(tok, *text);
                }
            } else if ((is(key, "arrayValue", "array_value") ||
                        is(key, "kvlistValue", "kvlist_value")) &&
                       depth >= limits::maxJsonNesting) {
                tooDeep(json, key0);
                if (text) text->clear();
            } else if (is(key, "arrayValue", "array_value")) {
                json += '[';
                bool first = true;
                for (auto f2 : value.get_object()) {
                    if (f2.unescaped_key() != std::string_view("values")) continue;
                    for (auto item : f2.value().get_array()) {
                        if (!first) json += ',';
                        first = false;
                        anyValue(item.get_object(), json, nullptr, nullptr, depth + 1, key0);
                    }
                }
                json += ']';
                if (text) text->clear();
            } else if (is(key, "kvlistValue", "kvlist_value")) {
                json += '{';
                bool first = true;
                for (auto f2 : value.get_object()) {
                    if (f2.unescaped_key() != std::string_view("values")) continue;
                    for (auto kv : f2.value().get_array())
                        keyValue(kv.get_object(), json, first, nullptr, nullptr, depth + 1);
                }
                json += '}';
                if (text) text->clear();
            } else {
                any = false;
            }
            break; // an AnyValue holds one value
        }
        if (!any) json += "null";
    }

    // One KeyValue, appended to `json` as "key":value. With conventions, a payload attribute
    // goes to `payload` instead and the canonical fields are offered the value.
    void keyValue(od::object kv, std::string &json, bool &first, OtelConventions *conv,
                  std::string *payload, std::size_t depth = 0) {
        std::string_view quotedKey, key;
        std::string escapedKey; // a key with escapes, unescaped (rare: most are read in place)
        // A span's own attributes (depth 0) reuse the parser's buffers: three strings an
        // attribute were most of the reader's allocations on the attribute-heavy file.
        std::string localValue, localText;
        std::string &valueJson = depth == 0 ? valueBuffer : localValue;
        std::string &text = depth == 0 ? textBuffer : localText;
        valueJson.clear();
        text.clear();
        std::optional<std::int64_t> integer;
        bool haveValue = false, valueFirst = false;
        // Known from the key when it comes first (nearly always): a payload's value is written
        // straight to the payload, and only a conventions field's value is also read as text.
        OtelConventions::Match match;
        for (auto field : kv) {
            const std::string_view k = field.unescaped_key();
            if (k == "key") {
                quotedKey = oteljson::trimToken(field.value().raw_json_token());
                key = oteljson::unquoteView(quotedKey, escapedKey);
                if (conv) match = OtelConventions::match(key);
            } else if (k == "value" && !haveValue) { // of two values, the first is kept
                haveValue = true;
                valueFirst = quotedKey.empty();
                od::value v = field.value();
                const bool direct = match.role == OtelConventions::Role::Payload && payload;
                std::string &target = direct ? *payload : valueJson;
                if (direct) oteljson::openPayloadMember(*payload, quotedKey);
                // A value before its key (rare) is read as text in case the key needs it.
                std::string *textOut =
                    conv && (quotedKey.empty() || match.role == OtelConventions::Role::Field)
                        ? &text
                        : nullptr;
                if (v.type() == od::json_type::object)
                    anyValue(v.get_object(), target, textOut, &integer, depth,
                             quotedKey.empty() ? std::string_view("(before its key)") : quotedKey);
                else
                    target += "null";
                if (direct) return;
            }
        }
        if (quotedKey.empty()) return;
        if (!haveValue) valueJson = "null";
        // A Plain attribute whose key came first was not read as text: nothing to offer. A
        // field's is offered with the rule already found, and kept in the attributes too.
        if (conv && !valueFirst) {
            if (match.role == OtelConventions::Role::Field) conv->offer(match, text, integer);
            if (match.role != OtelConventions::Role::Payload) conv = nullptr;
        }
        oteljson::routeAttribute(conv, key, quotedKey, valueJson, text, integer, json, first,
                                 payload);
    }

    std::string attributeObject(od::array arr) {
        std::string json = "{";
        bool first = true;
        for (auto kv : arr)
            keyValue(kv.get_object(), json, first, nullptr, nullptr);
        return json + "}";
    }

    void span(od::object obj) {
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        OtelConventions conv;
        std::string attrs;
        attrs.reserve(attributesHint);
        attrs += '{';
        bool firstAttr = true;
        // A payload of its own, or at the end of the batch's payload text: one allocation and
        // one free (on another thread) less a span.
        std::string ownPayload;
        std::string &payload = payloadText ? *payloadText : ownPayload;
        const std::size_t payloadStart = payload.size();
        if (!payloadText) payload.reserve(payloadHint);
        payload += '{';
        std::optional<std::int64_t> start, end;
        std::string_view startToken, endToken;         // as written, to quote a bad one
        std::string_view traceRaw, spanRaw, parentRaw; // in the parser's buffer
        bool error = false;
        std::string statusMessage, kind, links;
        for (auto field : obj) {
            const std::string_view key = field.unescaped_key();
            od::value v = field.value();
            if (is(key, "traceId", "trace_id"))
                traceRaw = v.get_string().value();
            else if (is(key, "spanId", "span_id"))
                spanRaw = v.get_string().value();
            else if (is(key, "parentSpanId", "parent_span_id"))
                parentRaw = v.get_string().value();
            else if (key == "name")
                s.name = std::string(v.get_string().value());
            else if (is(key, "startTimeUnixNano", "start_time_unix_nano")) {
                startToken = oteljson::trimToken(v.raw_json_token());
                start = int64Of(v);
            } else if (is(key, "endTimeUnixNano", "end_time_unix_nano")) {
                endToken = oteljson::trimToken(v.raw_json_token());
                end = int64Of(v);
            } else if (key == "kind") {
                if (v.type() == od::json_type::number)
                    kind = oteljson::spanKindName(v.get_int64());
                else {
                    kind = std::string(v.get_string().value());
                    if (kind.rfind("SPAN_KIND_", 0) == 0) kind = kind.substr(10);
                }
            } else if (key == "attributes") {
                for (auto kv : v.get_array())
                    keyValue(kv.get_object(), attrs, firstAttr, &conv, &payload);
            } else if (key == "status") {
                for (auto f : v.get_object()) {
                    const std::string_view sk = f.unescaped_key();
                    od::value sv = f.value();
                    if (sk == "code") {
                        if (sv.type() == od::json_type::number)
                            error = sv.get_int64() == 2;
                        else
                            error = sv.get_string().value() == "STATUS_CODE_ERROR";
                    } else if (sk == "message") {
                        statusMessage = std::string(oteljson::trimToken(sv.raw_json_token()));
                    }
                }
            } else if (key == "events") {
                for (auto e : v.get_array()) {
                    EventRecord ev;
                    for (auto f : e.get_object()) {
                        const std::string_view ek = f.unescaped_key();
                        od::value ev2 = f.value();
                        if (is(ek, "timeUnixNano", "time_unix_nano"))
                            ev.timeNs = int64Of(ev2).value_or(0);
                        else if (ek == "name")
                            ev.name = std::string(ev2.get_string().value());
                        else if (ek == "attributes")
                            ev.attributesJson = attributeObject(ev2.get_array());
                    }
                    rec.events.push_back(std::move(ev));
                }
            } else if (key == "links") {
                od::array arr = v.get_array();
                links = std::string(oteljson::trimToken(arr.raw_json().value()));
            }
        }
        auto traceId = oteljson::idOf(traceRaw, 16, report, file);
        auto spanId = oteljson::idOf(spanRaw, 8, report, file);
        auto parentId = parentRaw.empty() ? std::optional<std::string>("")
                                          : oteljson::idOf(parentRaw, 8, report, file);
        if (!traceId || !spanId || !parentId) {
            report.warn("bad-span", file + ": span '" + s.name + "' has " +
                                        (!traceId  ? "no valid traceId"
                                         : !spanId ? "no valid spanId"
                                                   : "an invalid parentSpanId") +
                                        "; skipped");
            payload.resize(payloadStart);
            return;
        }
        rec.traceKey = std::move(*traceId);
        s.key = std::move(*spanId);
        rec.parentKey = std::move(*parentId);
        // A time that is there but is no time (negative, 1e30, past int64, not a number): the
        // span is kept as if it had none, and the value is quoted.
        const auto badTime = [&](const char *field, std::string_view token) {
            report.warn("bad-time", file + ": span " + s.key + " (" + s.name + "): " + field + " " +
                                        std::string(token.substr(0, 40)) +
                                        " is not a time (nanoseconds since 1970 as an int64); "
                                        "placed at its parent's start");
        };
        if (!startToken.empty() && (!start || *start < 0)) {
            badTime("startTimeUnixNano", startToken);
            start.reset();
        }
        if (start && !endToken.empty() && (!end || *end < 0)) {
            badTime("endTimeUnixNano", endToken);
            start.reset();
        }
        oteljson::setSpanTimes(s, start, end, attrs, firstAttr, report, file);
        if (error) s.flags |= SpanError;
        if (!kind.empty())
            oteljson::appendMember(attrs, firstAttr, "otel.span_kind", "\"" + kind + "\"");
        if (!statusMessage.empty())
            oteljson::appendMember(attrs, firstAttr, "otel.status_message", statusMessage);
        if (!links.empty() && links != "[]")
            oteljson::appendMember(attrs, firstAttr, "otel.links", links);
        applyConventions(conv, rec);
        s.attributesJson = std::move(attrs); // closed by the enclosing scope and resource
        if (payload.size() - payloadStart > 1) {
            payload += '}';
            if (payloadText) {
                s.payloadInText = true;
                s.payloadOffset = static_cast<std::int64_t>(payloadStart);
                s.payloadRawSize = static_cast<std::int64_t>(payload.size() - payloadStart);
            } else {
                payloadHint = payload.size() + 16;
                s.payloadJson = std::move(payload);
            }
        } else {
            payload.resize(payloadStart);
        }
        out->push_back(std::move(rec));
    }

    void scopeSpans(od::object obj) {
        const std::size_t first = out->size();
        std::string scope;
        for (auto field : obj) {
            const std::string_view key = field.unescaped_key();
            if (key == "spans") {
                for (auto sp : field.value().get_array())
                    span(sp.get_object());
            } else if (key == "scope" ||
                       is(key, "instrumentationLibrary", "instrumentation_library")) {
                for (auto f : field.value().get_object())
                    if (f.unescaped_key() == std::string_view("name"))
                        scope = std::string(oteljson::trimToken(f.value().raw_json_token()));
            }
        }
        if (!scope.empty())
            for (std::size_t i = first; i < out->size(); ++i) {
                std::string &a = (*out)[i].span.attributesJson;
                bool firstAttr = a.size() == 1;
                oteljson::appendMember(a, firstAttr, "otel.scope.name", scope);
            }
    }

    void resourceSpans(od::object obj) {
        const std::size_t first = out->size();
        std::string service;
        // Old senders wrote instrumentationLibrarySpans, some both it and scopeSpans with the
        // same spans: the old name is read only when the new one is absent, in a second look at
        // the object paid only by messages that have the old name at all.
        const auto legacy = [](std::string_view key) {
            return is(key, "instrumentationLibrarySpans", "instrumentation_library_spans");
        };
        bool sawScopeSpans = false, sawLegacy = false;
        for (auto field : obj) {
            const std::string_view key = field.unescaped_key();
            if (key == "resource") {
                for (auto f : field.value().get_object()) {
                    if (f.unescaped_key() != std::string_view("attributes")) continue;
                    for (auto kv : f.value().get_array()) {
                        od::object o = kv.get_object();
                        std::string_view k, v;
                        for (auto kf : o) {
                            const std::string_view kk = kf.unescaped_key();
                            if (kk == "key")
                                k = kf.value().get_string();
                            else if (kk == "value")
                                for (auto vf : kf.value().get_object())
                                    if (is(vf.unescaped_key(), "stringValue", "string_value"))
                                        v = oteljson::trimToken(vf.value().raw_json_token());
                        }
                        if (k == "service.name") service = std::string(v);
                    }
                }
            } else if (is(key, "scopeSpans", "scope_spans")) {
                sawScopeSpans = true;
                for (auto ss : field.value().get_array())
                    scopeSpans(ss.get_object());
            } else if (legacy(key)) {
                sawLegacy = true;
            }
        }
        if (sawLegacy && !sawScopeSpans) {
            obj.reset();
            for (auto field : obj)
                if (legacy(field.unescaped_key()))
                    for (auto ss : field.value().get_array())
                        scopeSpans(ss.get_object());
        }
        for (std::size_t i = first; i < out->size(); ++i) {
            std::string &a = (*out)[i].span.attributesJson;
            bool firstAttr = a.size() == 1;
            if (!service.empty()) oteljson::appendMember(a, firstAttr, "service.name", service);
            a += '}';
            attributesHint = a.size() + 16;
        }
    }

    // `depth` counts wrappers: real replies nest one or two, a crafted one could nest them until
    // the stack overflows.
    void request(od::object obj, int depth = 0) {
        constexpr int maxWrappers = 4;
        if (depth > maxWrappers) return;
        for (auto field : obj) {
            const std::string_view key = field.unescaped_key();
            if (is(key, "resourceSpans", "resource_spans")) {
                for (auto rs : field.value().get_array())
                    resourceSpans(rs.get_object());
            } else if (key == "result") { // Jaeger api_v3 wraps a TracesData
                request(field.value().get_object(), depth + 1);
            } else if (key == "trace_requests") { // oteltest recordings
                for (auto tr : field.value().get_array())
                    for (auto f : tr.get_object())
                        if (f.unescaped_key() == std::string_view("pbreq"))
                            request(f.value().get_object(), depth + 1);
            }
        }
    }
};

OtlpJsonParser::OtlpJsonParser(std::string fileName, ImportReport &report)
    : m_impl(std::make_unique<Impl>(std::move(fileName), report)) {}

OtlpJsonParser::~OtlpJsonParser() = default;

void OtlpJsonParser::setPayloadText(std::string *text) {
    m_impl->payloadText = text;
}

std::size_t OtlpJsonParser::parse(const OtlpMessages::Message &m,
                                  std::vector<LooseSpanRecord> &out) {
    const std::size_t before = out.size();
    const std::size_t textBefore = m_impl->payloadText ? m_impl->payloadText->size() : 0;
    m_impl->out = &out;
    od::document doc;
    bool iterated = false;
    try {
        doc = m_impl->parser.iterate(m.text.data(), m.text.size(),
                                     m.text.size() + OtlpMessages::padding);
        iterated = true;
        m_impl->request(doc.get_object());
    } catch (const simdjson::simdjson_error &e) {
        out.resize(before);
        if (m_impl->payloadText) m_impl->payloadText->resize(textBefore);
        const bool truncated = e.error() == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
                               e.error() == simdjson::UNCLOSED_STRING ||
                               e.error() == simdjson::TAPE_ERROR;
        // Where the walk stopped; a truncated value ends where the text does.
        std::size_t at = 0;
        const char *loc = nullptr;
        if (truncated)
            at = m.text.size();
        else if (e.error() == simdjson::UTF8_ERROR)
            at = oteljson::firstInvalidUtf8(m.text);
        else if (iterated && doc.current_location().get(loc) == simdjson::SUCCESS &&
                 loc >= m.text.data() && loc <= m.text.data() + m.text.size())
            at = static_cast<std::size_t>(loc - m.text.data());
        std::string what =
            truncated ? "JSON ends inside a value (truncated?)"
                      : std::string("not valid OTLP JSON: ") + simdjson::error_message(e.error());
        if (e.error() == simdjson::INCORRECT_TYPE) {
            const std::string key = oteljson::keyBefore(m.text, at);
            what = "not valid OTLP JSON: " +
                   (key.empty() ? std::string("a value") : "\"" + key + "\"") +
                   " has the wrong type (an id or a name must be a string, a list an array)";
        } else if (e.error() == simdjson::UTF8_ERROR) {
            what = "not valid OTLP JSON: a byte that is not UTF-8 (JSON text must be UTF-8)";
        }
        const std::string byte = "byte " +
                                 std::to_string(m.offset + static_cast<std::int64_t>(at)) +
                                 (m.decompressed ? " of the decompressed stream" : "");
        std::string where;
        if (m.line > 0) {
            where = (m.frame ? "frame " : "line ") + std::to_string(m.line) + ", " + byte;
        } else { // one document: its line, counted only now that there is an error
            const auto lines =
                std::count(m.text.begin(), m.text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
            where = "line " + std::to_string(lines + 1) + ", " + byte;
        }
        throw IngestError(m_impl->file, where, what);
    }
    return out.size() - before;
}

} // namespace spanscope

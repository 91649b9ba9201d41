#include "oteljson.h"

#include "core/importreport.h"
#include "core/records.h"
#include "otelconventions.h"

#include <algorithm>
#include <array>
#include <limits>
#include <nlohmann/json.hpp>

namespace spanscope::oteljson {

std::optional<std::int64_t> int64OfNumber(const nlohmann::json &v) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (!v.is_number_float()) return std::nullopt;
    const double d = v.get<double>();
    // 2^63 is exactly representable; anything at or past it (or NaN) does not fit.
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) return std::nullopt;
    return static_cast<std::int64_t>(d);
}

std::string_view trimToken(std::string_view token) {
    while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' ||
                              token.back() == '\t'))
        token.remove_suffix(1);
    return token;
}

std::string unquote(std::string_view token) {
    std::string out;
    unquoteTo(token, out);
    return out;
}

void unquoteTo(std::string_view token, std::string &out) {
    const std::string_view text = unquoteView(token, out);
    if (text.data() != out.data()) out.assign(text); // decoded into `out` already otherwise
}

std::string_view unquoteView(std::string_view token, std::string &scratch) {
    if (token.size() < 2 || token.front() != '"') return token;
    const std::string_view inner = token.substr(1, token.size() - 2);
    if (inner.find('\\') == std::string_view::npos) return inner;
    const auto j = nlohmann::json::parse(token, nullptr, false);
    if (!j.is_string()) return inner;
    scratch = j.get<std::string>();
    return scratch;
}

namespace {
int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}
} // namespace

std::optional<std::string> idOf(std::string_view id, std::size_t bytes, ImportReport &report,
                                const std::string &file) {
    bool padded = false;
    auto out = normaliseId(id, bytes, &padded);
    if (out && padded)
        report.warn("short-id", file + ": id '" + std::string(id.substr(0, 40)) + "' has " +
                                    std::to_string(id.size()) + " hex digits, not " +
                                    std::to_string(bytes * 2) + "; read as " + *out +
                                    " (leading zeros added)");
    return out;
}

std::optional<std::string> normaliseId(std::string_view id, std::size_t bytes, bool *padded) {
    const std::size_t hexLen = bytes * 2;
    bool allHex = !id.empty() && id.size() <= hexLen;
    for (char c : id)
        allHex &= hexValue(c) >= 0;
    if (allHex) {
        // A 64-bit trace id (16 digits) is Zipkin's and Jaeger's normal form; anything else
        // short lost its leading zeros somewhere.
        if (padded) *padded = id.size() < hexLen && !(bytes == 16 && id.size() == 16);
        std::string out(hexLen, '0');
        char *to = out.data() + (hexLen - id.size());
        for (char c : id)
            *to++ = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        return out;
    }
    // base64: 4 characters carry 3 bytes; '=' pads the end.
    std::string raw;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : id) {
        if (c == '=') break;
        const int v = base64Value(c);
        if (v < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            raw += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    if (raw.size() != bytes) return std::nullopt;
    return hex(raw);
}

std::string hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

const char *spanKindName(std::int64_t kind) {
    static const char *names[] = {"UNSPECIFIED", "INTERNAL", "SERVER",
                                  "CLIENT",      "PRODUCER", "CONSUMER"};
    return kind >= 0 && kind < 6 ? names[kind] : "UNSPECIFIED";
}

void setSpanTimes(SpanRecord &s, std::optional<std::int64_t> start, std::optional<std::int64_t> end,
                  std::string &attributes, bool &first, ImportReport &report,
                  const std::string &file) {
    // proto3 leaves a zero time out: a span without a start is kept and placed at its parent's
    // start when its trace is linked.
    if (!start || *start <= 0) {
        s.flags |= SpanUntimed;
    } else if (!end || *end <= 0) {
        s.startNs = s.endNs = *start;
        s.flags |= SpanUnfinished;
    } else {
        s.startNs = *start;
        s.endNs = *end;
    }
    if (s.endNs >= s.startNs) return;
    report.warn("end-before-start", file + ": span " + s.key + " (" + s.name + ") ends " +
                                        std::to_string(s.startNs - s.endNs) +
                                        " ns before it starts; drawn with zero width");
    s.flags |= SpanClamped;
    appendMember(attributes, first, "otel.original_end_ns", std::to_string(s.endNs));
    s.endNs = s.startNs;
}

void appendMember(std::string &object, bool &first, std::string_view key,
                  std::string_view valueJson) {
    if (!first) object += ',';
    first = false;
    object += '"';
    object += key;
    object += "\":";
    object += valueJson;
}

void openPayloadMember(std::string &payload, std::string_view quotedKey) {
    if (payload.back() != '{') payload += ',';
    payload += quotedKey;
    payload += ':';
}

void routeAttribute(OtelConventions *conventions, std::string_view key, std::string_view quotedKey,
                    std::string_view valueJson, std::string_view text,
                    std::optional<std::int64_t> integer, std::string &attributes, bool &first,
                    std::string *payload) {
    if (conventions &&
        conventions->offer(key, OtelConventions::isPayloadKey(key) ? valueJson : text, integer)) {
        if (payload) {
            openPayloadMember(*payload, quotedKey);
            *payload += valueJson;
        }
        return;
    }
    if (!first) attributes += ',';
    first = false;
    attributes += quotedKey;
    attributes += ':';
    attributes += valueJson;
}

std::string quote(std::string_view text) {
    return nlohmann::json(std::string(text))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Where the first byte that is not UTF-8 lies (simdjson checks a whole message up front and
// says only that one is there).
std::size_t firstInvalidUtf8(std::string_view t) {
    const auto *p = reinterpret_cast<const unsigned char *>(t.data());
    std::size_t i = 0;
    while (i < t.size()) {
        const unsigned char c = p[i];
        const std::size_t n = c < 0x80         ? 1
                              : (c >> 5) == 6  ? 2
                              : (c >> 4) == 14 ? 3
                              : (c >> 3) == 30 ? 4
                                               : 0;
        if (n == 0 || i + n > t.size()) return i;
        for (std::size_t k = 1; k < n; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += n;
    }
    return t.size();
}

// The member name just before `at` ("spanId" in {"spanId": [1]}), to say which field had a wrong
// type; empty when there is none nearby.
std::string keyBefore(std::string_view t, std::size_t at) {
    std::size_t i = std::min(at, t.size());
    const std::size_t stop = i > 256 ? i - 256 : 0;
    while (i > stop && t[i - 1] != ':')
        --i;
    if (i == stop) return {};
    std::size_t end = i - 1;
    while (end > stop && t[end - 1] != '"')
        --end;
    if (end == stop) return {};
    std::size_t begin = end - 1;
    while (begin > stop && t[begin - 1] != '"')
        --begin;
    return begin == stop && t[begin] != '"' ? std::string()
                                            : std::string(t.substr(begin, end - 1 - begin));
}

} // namespace spanscope::oteljson

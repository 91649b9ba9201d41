#include "yamlfile.h"

#include "core/ingesterror.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <vector>
#include <yaml.h>

namespace spanscope::yamlfile {

namespace {

// Bounds on alias expansion ("billion laughs") and on nesting (a recursive alias).
constexpr int maxDepth = 64;
constexpr std::size_t maxValues = 1'000'000;

bool isOneOf(std::string_view s, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (s == w) return true;
    return false;
}

// YAML 1.1's resolution of a plain scalar (what PyYAML's safe_load does).
json resolvePlain(const std::string &s) {
    if (s.empty() || isOneOf(s, {"~", "null", "Null", "NULL"})) return nullptr;
    if (isOneOf(s, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})) return true;
    if (isOneOf(s, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}))
        return false;
    // YAML 1.1's int and float forms (decimal; underscores allowed between digits).
    std::size_t i = s[0] == '+' || s[0] == '-' ? 1 : 0;
    const auto digitsFrom = [&](std::size_t at) {
        std::size_t j = at;
        while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || (j > at && s[j] == '_')))
            ++j;
        return j;
    };
    const std::size_t intEnd = digitsFrom(i);
    const bool leadingZero = intEnd > i + 1 && s[i] == '0';
    if (intEnd == s.size() && intEnd > i && !leadingZero) {
        std::string digits;
        for (char c : s)
            if (c != '_' && c != '+') digits += c;
        long long v = 0;
        const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (r.ec == std::errc()) return v;
    }
    std::size_t j = intEnd;
    bool mantissa = intEnd > i;
    if (j < s.size() && s[j] == '.') {
        const std::size_t frac = digitsFrom(j + 1);
        mantissa = mantissa || frac > j + 1;
        j = frac;
    }
    if (mantissa && j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        const std::size_t e = digitsFrom(k);
        if (e > k) j = e;
    }
    // PyYAML reads a float only with its point: 1e5 stays text.
    if (mantissa && j == s.size() && s.find('.') != std::string::npos) {
        std::string digits;
        for (char c : s)
            if (c != '_') digits += c;
        try {
            return std::stod(digits);
        } catch (const std::exception &) {
            return s;
        }
    }
    if (isOneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}))
        return std::numeric_limits<double>::infinity();
    if (isOneOf(s, {"-.inf", "-.Inf", "-.INF"})) return -std::numeric_limits<double>::infinity();
    if (isOneOf(s, {".nan", ".NaN", ".NAN"})) return std::numeric_limits<double>::quiet_NaN();
    return s;
}

std::size_t countValues(const json &v) {
    std::size_t n = 1;
    if (v.is_structured())
        for (const json &c : v)
            n += countValues(c);
    return n;
}

// Builds the value from libyaml's events: unlike its document loader, events keep whether a
// scalar was plain and untagged, which decides between `8` (a number) and `'8'` (text).
class Builder {
public:
    explicit Builder(const std::string &name) : m_name(name) {}

    void open(json container, const unsigned char *anchor) {
        if (m_stack.size() >= maxDepth)
            throw IngestError(m_name, "",
                              "nested deeper than " + std::to_string(maxDepth) + " levels");
        m_stack.push_back({std::move(container), {}, false, anchorText(anchor)});
    }

    void close() {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (!f.anchor.empty()) m_anchors[f.anchor] = {f.value, countValues(f.value)};
        add(std::move(f.value), 0);
    }

    void scalar(const yaml_event_t &e) {
        const auto &sc = e.data.scalar;
        const std::string text(reinterpret_cast<const char *>(sc.value), sc.length);
        json v = sc.plain_implicit && !sc.tag ? resolvePlain(text) : json(text);
        if (sc.anchor) m_anchors[anchorText(sc.anchor)] = {v, 1};
        add(std::move(v), 1);
    }

    void alias(const yaml_event_t &e) {
        const std::string a = anchorText(e.data.alias.anchor);
        const auto it = m_anchors.find(a);
        if (it == m_anchors.end())
            throw IngestError(m_name, "",
                              "alias *" + a + " refers to no complete anchor (a recursive alias?)");
        add(it->second.first, it->second.second);
    }

    json take() { return std::move(m_root); }

private:
    struct Frame {
        json value;
        std::string key;
        bool haveKey;
        std::string anchor;
    };

    static std::string anchorText(const unsigned char *a) {
        return a ? reinterpret_cast<const char *>(a) : "";
    }

    void add(json v, std::size_t values) {
        m_values += values;
        if (m_values > maxValues)
            throw IngestError(m_name, "",
                              "expands to more than " + std::to_string(maxValues) +
                                  " values (aliases repeated over and over)");
        if (m_stack.empty()) {
            m_root = std::move(v);
            return;
        }
        Frame &top = m_stack.back();
        if (top.value.is_array()) {
            top.value.push_back(std::move(v));
        } else if (!top.haveKey) {
            top.key = v.is_string() ? v.get<std::string>() : v.dump();
            top.haveKey = true;
        } else {
            top.value[top.key] = std::move(v);
            top.haveKey = false;
        }
    }

    const std::string &m_name;
    std::vector<Frame> m_stack;
    std::map<std::string, std::pair<json, std::size_t>> m_anchors;
    std::size_t m_values = 0;
    json m_root;
};

} // namespace

json parse(std::string_view text, const std::string &displayName) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        throw IngestError(displayName, "", "cannot start the YAML parser (out of memory)");
    std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t *)> parserGuard(&parser,
                                                                          yaml_parser_delete);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(text.data()),
                                 text.size());
    Builder builder(displayName);
    while (true) {
        yaml_event_t e;
        if (!yaml_parser_parse(&parser, &e)) {
            const yaml_mark_t mark = parser.problem_mark;
            std::string what = parser.problem ? parser.problem : "malformed YAML";
            if (parser.context) what = std::string(parser.context) + ": " + what;
            throw IngestError(displayName,
                              "line " + std::to_string(mark.line + 1) + ", column " +
                                  std::to_string(mark.column + 1),
                              "not valid YAML (" + what + ")");
        }
        std::unique_ptr<yaml_event_t, void (*)(yaml_event_t *)> eventGuard(&e, yaml_event_delete);
        switch (e.type) {
        case YAML_SEQUENCE_START_EVENT:
            builder.open(json::array(), e.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_START_EVENT:
            builder.open(json::object(), e.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            builder.close();
            break;
        case YAML_SCALAR_EVENT:
            builder.scalar(e);
            break;
        case YAML_ALIAS_EVENT:
            builder.alias(e);
            break;
        case YAML_DOCUMENT_END_EVENT: // the first document only
        case YAML_STREAM_END_EVENT:
            return builder.take();
        default:
            break;
        }
    }
}

} // namespace spanscope::yamlfile

#include "jsondombuilder.h"

#include "core/limits.h"
#include "decimaltime.h"

#include <algorithm>

namespace spanscope {

JsonDomBuilder::JsonDomBuilder(std::vector<std::string> timeKeys)
    : m_timeKeys(std::move(timeKeys)) {}

bool JsonDomBuilder::isTimeKey() const {
    if (m_stack.empty() || !m_stack.back()->is_object() || m_keys.empty()) return false;
    return std::find(m_timeKeys.begin(), m_timeKeys.end(), m_keys.back()) != m_timeKeys.end();
}

// While skipping a member's value: a scalar at the member's own depth is the whole value.
bool JsonDomBuilder::skipScalar() {
    if (m_depth == m_skipDepth) m_skipping = false;
    return true;
}

bool JsonDomBuilder::add(json &&value) {
    const bool container = value.is_structured();
    json *slot = nullptr;
    if (m_stack.empty()) {
        if (m_onElement && m_depth == 0) {
            // Streaming mode: the top level must be the array whose elements we hand out.
            if (!(container && value.is_array())) {
                m_stopped = true;
                return false;
            }
            m_topLevelArray = true;
            ++m_depth;
            return true;
        }
        if (m_onElement) {
            if (!container) {
                if (!m_onElement(std::move(value), m_elementIndex++)) m_stopped = true;
                return !m_stopped;
            }
            m_element = std::move(value);
            slot = &m_element;
        } else {
            m_topLevelArray = value.is_array();
            m_root = std::move(value);
            slot = &m_root;
        }
    } else if (m_stack.back()->is_array()) {
        m_stack.back()->push_back(std::move(value));
        slot = &m_stack.back()->back();
    } else {
        slot = &(*m_stack.back())[m_keys.back()];
        *slot = std::move(value);
    }
    if (container) {
        m_stack.push_back(slot);
        if (slot->is_object()) m_keys.emplace_back();
        ++m_depth;
    }
    return true;
}

bool JsonDomBuilder::endContainer() {
    if (m_skipping) {
        if (--m_depth == m_skipDepth) m_skipping = false;
        return true;
    }
    if (m_stack.empty()) { // the streamed top-level array closes
        --m_depth;
        return true;
    }
    if (m_stack.back()->is_object()) m_keys.pop_back();
    m_stack.pop_back();
    --m_depth;
    if (m_stack.empty() && m_onElement && m_depth == 1) {
        if (!m_onElement(std::move(m_element), m_elementIndex++)) m_stopped = true;
        m_element = json();
    }
    return !m_stopped;
}

bool JsonDomBuilder::null() {
    return m_skipping ? skipScalar() : add(json(nullptr));
}
bool JsonDomBuilder::boolean(bool val) {
    return m_skipping ? skipScalar() : add(json(val));
}

bool JsonDomBuilder::number_integer(json::number_integer_t val) {
    if (m_skipping) return skipScalar();
    if (isTimeKey()) {
        if (val > 9'200'000'000LL || val < -9'200'000'000LL) return add(json(val));
        return add(json(static_cast<std::int64_t>(val) * 1'000'000'000LL));
    }
    return add(json(val));
}

bool JsonDomBuilder::number_unsigned(json::number_unsigned_t val) {
    if (m_skipping) return skipScalar();
    if (isTimeKey() && val <= 9'200'000'000ULL)
        return add(json(static_cast<std::int64_t>(val) * 1'000'000'000LL));
    return add(json(val));
}

bool JsonDomBuilder::number_float(json::number_float_t val, const json::string_t &text) {
    if (m_skipping) return skipScalar();
    if (isTimeKey()) {
        if (auto ns = decimalSecondsToNs(text)) return add(json(*ns));
        m_badTime = text; // out of range: keep the double, the reader reports it
    }
    return add(json(val));
}

bool JsonDomBuilder::string(json::string_t &val) {
    return m_skipping ? skipScalar() : add(json(std::move(val)));
}
bool JsonDomBuilder::binary(json::binary_t &val) {
    return m_skipping ? skipScalar() : add(json::binary(std::move(val)));
}
bool JsonDomBuilder::openContainer(json &&empty) {
    if (!m_skipping && m_depth >= limits::maxJsonNesting) {
        // The note takes the container's place; its contents are only counted past.
        ++m_deepValues;
        if (!add(json(deepValueNote))) return false;
        m_skipping = true;
        m_skipDepth = m_depth;
    } else if (!m_skipping && m_buildAbove > 0 && m_depth >= m_buildAbove) {
        if (!add(json())) return false;
        m_skipping = true;
        m_skipDepth = m_depth;
    }
    if (!m_skipping) return add(std::move(empty));
    ++m_depth;
    return true;
}
bool JsonDomBuilder::start_object(std::size_t) {
    return openContainer(json::object());
}
bool JsonDomBuilder::start_array(std::size_t) {
    return openContainer(json::array());
}

bool JsonDomBuilder::key(json::string_t &val) {
    if (m_skipping) return true;
    if (m_onElement && m_stack.size() == 1 &&
        std::find(m_skipKeys.begin(), m_skipKeys.end(), val) != m_skipKeys.end()) {
        m_skipping = true;
        m_skipDepth = m_depth;
        return true;
    }
    m_keys.back() = std::move(val);
    return true;
}

bool JsonDomBuilder::end_object() {
    return endContainer();
}
bool JsonDomBuilder::end_array() {
    return endContainer();
}

bool JsonDomBuilder::parse_error(std::size_t position, const std::string &lastToken,
                                 const nlohmann::detail::exception &ex) {
    m_errorPosition = position;
    if (ex.id == 406) { // out_of_range.406: a number no double holds
        m_errorMessage = "the number " + lastToken.substr(0, 40) +
                         " is out of range (larger than any number a tracer writes)";
        return false;
    }
    // nlohmann's message repeats the position as line/column of its own; keep the reason only.
    std::string what = ex.what();
    if (const auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    if (const auto p = what.find("; last read:"); p != std::string::npos) what.resize(p);
    // The last token can be a whole prompt: show its end, where the parse stopped.
    constexpr std::size_t shown = 40;
    what += lastToken.size() <= shown
                ? " (at '" + lastToken + "')"
                : " (at '..." + lastToken.substr(lastToken.size() - shown) + "')";
    m_errorMessage = what;
    return false;
}

} // namespace spanscope

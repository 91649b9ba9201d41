#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spanscope {

// A SAX handler for nlohmann::json that builds DOM values, with two differences from
// nlohmann's own DOM parser:
//  - Values under "time keys" (e.g. NAT's event_timestamp) become int64 nanoseconds computed
//    from the number's text, never through a double (see decimaltime.h). Strings and other
//    types under those keys are kept as they are, for the reader to reject with a message.
//  - A container nested deeper than limits::maxJsonNesting becomes a note (a string) and its
//    contents are skipped, so the values it builds can be copied and dumped recursively.
//  - In streaming mode, each element of the top-level array is handed to a callback as soon as
//    it is complete and then dropped, so memory is bounded by the largest element.
class JsonDomBuilder {
public:
    using json = nlohmann::json;
    using ElementCallback = std::function<bool(json &&element, std::size_t index)>;

    explicit JsonDomBuilder(std::vector<std::string> timeKeys = {});

    // Stream the top-level array's elements to cb; cb returns false to stop the parse.
    void streamTopLevelArray(ElementCallback cb) { m_onElement = std::move(cb); }
    // In streaming mode, members of each element with these names are parsed (and validated)
    // but never built: a reader that does not need them pays no allocations for them.
    void skipElementMembers(std::vector<std::string> keys) { m_skipKeys = std::move(keys); }
    // Containers opened this deep (1: the top level's members) are parsed (and validated) but
    // built as null: their parents keep their count and keys. For a reader that wants a large
    // file's summary numbers, not its bulk (NAT's workflow_profiling_metrics.json). 0: all built.
    void buildContainersAbove(std::size_t depth) { m_buildAbove = depth; }

    json &result() { return m_root; }
    bool topLevelIsArray() const { return m_topLevelArray; }
    bool hasParseError() const { return m_errorPosition != std::string::npos; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string &errorMessage() const { return m_errorMessage; }
    bool badTimeValue() const { return !m_badTime.empty(); }
    // Values nested deeper than limits::maxJsonNesting, each replaced by deepValueNote.
    std::size_t deepValues() const { return m_deepValues; }
    static constexpr const char *deepValueNote = "(nested too deep: value not kept)";
    const std::string &badTimeText() const { return m_badTime; }

    // nlohmann SAX interface
    bool null();
    bool boolean(bool val);
    bool number_integer(json::number_integer_t val);
    bool number_unsigned(json::number_unsigned_t val);
    bool number_float(json::number_float_t val, const json::string_t &text);
    bool string(json::string_t &val);
    bool binary(json::binary_t &val);
    bool start_object(std::size_t);
    bool key(json::string_t &val);
    bool end_object();
    bool start_array(std::size_t);
    bool end_array();
    bool parse_error(std::size_t position, const std::string &lastToken,
                     const nlohmann::detail::exception &ex);

private:
    bool isTimeKey() const;
    bool skipScalar();
    bool add(json &&value);
    bool endContainer();
    bool openContainer(json &&empty);

    std::vector<std::string> m_timeKeys;
    std::vector<std::string> m_skipKeys;
    bool m_skipping = false;
    std::size_t m_skipDepth = 0;
    std::size_t m_buildAbove = 0;
    ElementCallback m_onElement;
    json m_root;
    json m_element;                  // the element being built in streaming mode
    std::vector<json *> m_stack;     // open containers
    std::vector<std::string> m_keys; // the key that each open object is about to receive
    json *m_pendingSlot = nullptr;
    std::size_t m_elementIndex = 0;
    std::size_t m_depth = 0; // open containers, the top-level array included
    std::size_t m_deepValues = 0;
    bool m_topLevelArray = false;
    bool m_stopped = false;
    std::size_t m_errorPosition = std::string::npos;
    std::string m_errorMessage;
    std::string m_badTime;
};

} // namespace spanscope

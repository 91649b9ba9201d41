#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct ZSTD_CDict_s;

namespace spanscope {

// A dictionary a run's span attributes or span payloads are compressed against (issue 15).
// One span's attributes are a few hundred bytes of JSON whose keys and common values repeat from
// span to span but not within one: zstd alone got 1.7x from the attribute-heavy file's, at
// 75 MB/s, zstd with the run's first 64 KB of attributes as its dictionary 6.2x at ~200 MB/s.
// Payloads (prompts, completions, tool input and output, 1-4 KB) share templates and
// conversation history: 3.3x -> 4.0x, 1.2x less CPU, on the payload-heavy file's.
//
// Stored form (spans.attributes, span_payloads.data as BLOBs): the kind's tag byte, the run id
// as a LEB128 varint (with the tag, the dictionary's row in run_dictionaries: run ids are never
// reused), then one zstd frame compressed against that dictionary. Plain attribute JSON stays
// TEXT, and a payload compressed without a dictionary stays a bare zstd frame (its first byte is
// 0x28), so both old and small forms read as before. DictionaryDecoder reads them back: SQL
// through span_attributes(), payloads through RunQueries.
class RunDictionary {
public:
    enum class Kind : unsigned char { Attributes = 0x01, Payloads = 0x02 };
    // Shorter values stay as they are: a frame's header would eat what the dictionary saves.
    static constexpr std::size_t minEncodedSize = 64;
    static constexpr std::size_t contentSize = 64 * 1024;
    // Not ZstdCodec's level 1: against a dictionary, values of a few KB compress as fast at
    // level 3 (the cost per frame dominates) and smaller. The payload-heavy file's payloads, one
    // core: level 1 4.05x at 294 MB/s, level 3 4.39x at 309 MB/s (level 5: 4.28x, 107 MB/s);
    // its attributes 7.0x at ~215 MB/s either way.
    static constexpr int compressionLevel = 3;

    // `content`: samples of the run's values of that kind, concatenated (a raw-content
    // dictionary).
    RunDictionary(std::int64_t runId, Kind kind, std::string content);
    ~RunDictionary();
    RunDictionary(const RunDictionary &) = delete;
    RunDictionary &operator=(const RunDictionary &) = delete;

    Kind kind() const { return m_kind; }
    std::int64_t runId() const { return m_runId; }
    const std::string &content() const { return m_content; }

    // The stored form of `text` (see above); `codec` is the calling thread's own.
    std::string encode(std::string_view text, class ZstdCodec &codec) const;

    // The kind and run id a stored blob names, and where its frame starts; runId -1 when the
    // blob is not in this form.
    struct Header {
        Kind kind = Kind::Attributes;
        std::int64_t runId = -1;
        std::size_t frameOffset = 0;
    };
    static Header header(std::string_view blob);

private:
    std::int64_t m_runId;
    Kind m_kind;
    std::string m_content;
    ZSTD_CDict_s *m_cdict;
    std::string m_prefix; // tag and varint, the same for every blob of the run
};

} // namespace spanscope

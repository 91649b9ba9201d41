#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct ZSTD_CDict_s;
struct ZSTD_CCtx_s;

namespace spanscope {

// A run's span attributes stored compressed (issue 15: 20 attributes a span were 80% of an
// attribute-heavy workspace, written twice through the WAL and read again by every index build).
// One span's attributes are a few hundred bytes of JSON whose keys and common values repeat from
// span to span but not within one: zstd alone gets 1.7x from them, zstd with the run's first
// 64 KB of attributes as its dictionary 6x, at ~200 MB/s a core.
//
// Stored form (spans.attributes as a BLOB; plain JSON text stays TEXT): a tag byte, the run id
// as a LEB128 varint (the dictionary's row in attribute_dictionaries: run ids are never reused),
// then one zstd frame compressed against that dictionary. SQL reads it back as JSON through the
// span_attributes() function every workspace connection has (AttributeDecoder).
class AttributeDictionary {
public:
    static constexpr unsigned char blobTag = 0x01;
    // Shorter attributes stay text: a frame's header would eat what the dictionary saves.
    static constexpr std::size_t minEncodedSize = 64;
    static constexpr std::size_t contentSize = 64 * 1024;

    // `content`: samples of the run's attributes, concatenated (a raw-content dictionary).
    AttributeDictionary(std::int64_t runId, std::string content);
    ~AttributeDictionary();
    AttributeDictionary(const AttributeDictionary &) = delete;
    AttributeDictionary &operator=(const AttributeDictionary &) = delete;

    std::int64_t runId() const { return m_runId; }
    const std::string &content() const { return m_content; }

    // The stored form of `json` (see above); `cctx` is the calling thread's own context.
    std::string encode(std::string_view json, ZSTD_CCtx_s *cctx) const;

    // The run id a stored blob names, and where its frame starts; nullopt-like (-1) when the
    // blob is not in this form.
    struct Header {
        std::int64_t runId = -1;
        std::size_t frameOffset = 0;
    };
    static Header header(std::string_view blob);

private:
    std::int64_t m_runId;
    std::string m_content;
    ZSTD_CDict_s *m_cdict;
    std::string m_prefix; // tag and varint, the same for every blob of the run
};

} // namespace spanscope

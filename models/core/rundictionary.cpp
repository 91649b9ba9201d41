#include "rundictionary.h"

#include "store/storeerror.h"
#include "zstdcodec.h"

#include <zstd.h>

namespace spanscope {

RunDictionary::RunDictionary(std::int64_t runId, Kind kind, std::string content)
    : m_runId(runId), m_kind(kind), m_content(std::move(content)),
      m_cdict(ZSTD_createCDict(m_content.data(), m_content.size(), compressionLevel)) {
    if (!m_cdict) throw StoreError("zstd: cannot make a run's dictionary");
    m_prefix.push_back(static_cast<char>(kind));
    auto v = static_cast<std::uint64_t>(runId);
    do {
        const auto low = static_cast<unsigned char>(v & 0x7f);
        v >>= 7;
        m_prefix.push_back(static_cast<char>(v ? low | 0x80 : low));
    } while (v);
}

RunDictionary::~RunDictionary() {
    ZSTD_freeCDict(m_cdict);
}

std::string RunDictionary::encode(std::string_view text, ZstdCodec &codec) const {
    return codec.compress(text, m_cdict, m_prefix);
}

RunDictionary::Header RunDictionary::header(std::string_view blob) {
    if (blob.empty()) return {};
    const auto tag = static_cast<unsigned char>(blob[0]);
    if (tag != static_cast<unsigned char>(Kind::Attributes) &&
        tag != static_cast<unsigned char>(Kind::Payloads))
        return {};
    std::uint64_t v = 0;
    for (std::size_t i = 1; i < blob.size() && i <= 9; ++i) {
        const auto byte = static_cast<unsigned char>(blob[i]);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << (7 * (i - 1));
        if (!(byte & 0x80)) return {static_cast<Kind>(tag), static_cast<std::int64_t>(v), i + 1};
    }
    return {};
}

} // namespace spanscope

#include "rundictionary.h"

#include "leb128.h"
#include "store/storeerror.h"
#include "zstdcodec.h"

#include <zstd.h>

namespace spanscope {

RunDictionary::RunDictionary(std::int64_t runId, Kind kind, std::string content)
    : m_runId(runId), m_kind(kind), m_content(std::move(content)),
      m_cdict(ZSTD_createCDict(m_content.data(), m_content.size(), compressionLevel)) {
    if (!m_cdict) throw StoreError("zstd: cannot make a run's dictionary");
    m_prefix.push_back(static_cast<char>(kind));
    leb128::append(m_prefix, static_cast<std::uint64_t>(runId));
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
    std::size_t at = 1;
    const auto runId = leb128::read(blob.substr(0, 10), at);
    if (!runId) return {};
    return {static_cast<Kind>(tag), static_cast<std::int64_t>(*runId), at};
}

} // namespace spanscope

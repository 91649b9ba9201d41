#include "payloadblockcache.h"

#include "storeerror.h"

#include <zstd.h>

namespace spanscope {

PayloadBlockCache::PayloadBlockCache() : m_dctx(ZSTD_createDCtx()) {}

PayloadBlockCache::~PayloadBlockCache() {
    ZSTD_freeDCtx(m_dctx);
}

std::string_view PayloadBlockCache::text(std::string_view compressed, std::size_t limit) {
    if (m_valid && compressed == m_compressed) return m_text;
    m_valid = false;
    const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
    // An import writes each block with its size.
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > limit)
        throw StoreError("a damaged zstd frame of payloads");
    m_text.resize(static_cast<std::size_t>(size));
    const std::size_t n = ZSTD_decompressDCtx(m_dctx, m_text.data(), m_text.size(),
                                              compressed.data(), compressed.size());
    if (ZSTD_isError(n)) throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(n));
    m_text.resize(n);
    m_compressed.assign(compressed);
    m_valid = true;
    return m_text;
}

} // namespace spanscope

#include "payloadblockcache.h"

#include "zstdframe.h"

#include <zstd.h>

namespace spanscope {

PayloadBlockCache::PayloadBlockCache() : m_dctx(ZSTD_createDCtx()) {}

PayloadBlockCache::~PayloadBlockCache() {
    ZSTD_freeDCtx(m_dctx);
}

std::string_view PayloadBlockCache::text(std::string_view compressed, std::size_t limit) {
    if (m_valid && compressed == m_compressed) return m_text;
    m_valid = false;
    decompressStoredFrame(m_dctx, nullptr, compressed, limit, "payloads", m_text);
    m_compressed.assign(compressed);
    m_valid = true;
    return m_text;
}

} // namespace spanscope

#pragma once

#include <string>
#include <string_view>

struct ZSTD_DCtx_s;

namespace spanscope {

// The text of a payload block (PayloadBlocks), decompressed once for the spans that share it:
// the timeline's chunk marks read the payloads of up to 256 neighbouring spans at a time, mostly
// from a few blocks. The last block is kept with its compressed bytes and served again only for
// the same bytes, so a row id reused after a rollback or a removed run never returns old text.
class PayloadBlockCache {
public:
    PayloadBlockCache();
    ~PayloadBlockCache();
    PayloadBlockCache(const PayloadBlockCache &) = delete;
    PayloadBlockCache &operator=(const PayloadBlockCache &) = delete;

    // The text of a block as stored (one zstd frame); valid until the next call. `limit`: the
    // most a block may claim to hold (the connection's SQLITE_LIMIT_LENGTH). Throws StoreError.
    std::string_view text(std::string_view compressed, std::size_t limit);

private:
    ZSTD_DCtx_s *m_dctx;
    std::string m_compressed, m_text;
    bool m_valid = false;
};

} // namespace spanscope

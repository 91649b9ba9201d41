#pragma once

#include <string>
#include <string_view>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace spanscope {

// Compresses payload columns. One context per codec, reused across calls (creating a zstd
// context costs more than compressing a typical 2 KB prompt).
class ZstdCodec {
public:
    explicit ZstdCodec(int level = 3);
    ~ZstdCodec();
    ZstdCodec(const ZstdCodec &) = delete;
    ZstdCodec &operator=(const ZstdCodec &) = delete;

    std::string compress(std::string_view data);
    // Throws StoreError when the blob is not a complete zstd frame.
    std::string decompress(std::string_view frame);

private:
    ZSTD_CCtx_s *m_cctx;
    ZSTD_DCtx_s *m_dctx;
    int m_level;
};

} // namespace spanscope

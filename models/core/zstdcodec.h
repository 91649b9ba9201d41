#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;
struct ZSTD_CDict_s;

namespace spanscope {

// Compresses payload columns. One context per codec, reused across calls (creating a zstd
// context costs more than compressing a typical 2 KB prompt).
class ZstdCodec {
public:
    // The first bytes of every zstd frame (RFC 8878), how a compressed input is recognised.
    static constexpr unsigned char frameMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};

    // Level 1: payloads are compressed on the import's hot path, where speed matters more than
    // the last 10% of size.
    explicit ZstdCodec(int level = 1);
    ~ZstdCodec();
    ZstdCodec(const ZstdCodec &) = delete;
    ZstdCodec &operator=(const ZstdCodec &) = delete;

    std::string compress(std::string_view data);
    // `prefix` followed by one frame of `data` compressed against `dictionary`
    // (RunDictionary::encode).
    std::string compress(std::string_view data, const ZSTD_CDict_s *dictionary,
                         std::string_view prefix);
    // One frame of what `read` hands out until it gives 0 bytes: a large file compressed
    // without ever being held whole.
    std::string compressStream(const std::function<std::size_t(char *, std::size_t)> &read);
    // Throws StoreError when the blob is not a complete zstd frame.
    std::string decompress(std::string_view frame);

private:
    // Where a frame is compressed before it is copied out at its size: a string of
    // ZSTD_compressBound bytes per payload, zero-filled and freed again, was ~8% of a
    // payload-heavy import's CPU (allocation, memset, page faults).
    char *scratch(std::size_t bound);

    ZSTD_CCtx_s *m_cctx;
    ZSTD_DCtx_s *m_dctx;
    int m_level;
    std::unique_ptr<char[]> m_scratch;
    std::size_t m_scratchSize = 0;
};

} // namespace spanscope

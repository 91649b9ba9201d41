#include "zstdframe.h"

#include "storeerror.h"

#include <zstd.h>

namespace spanscope {

void decompressStoredFrame(ZSTD_DCtx_s *dctx, const ZSTD_DDict_s *dictionary,
                           std::string_view frame, std::size_t limit, std::string_view what,
                           std::string &out) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > limit)
        throw StoreError("a damaged zstd frame of " + std::string(what));
    out.resize(static_cast<std::size_t>(size));
    const std::size_t n =
        dictionary ? ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame.data(),
                                                frame.size(), dictionary)
                   : ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.data(), frame.size());
    if (ZSTD_isError(n)) throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
}

} // namespace spanscope

#pragma once

#include <cstddef>
#include <string>
#include <string_view>

struct ZSTD_DCtx_s;
struct ZSTD_DDict_s;

namespace spanscope {

// Decompresses one stored zstd frame into `out` (against `dictionary` when not null). Every
// frame an import writes states its size; that size is checked against `limit` (the
// connection's SQLITE_LIMIT_LENGTH) before anything is allocated, as a damaged frame may claim
// any. Throws StoreError: "a damaged zstd frame of <what>", or zstd's own reason.
void decompressStoredFrame(ZSTD_DCtx_s *dctx, const ZSTD_DDict_s *dictionary,
                           std::string_view frame, std::size_t limit, std::string_view what,
                           std::string &out);

} // namespace spanscope

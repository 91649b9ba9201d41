#include "zstdcodec.h"

#include "payloadblocks.h"
#include "records.h"
#include "rundictionary.h"
#include "store/storeerror.h"

#include <zstd.h>

namespace spanscope {

ZstdCodec::ZstdCodec(int level)
    : m_cctx(ZSTD_createCCtx()), m_dctx(ZSTD_createDCtx()), m_level(level) {}

ZstdCodec::~ZstdCodec() {
    ZSTD_freeCCtx(m_cctx);
    ZSTD_freeDCtx(m_dctx);
}

char *ZstdCodec::scratch(std::size_t bound) {
    if (bound > m_scratchSize) {
        m_scratch.reset(new char[bound]);
        m_scratchSize = bound;
    }
    return m_scratch.get();
}

std::string ZstdCodec::compress(std::string_view data) {
    const std::size_t bound = ZSTD_compressBound(data.size());
    char *frame = scratch(bound);
    const std::size_t n =
        ZSTD_compressCCtx(m_cctx, frame, bound, data.data(), data.size(), m_level);
    if (ZSTD_isError(n)) throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(n));
    return std::string(frame, n);
}

std::string ZstdCodec::compress(std::string_view data, const ZSTD_CDict_s *dictionary,
                                std::string_view prefix) {
    const std::size_t bound = ZSTD_compressBound(data.size());
    char *frame = scratch(bound);
    const std::size_t n =
        ZSTD_compress_usingCDict(m_cctx, frame, bound, data.data(), data.size(), dictionary);
    if (ZSTD_isError(n)) throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(n));
    std::string out;
    out.reserve(prefix.size() + n);
    out.append(prefix).append(frame, n);
    return out;
}

std::string ZstdCodec::compressStream(const std::function<std::size_t(char *, std::size_t)> &read) {
    ZSTD_CCtx_reset(m_cctx, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_compressionLevel, m_level);
    std::string out, in(ZSTD_CStreamInSize(), '\0'), chunk(ZSTD_CStreamOutSize(), '\0');
    for (;;) {
        const std::size_t n = read(in.data(), in.size());
        const ZSTD_EndDirective mode = n == 0 ? ZSTD_e_end : ZSTD_e_continue;
        ZSTD_inBuffer source{in.data(), n, 0};
        std::size_t left = 0;
        do {
            ZSTD_outBuffer sink{chunk.data(), chunk.size(), 0};
            left = ZSTD_compressStream2(m_cctx, &sink, &source, mode);
            if (ZSTD_isError(left))
                throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(left));
            out.append(chunk.data(), sink.pos);
        } while (mode == ZSTD_e_end ? left != 0 : source.pos < source.size);
        if (n == 0) return out;
    }
}

std::string ZstdCodec::decompress(std::string_view frame) {
    std::string out;
    ZSTD_DCtx_reset(m_dctx, ZSTD_reset_session_only);
    ZSTD_inBuffer in{frame.data(), frame.size(), 0};
    std::string chunk(ZSTD_DStreamOutSize(), '\0');
    std::size_t ret = 1;
    while (in.pos < in.size || ret != 0) {
        ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
        ret = ZSTD_decompressStream(m_dctx, &o, &in);
        if (ZSTD_isError(ret)) throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(ret));
        out.append(chunk.data(), o.pos);
        if (in.pos == in.size && o.pos == 0 && ret != 0) throw StoreError("zstd: truncated frame");
    }
    return out;
}

void SpanRecord::compressPayload(ZstdCodec &codec) {
    if (payloadJson.empty()) return;
    payloadRawSize = static_cast<std::int64_t>(payloadJson.size());
    payloadZstd = codec.compress(payloadJson);
    std::string().swap(payloadJson);
}

void SpanRecord::encodeAttributes(const RunDictionary &dictionary, ZstdCodec &codec) {
    if (attributesJson.size() < RunDictionary::minEncodedSize) return;
    attributesStored = dictionary.encode(attributesJson, codec);
    std::string().swap(attributesJson);
}

void ImportBatch::compressPayloads(ZstdCodec &blocks, ZstdCodec &attributes) {
    PayloadBlocks::pack(*this, blocks);
    if (!attributeDictionary) return;
    for (TraceRecord &t : traces)
        for (SpanRecord &s : t.spans)
            s.encodeAttributes(*attributeDictionary, attributes);
    for (LooseSpanRecord &l : looseSpans)
        l.span.encodeAttributes(*attributeDictionary, attributes);
}

} // namespace spanscope

#include "payloadblocks.h"

#include "leb128.h"
#include "records.h"
#include "zstdcodec.h"

namespace spanscope {

void PayloadBlocks::pack(ImportBatch &batch, ZstdCodec &codec) {
    std::string text;
    const auto flush = [&] {
        if (text.empty()) return;
        batch.payloadBlocks.push_back(codec.compress(text));
        text.clear();
    };
    const auto add = [&](SpanRecord &s) {
        const std::string_view payload =
            s.payloadInText ? std::string_view(batch.payloadText)
                                  .substr(static_cast<std::size_t>(s.payloadOffset),
                                          static_cast<std::size_t>(s.payloadRawSize))
                            : std::string_view(s.payloadJson);
        if (payload.empty()) return;
        if (payload.size() >= blockSize) flush();
        s.payloadBlock = static_cast<std::int32_t>(batch.payloadBlocks.size());
        s.payloadOffset = static_cast<std::int64_t>(text.size());
        s.payloadRawSize = static_cast<std::int64_t>(payload.size());
        if (text.empty()) text.reserve(blockSize + payload.size());
        text += payload;
        s.payloadInText = false;
        std::string().swap(s.payloadJson);
        if (text.size() >= blockSize) flush();
    };
    for (TraceRecord &t : batch.traces)
        for (SpanRecord &s : t.spans)
            add(s);
    for (LooseSpanRecord &l : batch.looseSpans)
        add(l.span);
    flush();
    std::string().swap(batch.payloadText);
}

std::string PayloadBlocks::reference(const Reference &r) {
    std::string out(1, static_cast<char>(tag));
    leb128::append(out, static_cast<std::uint64_t>(r.block));
    leb128::append(out, static_cast<std::uint64_t>(r.offset));
    return out;
}

std::optional<PayloadBlocks::Reference> PayloadBlocks::parse(std::string_view blob) {
    if (blob.empty() || static_cast<unsigned char>(blob[0]) != tag) return std::nullopt;
    std::size_t at = 1;
    const auto block = leb128::read(blob, at);
    const auto offset = block ? leb128::read(blob, at) : std::nullopt;
    if (!offset || at != blob.size()) return std::nullopt;
    return Reference{static_cast<std::int64_t>(*block), static_cast<std::int64_t>(*offset)};
}

} // namespace spanscope

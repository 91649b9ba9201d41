#include "payloadblocks.h"

#include "leb128.h"
#include "records.h"
#include "zstdcodec.h"

namespace spanscope {

void PayloadBlocks::pack(ImportBatch &batch, ZstdCodec &codec) {
    // A reader writes its spans' payloads end to end in payloadText, in the order visited here:
    // then a block is a slice of that text, compressed where it lies. Payloads held apart, or out
    // of that order, are gathered into `text` (the slice so far copied in first).
    const std::string_view source(batch.payloadText);
    std::size_t sliceStart = 0, sliceEnd = 0;
    bool slice = false;
    std::string text;
    const auto blockLength = [&] { return slice ? sliceEnd - sliceStart : text.size(); };
    const auto flush = [&] {
        if (slice)
            batch.payloadBlocks.push_back(
                codec.compress(source.substr(sliceStart, sliceEnd - sliceStart)));
        else if (!text.empty())
            batch.payloadBlocks.push_back(codec.compress(text));
        slice = false;
        text.clear();
    };
    const auto add = [&](SpanRecord &s) {
        const auto at = static_cast<std::size_t>(s.payloadOffset);
        const std::string_view payload =
            s.payloadInText ? source.substr(at, static_cast<std::size_t>(s.payloadRawSize))
                            : std::string_view(s.payloadJson);
        if (payload.empty()) return;
        if (payload.size() >= blockSize) flush();
        const std::size_t offset = blockLength();
        if (s.payloadInText && offset == 0) {
            slice = true;
            sliceStart = at;
            sliceEnd = at + payload.size();
        } else if (s.payloadInText && slice && at == sliceEnd) {
            sliceEnd += payload.size();
        } else {
            if (slice) {
                text.assign(source.substr(sliceStart, sliceEnd - sliceStart));
                slice = false;
            }
            if (text.empty()) text.reserve(blockSize + payload.size());
            text += payload;
        }
        s.payloadBlock = static_cast<std::int32_t>(batch.payloadBlocks.size());
        s.payloadOffset = static_cast<std::int64_t>(offset);
        s.payloadRawSize = static_cast<std::int64_t>(payload.size());
        s.payloadInText = false;
        std::string().swap(s.payloadJson);
        if (blockLength() >= blockSize) flush();
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

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spanscope {

struct ImportBatch;
class ZstdCodec;

// An import's span payloads (prompts, completions, tool input and output, mostly 1-4 KB) are
// compressed in blocks: the payloads of a batch's spans end to end, a zstd frame for each ~256 KB.
// A frame a payload paid zstd's cost per frame 120k times on the payload-heavy file and found
// only what repeats inside one payload; a block finds what repeats between spans too. That
// file's 246 MB of payloads, one core, level 3: a frame each against the run's dictionary 4.39x
// at 304 MB/s; blocks of 16 KB 4.37x at 353 MB/s, 64 KB 4.68x at 444 MB/s, 256 KB 4.81x at
// 445 MB/s. 256 KB because of the workspace's 16 KB pages: a 64 KB block compresses to ~14 KB
// and fills a page alone (the file 3% larger than with a frame a payload), a 256 KB one to
// ~52 KB and wastes ~4% of its four pages (the file 5% smaller). Showing one payload
// decompresses its block, ~0.3 ms.
//
// Stored form (span_payloads.data): this tag byte, then the block's id in payload_blocks and
// the payload's offset in the block's text, both LEB128 varints; span_payloads.raw_size is its
// length. A bare zstd frame (live runs, ATOF/ATIF) and a frame against a run's dictionary
// (RunDictionary, workspaces written before blocks) read as before.
class PayloadBlocks {
public:
    static constexpr unsigned char tag = 0x03;
    static constexpr std::size_t blockSize = 256 * 1024;
    static constexpr int compressionLevel = 3;

    // Moves the payload text of every span of `batch` into its blocks (batch.payloadBlocks,
    // compressed with `codec`, whose level should be compressionLevel) and notes on each span
    // where its payload lies. A payload of a block's size or more is a block of its own.
    static void pack(ImportBatch &batch, ZstdCodec &codec);

    struct Reference {
        std::int64_t block = 0;
        std::int64_t offset = 0;
    };
    static std::string reference(const Reference &r);
    // nullopt when the blob is not a reference.
    static std::optional<Reference> parse(std::string_view blob);
};

} // namespace spanscope

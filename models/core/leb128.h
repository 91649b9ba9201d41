#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spanscope::leb128 {

// Unsigned LEB128, the varints of the stored forms that name a row (RunDictionary, PayloadBlocks).
inline void append(std::string &out, std::uint64_t v) {
    do {
        const auto low = static_cast<unsigned char>(v & 0x7f);
        v >>= 7;
        out.push_back(static_cast<char>(v ? low | 0x80 : low));
    } while (v);
}

// The varint at `at`, which moves past it; nullopt when the bytes end inside one or it is longer
// than 64 bits can hold.
inline std::optional<std::uint64_t> read(std::string_view in, std::size_t &at) {
    std::uint64_t v = 0;
    for (int shift = 0; at < in.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(in[at++]);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return v;
    }
    return std::nullopt;
}

} // namespace spanscope::leb128

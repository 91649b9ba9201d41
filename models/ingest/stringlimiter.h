#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace spanscope {

// Cuts JSON strings longer than a limit while the bytes stream past, before any parser holds
// them: a 1 GiB prompt costs the limit, not a gigabyte in the lexer, another in the DOM and a
// third in the dump. What stays is the string's first `limit` bytes (never half a UTF-8
// character or escape) and a note saying how long it was; the JSON stays valid.
class StringLimiter {
public:
    explicit StringLimiter(std::size_t limit) : m_limit(limit) {}

    // Appends `in` to `out`, filtered.
    void filter(const char *in, std::size_t n, std::string &out);
    std::size_t cutStrings() const { return m_cut; }

private:
    std::size_t m_limit;
    bool m_inString = false;
    bool m_escaped = false;
    int m_hexLeft = 0; // digits of a \uXXXX still to come
    bool m_dropping = false;
    std::size_t m_length = 0; // bytes of the current string
    std::uint64_t m_dropped = 0;
    std::size_t m_cut = 0;
};

} // namespace spanscope

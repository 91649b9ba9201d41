#include "stringlimiter.h"

#include <algorithm>
#include <cstring>

namespace spanscope {

void StringLimiter::filter(const char *in, std::size_t n, std::string &out) {
    std::size_t i = 0;
    while (i < n) {
        // Fast paths, where nearly all bytes go: runs outside strings, and runs inside a short
        // string with no quote or backslash, copied whole.
        if (!m_inString) {
            const void *q = std::memchr(in + i, '"', n - i);
            const std::size_t end =
                q ? static_cast<std::size_t>(static_cast<const char *>(q) - in) : n;
            out.append(in + i, end - i);
            i = end;
            if (i == n) break;
        } else if (!m_dropping && !m_escaped && m_hexLeft == 0 && m_length < m_limit) {
            const std::size_t room = std::min(n - i, m_limit - m_length);
            std::size_t end = i;
            while (end < i + room && in[end] != '"' && in[end] != '\\')
                ++end;
            out.append(in + i, end - i);
            m_length += end - i;
            i = end;
            if (i == n) break;
        } else if (m_dropping && !m_escaped && m_hexLeft == 0) {
            std::size_t end = i;
            while (end < n && in[end] != '"' && in[end] != '\\')
                ++end;
            m_dropped += end - i;
            i = end;
            if (i == n) break;
        }
        const char c = in[i++];
        if (!m_inString) {
            out += c;
            if (c == '"') {
                m_inString = true;
                m_length = 0;
            }
            continue;
        }
        const bool closes = c == '"' && !m_escaped;
        if (!m_dropping && !closes && m_length >= m_limit && !m_escaped && m_hexLeft == 0 &&
            (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            m_dropping = true; // at a character boundary outside any escape
            m_dropped = 0;
        }
        if (m_hexLeft > 0) {
            --m_hexLeft;
        } else if (m_escaped) {
            m_escaped = false;
            if (c == 'u') m_hexLeft = 4;
        } else if (c == '\\') {
            m_escaped = true;
        }
        if (closes) {
            if (m_dropping) {
                out += " [cut: " + std::to_string(m_length + m_dropped) +
                       " bytes, longer than the limit]";
                m_dropping = false;
                ++m_cut;
            }
            out += c;
            m_inString = false;
            continue;
        }
        if (m_dropping) {
            ++m_dropped;
        } else {
            out += c;
            ++m_length;
        }
    }
}

} // namespace spanscope

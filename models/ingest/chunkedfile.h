#pragma once

#include "core/limits.h"
#include "stringlimiter.h"

#include <QFile>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace spanscope {

class ImportProgress;

// Reads a file in fixed-size chunks and exposes it as a single-pass character range for
// nlohmann's parser, so a parse never holds the whole file and reports progress as it goes.
class ChunkedFile {
public:
    static constexpr std::size_t chunkSize = 1 << 20;

    ChunkedFile(const QString &path, std::string displayName, ImportProgress *progress);
    ~ChunkedFile();
    ChunkedFile(const ChunkedFile &) = delete;
    ChunkedFile &operator=(const ChunkedFile &) = delete;

    const std::string &displayName() const { return m_displayName; }
    // Strings longer than limits::maxStringBytes, cut to it (see StringLimiter).
    std::size_t cutStrings() const { return m_limiter.cutStrings(); }
    std::int64_t size() const { return m_size; }

    // The parser's cursor. It keeps its own pointers into the current chunk, so the per-byte
    // work is a pointer increment and compare; only at a chunk's end does it call back.
    class Iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char *;
        using reference = const char &;

        Iterator() = default;
        explicit Iterator(ChunkedFile *file)
            : m_file(file), m_cur(file->m_buffer.data()), m_end(m_cur + file->m_length) {}
        reference operator*() const { return *m_cur; }
        Iterator &operator++() {
            if (++m_cur == m_end) {
                m_file->refill();
                m_cur = m_file->m_buffer.data();
                m_end = m_cur + m_file->m_length;
            }
            return *this;
        }
        Iterator operator++(int) {
            Iterator copy = *this;
            ++*this;
            return copy;
        }
        // Only "at end or not" matters for a single-pass range.
        bool operator==(const Iterator &other) const {
            return (m_cur == m_end) == (other.m_cur == other.m_end);
        }
        bool operator!=(const Iterator &other) const { return !(*this == other); }

    private:
        ChunkedFile *m_file = nullptr;
        const char *m_cur = nullptr;
        const char *m_end = nullptr;
    };

    Iterator begin() { return Iterator(this); }
    Iterator end() { return Iterator(); }

private:
    void refill();

    QFile m_file;
    std::string m_displayName;
    ImportProgress *m_progress;
    std::vector<char> m_raw;
    std::string m_buffer; // m_raw with overlong strings cut
    StringLimiter m_limiter{limits::maxStringBytes};
    std::size_t m_length = 0;
    std::int64_t m_rawLength = 0; // file bytes behind the current chunk
    std::int64_t m_chunkStart = 0;
    std::int64_t m_size = 0;
};

// The 1-based line of a byte offset, for error messages (reads the file up to the offset).
std::int64_t lineAtOffset(const QString &path, std::int64_t offset);

} // namespace spanscope

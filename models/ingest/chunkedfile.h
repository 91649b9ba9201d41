#pragma once

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
    std::int64_t size() const { return m_size; }
    // Bytes handed to the parser so far.
    std::int64_t consumed() const { return m_chunkStart + static_cast<std::int64_t>(m_pos); }

    class Iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char *;
        using reference = const char &;

        Iterator() = default;
        explicit Iterator(ChunkedFile *file) : m_file(file) {}
        reference operator*() const { return m_file->m_buffer[m_file->m_pos]; }
        Iterator &operator++() {
            if (++m_file->m_pos == m_file->m_length) m_file->refill();
            return *this;
        }
        Iterator operator++(int) {
            Iterator copy = *this;
            ++*this;
            return copy;
        }
        // Only "at end or not" matters for a single-pass range.
        bool operator==(const Iterator &other) const { return atEnd() == other.atEnd(); }
        bool operator!=(const Iterator &other) const { return !(*this == other); }

    private:
        bool atEnd() const { return m_file == nullptr || m_file->m_pos >= m_file->m_length; }
        ChunkedFile *m_file = nullptr;
    };

    Iterator begin() { return Iterator(this); }
    Iterator end() { return Iterator(); }

private:
    void refill();

    QFile m_file;
    std::string m_displayName;
    ImportProgress *m_progress;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_length = 0;
    std::int64_t m_chunkStart = 0;
    std::int64_t m_size = 0;
};

// The 1-based line of a byte offset, for error messages (reads the file up to the offset).
std::int64_t lineAtOffset(const QString &path, std::int64_t offset);

} // namespace spanscope

#pragma once

#include <QFile>
#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

class ImportProgress;

// Streams the records of an RFC 4180 CSV file (quoted fields may hold commas, quotes and
// newlines), as pandas' to_csv writes them.
class CsvReader {
public:
    CsvReader(const QString &path, std::string displayName, ImportProgress *progress);
    // Reads the next record into fields; false at the end of the file.
    bool next(std::vector<std::string> &fields);
    std::int64_t recordLine() const { return m_recordLine; } // 1-based line where it started
    std::int64_t recordOffset() const { return m_recordOffset; }

private:
    int get();
    int peek();

    QFile m_file;
    std::string m_displayName;
    ImportProgress *m_progress;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    std::int64_t m_offset = 0;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    std::int64_t m_recordOffset = 0;
};

} // namespace spanscope

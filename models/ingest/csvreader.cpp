#include "csvreader.h"

#include "core/importprogress.h"
#include "core/ingesterror.h"

namespace spanscope {

CsvReader::CsvReader(const QString &path, std::string displayName, ImportProgress *progress)
    : m_file(path), m_displayName(std::move(displayName)), m_progress(progress), m_buffer(1 << 20) {
    if (!m_file.open(QIODevice::ReadOnly))
        throw IngestError(m_displayName, "", "cannot open: " + m_file.errorString().toStdString());
}

int CsvReader::peek() {
    if (m_pos == m_len) {
        if (m_progress) {
            m_progress->addDone(static_cast<std::int64_t>(m_len));
            m_progress->checkCancelled();
        }
        const qint64 n = m_file.read(m_buffer.data(), static_cast<qint64>(m_buffer.size()));
        m_pos = 0;
        m_len = n > 0 ? static_cast<std::size_t>(n) : 0;
        if (m_len == 0) return -1;
    }
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvReader::get() {
    const int c = peek();
    if (c >= 0) {
        ++m_pos;
        ++m_offset;
        if (c == '\n') ++m_line;
    }
    return c;
}

bool CsvReader::next(std::vector<std::string> &fields) {
    fields.clear();
    if (m_offset == 0 && peek() == 0xEF) { // UTF-8 BOM
        get();
        get();
        get();
    }
    if (peek() < 0) return false;
    m_recordLine = m_line;
    m_recordOffset = m_offset;
    std::string field;
    for (;;) {
        int c = get();
        if (c == '"' && field.empty()) {
            for (;;) {
                c = get();
                if (c < 0)
                    throw IngestError::atOffset(m_displayName, m_recordOffset,
                                                "quoted field is never closed", m_recordLine);
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        field.push_back('"');
                        continue;
                    }
                    break;
                }
                field.push_back(static_cast<char>(c));
            }
            c = get();
        }
        if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
            continue;
        }
        if (c == '\r' && peek() == '\n') c = get();
        if (c == '\n' || c < 0) {
            fields.push_back(std::move(field));
            return true;
        }
        field.push_back(static_cast<char>(c));
    }
}

} // namespace spanscope

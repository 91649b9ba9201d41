#include "chunkedfile.h"

#include "core/importprogress.h"
#include "core/ingesterror.h"

#include <algorithm>

namespace spanscope {

ChunkedFile::ChunkedFile(const QString &path, std::string displayName, ImportProgress *progress)
    : m_file(path), m_displayName(std::move(displayName)), m_progress(progress) {
    if (!m_file.open(QIODevice::ReadOnly))
        throw IngestError(m_displayName, "", "cannot open: " + m_file.errorString().toStdString());
    m_size = m_file.size();
    m_raw.resize(chunkSize);
    m_buffer.reserve(chunkSize + 128);
    refill();
}

ChunkedFile::~ChunkedFile() = default;

void ChunkedFile::refill() {
    m_chunkStart += m_rawLength;
    if (m_progress) {
        m_progress->addDone(m_rawLength);
        m_progress->checkCancelled();
    }
    // Strings past limits::maxStringBytes are cut here, so the parser never holds one; a chunk
    // that was all cut reads on, as an empty one would mean the end.
    m_buffer.clear();
    m_rawLength = 0;
    qint64 n = 0;
    do {
        n = m_file.read(m_raw.data(), static_cast<qint64>(m_raw.size()));
        if (n < 0)
            throw IngestError::atOffset(m_displayName, m_chunkStart,
                                        "read error: " + m_file.errorString().toStdString());
        m_limiter.filter(m_raw.data(), static_cast<std::size_t>(n), m_buffer);
        m_rawLength += n;
    } while (m_buffer.empty() && n > 0);
    m_length = m_buffer.size();
}

std::int64_t lineAtOffset(const QString &path, std::int64_t offset) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return -1;
    std::int64_t line = 1;
    std::vector<char> buf(ChunkedFile::chunkSize);
    std::int64_t pos = 0;
    while (pos < offset) {
        const qint64 want =
            std::min<std::int64_t>(static_cast<std::int64_t>(buf.size()), offset - pos);
        const qint64 n = f.read(buf.data(), want);
        if (n <= 0) break;
        line += std::count(buf.begin(), buf.begin() + n, '\n');
        pos += n;
    }
    return line;
}

} // namespace spanscope

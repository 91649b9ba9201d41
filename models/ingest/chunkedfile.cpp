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
    m_buffer.resize(chunkSize);
    refill();
}

ChunkedFile::~ChunkedFile() = default;

void ChunkedFile::refill() {
    m_chunkStart += static_cast<std::int64_t>(m_length);
    if (m_progress) {
        m_progress->addDone(static_cast<std::int64_t>(m_length));
        m_progress->checkCancelled();
    }
    const qint64 n = m_file.read(m_buffer.data(), static_cast<qint64>(m_buffer.size()));
    if (n < 0)
        throw IngestError::atOffset(m_displayName, m_chunkStart,
                                    "read error: " + m_file.errorString().toStdString());
    m_length = static_cast<std::size_t>(n);
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

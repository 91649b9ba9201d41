#include "inputdigest.h"

#include "storeerror.h"

#include <QDir>
#include <QFileInfo>
#include <xxhash.h>

namespace spanscope {

InputDigest::InputDigest() : m_state(XXH3_createState()) {
    if (!m_state) throw StoreError("out of memory");
    XXH3_128bits_reset(m_state);
}

InputDigest::~InputDigest() {
    XXH3_freeState(m_state);
}

QByteArray InputDigest::fileHeader(const QString &sourcePath, const QString &file,
                                   std::int64_t size) {
    const QFileInfo source(sourcePath);
    const QDir base = source.isDir() ? QDir(sourcePath) : source.absoluteDir();
    return base.relativeFilePath(file).toUtf8() + '\0' + QByteArray::number(size) + '\0';
}

void InputDigest::beginFile(const QString &sourcePath, const QString &file, std::int64_t size) {
    const QByteArray header = fileHeader(sourcePath, file, size);
    XXH3_128bits_update(m_state, header.constData(), static_cast<std::size_t>(header.size()));
    m_fileBytes = 0;
}

void InputDigest::add(const char *data, std::size_t size) {
    XXH3_128bits_update(m_state, data, size);
    m_fileBytes += static_cast<std::int64_t>(size);
}

std::string InputDigest::result() const {
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(m_state));
    return "xxh3-128:" +
           QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest)
               .toHex()
               .toStdString();
}

} // namespace spanscope

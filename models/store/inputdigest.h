#pragma once

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <string>

struct XXH3_state_s;

namespace spanscope {

// XXH3-128 of an import's input, the key an unchanged input is known by: for each file, its name
// relative to the source and its size, then its bytes. Importer::digest reads the files for it;
// a reader that taps its own reads (Reader::tapRawBytes) feeds it the same bytes instead.
class InputDigest {
public:
    InputDigest();
    ~InputDigest();
    InputDigest(const InputDigest &) = delete;
    InputDigest &operator=(const InputDigest &) = delete;

    // What comes before each file's bytes (in the BLAKE2b digests of earlier builds too).
    static QByteArray fileHeader(const QString &sourcePath, const QString &file, std::int64_t size);
    void beginFile(const QString &sourcePath, const QString &file, std::int64_t size);
    void add(const char *data, std::size_t size);
    // Bytes added since beginFile.
    std::int64_t fileBytes() const { return m_fileBytes; }
    // "xxh3-128:" and 32 hex digits.
    std::string result() const;

private:
    XXH3_state_s *m_state;
    std::int64_t m_fileBytes = 0;
};

} // namespace spanscope

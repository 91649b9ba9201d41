#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct ZSTD_DCtx_s;
struct ZSTD_DDict_s;

namespace spanscope {

// Reads values stored against a run's dictionary (RunDictionary) on one workspace connection:
// span_attributes(x), registered on every connection, gives a span's attributes as JSON text
// whether stored as text or compressed (queries read `span_attributes(attributes)` wherever they
// read the JSON: json_extract, LIKE, details); RunQueries decodes payloads with decode().
// A connection's dictionaries are loaded once each; forget() drops them after a rolled-back
// import, whose run id the next import takes again.
class DictionaryDecoder {
public:
    DictionaryDecoder();
    ~DictionaryDecoder();
    DictionaryDecoder(const DictionaryDecoder &) = delete;
    DictionaryDecoder &operator=(const DictionaryDecoder &) = delete;

    // Registers span_attributes() on `db`; this object must outlive the connection's use of it.
    void install(sqlite3 *db);
    void forget();

    // The text of a stored blob, read with `db`'s dictionaries; valid until the next call.
    // Throws StoreError.
    std::string_view decode(sqlite3 *db, std::string_view blob);

private:
    ZSTD_DDict_s *dictionary(sqlite3 *db, std::int64_t runId, int kind);

    ZSTD_DCtx_s *m_dctx;
    std::map<std::pair<std::int64_t, int>, ZSTD_DDict_s *> m_dictionaries;
    std::string m_buffer;   // the last blob's text
    std::string m_lastBlob; // and the blob, when m_decoded
    bool m_decoded = false;
};

} // namespace spanscope

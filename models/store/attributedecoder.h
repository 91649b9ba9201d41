#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct ZSTD_DCtx_s;
struct ZSTD_DDict_s;

namespace spanscope {

// span_attributes(x), on every workspace connection: a span's attributes as JSON text, whether
// stored as text or compressed against its run's dictionary (AttributeDictionary). Queries read
// `span_attributes(attributes)` wherever they read the JSON (json_extract, LIKE, details).
// A connection's dictionaries are loaded once each; forget() drops them after a rolled-back
// import, whose run id the next import takes again.
class AttributeDecoder {
public:
    AttributeDecoder();
    ~AttributeDecoder();
    AttributeDecoder(const AttributeDecoder &) = delete;
    AttributeDecoder &operator=(const AttributeDecoder &) = delete;

    // Registers span_attributes() on `db`; this object must outlive the connection's use of it.
    void install(sqlite3 *db);
    void forget();

    // The JSON of a stored blob, read with `db`'s dictionaries. Throws StoreError.
    std::string_view decode(sqlite3 *db, std::string_view blob);

private:
    ZSTD_DDict_s *dictionary(sqlite3 *db, std::int64_t runId);

    ZSTD_DCtx_s *m_dctx;
    std::unordered_map<std::int64_t, ZSTD_DDict_s *> m_dictionaries;
    std::string m_buffer;
};

} // namespace spanscope

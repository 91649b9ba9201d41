#include "dictionarydecoder.h"

#include "core/rundictionary.h"
#include "statement.h"
#include "storeerror.h"
#include "zstdframe.h"

#include <sqlite3.h>
#include <zstd.h>

namespace spanscope {

namespace {

void spanAttributes(sqlite3_context *ctx, int, sqlite3_value **argv) {
    sqlite3_value *value = argv[0];
    if (sqlite3_value_type(value) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, value); // text (or NULL) is the JSON itself
        return;
    }
    auto *decoder = static_cast<DictionaryDecoder *>(sqlite3_user_data(ctx));
    const auto *data = static_cast<const char *>(sqlite3_value_blob(value));
    const std::string_view blob(data, static_cast<std::size_t>(sqlite3_value_bytes(value)));
    try {
        const std::string_view json = decoder->decode(sqlite3_context_db_handle(ctx), blob);
        sqlite3_result_text(ctx, json.data(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
    } catch (const std::exception &e) {
        sqlite3_result_error(ctx, e.what(), -1);
    }
}

} // namespace

DictionaryDecoder::DictionaryDecoder() : m_dctx(ZSTD_createDCtx()) {}

DictionaryDecoder::~DictionaryDecoder() {
    forget();
    ZSTD_freeDCtx(m_dctx);
}

void DictionaryDecoder::install(sqlite3 *db) {
    const int rc =
        sqlite3_create_function_v2(db, "span_attributes", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   this, &spanAttributes, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(std::string("cannot register span_attributes(): ") + sqlite3_errmsg(db));
}

void DictionaryDecoder::forget() {
    m_decoded = false; // the same bytes may name another run's dictionary next time
    for (auto &[run, dict] : m_dictionaries)
        ZSTD_freeDDict(dict);
    m_dictionaries.clear();
}

ZSTD_DDict_s *DictionaryDecoder::dictionary(sqlite3 *db, std::int64_t runId, int kind) {
    const std::pair key(runId, kind);
    if (const auto it = m_dictionaries.find(key); it != m_dictionaries.end()) return it->second;
    Statement st(db, "SELECT data FROM run_dictionaries WHERE run_id = ? AND kind = ?");
    st.bind(1, runId).bind(2, kind);
    if (!st.step())
        throw StoreError("a stored value names dictionary " + std::to_string(kind) + " of run " +
                         std::to_string(runId) + ", which the workspace does not have");
    const std::string content = st.blob(0);
    ZSTD_DDict_s *dict = ZSTD_createDDict(content.data(), content.size());
    if (!dict) throw StoreError("zstd: cannot load a run's dictionary");
    m_dictionaries.emplace(key, dict);
    return dict;
}

std::string_view DictionaryDecoder::decode(sqlite3 *db, std::string_view blob) {
    // A query reading several fields of one span's attributes calls span_attributes() once for
    // each (json_valid and three json_extract in RunAnalysis's trie): the same blob again gets
    // the text just decoded.
    if (m_decoded && blob == m_lastBlob) return m_buffer;
    m_decoded = false;
    const RunDictionary::Header h = RunDictionary::header(blob);
    if (h.runId < 0) throw StoreError("not a known stored form of attributes or payload");
    ZSTD_DDict_s *dict = dictionary(db, h.runId, static_cast<int>(h.kind));
    const auto limit = static_cast<std::size_t>(sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1));
    decompressStoredFrame(m_dctx, dict, blob.substr(h.frameOffset), limit, "attributes or payload",
                          m_buffer);
    m_lastBlob.assign(blob);
    m_decoded = true;
    return m_buffer;
}

} // namespace spanscope

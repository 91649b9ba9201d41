#pragma once

#include "core/records.h"
#include "core/zstdcodec.h"
#include "statement.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace spanscope {

class ImportReport;
class Workspace;

// Writes imported records with one prepared statement per table inside one transaction.
// begin() .. beginRun() write() ... finishRun() .. commit(); rollback() (also called by the
// destructor when neither happened) leaves the workspace as it was before begin().
class BulkWriter {
public:
    // Below this many spans already in the workspace, secondary indexes are dropped for the
    // load and rebuilt once at the end (faster than maintaining them row by row); above it,
    // rebuilding the existing rows' entries would cost more than the load itself.
    static constexpr std::int64_t rebuildIndexesBelow = 2'000'000;

    explicit BulkWriter(Workspace &workspace);
    ~BulkWriter();

    void begin();
    std::int64_t beginRun(const std::string &label, const std::string &kind,
                          const std::string &sourcePath, const std::string &digest,
                          const std::string &quickKey);
    // The digest of an input hashed while it was imported.
    void setRunDigest(const std::string &digest);
    void write(ImportBatch &&batch);
    // Links the run's loose spans into traces (TraceLinker), then records the run's summary.
    void finishRun(ImportReport &report, const std::string &metadataJson);
    void commit();
    void rollback();

    std::int64_t runTraces() const { return m_runTraces; }
    std::int64_t runSpans() const { return m_runSpans; }

private:
    const std::string &textWithoutNul(const std::string &text);
    void writeTrace(TraceRecord &trace);
    void writeLoose(LooseSpanRecord &span);
    void insertSpan(std::int64_t id, std::int64_t traceId, std::optional<std::int64_t> parentId,
                    const std::string &parentKey, const SpanRecord &s);
    void insertEvents(std::int64_t spanId, const std::vector<EventRecord> &events);
    void finishLooseTraces(ImportReport &report);
    void rebuildIndexes();
    void dropIndexesForLoad(); // before the first run is written, for a large first load
    void prepare();

    struct LooseTrace {
        std::int64_t id = 0;
        std::int64_t ordinal = 0;
        std::string sessionKey, userKey;
    };
    std::unordered_map<std::string, LooseTrace> m_looseTraces;

    Workspace &m_ws;
    ZstdCodec m_codec;
    bool m_open = false;
    bool m_wrote = false; // a run was begun: commit keeps it
    std::vector<std::pair<std::string, std::string>> m_droppedIndexes; // name, CREATE sql
    Statement m_run, m_trace, m_span, m_payload, m_event, m_item, m_score, m_sizing, m_metric,
        m_file;
    std::int64_t m_runId = 0;
    std::int64_t m_nextTraceId = 1;
    std::int64_t m_nextSpanId = 1;
    std::int64_t m_runTraces = 0;
    std::int64_t m_runSpans = 0;
    std::int64_t m_runNulNames = 0;
    std::string m_nulFixed;
    std::int64_t m_runStart = 0;
    std::int64_t m_runEnd = 0;
    bool m_runHasTime = false;
};

} // namespace spanscope

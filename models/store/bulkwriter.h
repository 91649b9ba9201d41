#pragma once

#include "core/records.h"
#include "core/zstdcodec.h"
#include "statement.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace spanscope {

class RunDictionary;
class ImportProgress;
class ImportReport;
class Workspace;

// Writes imported records with one prepared statement per table inside one transaction.
// begin() .. beginRun() write() ... finishRun() .. commit(); rollback() (also called by the
// destructor when neither happened) leaves the workspace as it was before begin().
//
// Live mode (a run that receives spans while it is on screen) writes one run in many short
// transactions: begin() beginRun() commit(), then begin() write() linkLive() commit() for each
// batch, and begin() finishRun() commit() at the end. Each trace row is written when its first
// span arrives, the traces a batch touched are linked before that batch commits, and the
// indexes stay in place, so every committed state is a complete, linked, readable run.
class BulkWriter {
public:
    enum class Mode { Import, Live };

    explicit BulkWriter(Workspace &workspace, Mode mode = Mode::Import);
    ~BulkWriter();

    // Where the phases of finishing and committing are announced (and timed); may be null.
    void setProgress(ImportProgress *progress) { m_progress = progress; }
    // inPlace: an import sure to write asks to write in place (Workspace::beginSoleLoad), which
    // it does when its connection is the workspace's only one.
    void begin(bool inPlace = false);
    std::int64_t beginRun(const std::string &label, const std::string &kind,
                          const std::string &sourcePath, const std::string &digest,
                          const std::string &quickKey);
    // The digest of an input hashed while it was imported.
    void setRunDigest(const std::string &digest);
    void write(ImportBatch &&batch);
    // Links the run's loose spans into traces (TraceLinker), then records the run's summary.
    void finishRun(ImportReport &report, const std::string &metadataJson);
    // Live mode: links the traces this transaction's spans belong to and brings the run's
    // times and counts up to date. Warnings go to `report` (relinks repeat them: a scratch one).
    void linkLive(ImportReport &report);
    void commit();
    void rollback();

    std::int64_t runTraces() const { return m_runTraces; }
    std::int64_t runSpans() const { return m_runSpans; }

private:
    const std::string &textWithoutNul(const std::string &text);
    void writeTrace(TraceRecord &trace);
    void insertSpan(std::int64_t id, std::int64_t traceId, std::optional<std::int64_t> parentId,
                    const std::string &parentKey, const SpanRecord &s);
    void insertEvents(std::int64_t spanId, const std::vector<EventRecord> &events);
    void finishLooseTraces(ImportReport &report);
    void prepare();

    struct LooseTrace {
        std::int64_t id = 0;
        std::int64_t ordinal = 0;
        std::string sessionKey, userKey;
        bool keysChanged = false; // live: a later span brought the session or user
        bool touched = false;     // live: has spans in the open transaction
    };
    std::unordered_map<std::string, LooseTrace> m_looseTraces;
    void insertLooseTrace(const std::string &key, const LooseTrace &t);
    LooseTrace &looseTrace(const LooseSpanRecord &span); // found or made (live: and written)
    void writeLoose(LooseSpanRecord &span, const LooseTrace &trace,
                    std::optional<std::int64_t> parentId);
    // A batch's spans, parents among them resolved at insert.
    void writeLooseBatch(std::vector<LooseSpanRecord> &spans);
    void updateRunRow(const std::string *metadataJson, const std::string *reportJson);

    void setPhase(const char *phase);

    Mode m_mode;
    ImportProgress *m_progress = nullptr;
    std::vector<LooseTrace *> m_touched;
    std::int64_t m_firstLiveTrace = 0;

    Workspace &m_ws;
    ZstdCodec m_codec;
    bool m_open = false;
    bool m_wrote = false;         // a run was begun: commit keeps it
    std::int64_t m_cacheSize = 0; // the connection's own, while an import uses a smaller one
    bool m_soleLoad = false;      // the import writes in place (Workspace::beginSoleLoad)
    void restoreImportSettings();
    Statement m_run, m_trace, m_span, m_payload, m_event, m_item, m_score, m_sizing, m_metric,
        m_file, m_dictionary;
    std::vector<std::shared_ptr<const RunDictionary>> m_dictionaries; // written ones
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

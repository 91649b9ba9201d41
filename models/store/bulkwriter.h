#pragma once

#include "core/records.h"
#include "core/zstdcodec.h"
#include "runrecordwriter.h"
#include "statement.h"
#include "tracefinish.h"

#include <map>
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
    static std::string withoutNul(const std::string &text);
    const std::string &textWithoutNul(const std::string &text); // counted for the report
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
        bool keysChanged = false; // a later span brought the session or user
        bool touched = false;     // live: has spans in the open transaction
        // Import: finished by the writer from its first batch's spans, or left for the linker
        // (its spans came in more than one batch, or TraceFinish could not finish it alone).
        enum class State : std::uint8_t { New, Finished, Linked } state = State::New;
        std::uint32_t batch = 0, slot = 0; // the last batch it had spans in, its place there
        // What finishing it found, reported unless a later batch leaves it to the linker.
        std::uint32_t orphans = 0, untimed = 0, skewed = 0;
    };
    std::unordered_map<std::string, LooseTrace> m_looseTraces;
    std::uint32_t m_batches = 0;
    std::map<std::int64_t, std::vector<std::string>> m_cycles; // of Finished traces, by id
    TraceFinish m_finisher;
    void insertLooseTrace(const std::string &key, LooseTrace &t,
                          const TraceFinish::Result *finished = nullptr);
    LooseTrace &looseTrace(const LooseSpanRecord &span); // found or made (live: and written)
    void writeLoose(LooseSpanRecord &span, const LooseTrace &trace,
                    std::optional<std::int64_t> parentId);
    // A batch's spans, parents among them resolved at insert, and in an import the traces that
    // start in it finished as far as its spans allow.
    void writeLooseBatch(std::vector<LooseSpanRecord> &spans);
    // Finishes a trace first seen in this batch from its spans there (nodes); false when it is
    // left for the linker.
    bool finishInBatch(std::vector<LooseSpanRecord> &spans, std::vector<TraceNode> &nodes,
                       LooseTrace &trace, std::vector<std::optional<std::int64_t>> &parents);
    void updateRunRow(const std::string *metadataJson, const std::string *reportJson);

    void setPhase(const char *phase);

    Mode m_mode;
    ImportProgress *m_progress = nullptr;
    std::vector<LooseTrace *> m_touched;
    std::int64_t m_firstLiveTrace = 0;

    Workspace &m_ws;
    ZstdCodec m_codec;      // a payload's own frame (live runs)
    ZstdCodec m_blockCodec; // payload blocks of a batch that came without a BatchQueue
    bool m_open = false;
    bool m_wrote = false;         // a run was begun: commit keeps it
    std::int64_t m_cacheSize = 0; // the connection's own, while an import uses a smaller one
    bool m_soleLoad = false;      // the import writes in place (Workspace::beginSoleLoad)
    void restoreImportSettings();
    Statement m_run, m_trace, m_span, m_payload, m_block, m_event, m_dictionary;
    std::vector<std::int64_t> m_blockIds; // the batch's payload blocks' rows
    RunRecordWriter m_records;
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

#include "bulkwriter.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/payloadblocks.h"
#include "core/rundictionary.h"
#include "core/tracetotals.h"
#include "dictionarydecoder.h"
#include "slotgroups.h"
#include "tracelinker.h"
#include "workspace.h"

#include <QDateTime>
#include <algorithm>
#include <sqlite3.h>

namespace spanscope {

namespace {
std::int64_t scalar(Workspace &ws, const char *sql) {
    Statement st(ws.handle(), sql);
    return st.step() ? st.int64(0) : 0;
}
} // namespace

BulkWriter::BulkWriter(Workspace &workspace, Mode mode)
    : m_mode(mode), m_ws(workspace), m_codec(1), m_blockCodec(PayloadBlocks::compressionLevel) {}

BulkWriter::~BulkWriter() {
    if (m_open) rollback();
}

void BulkWriter::prepare() {
    sqlite3 *db = m_ws.handle();
    m_run = Statement(db, "INSERT INTO runs (label, kind, source_path, digest, imported_at, "
                          "quick_key) VALUES (?, ?, ?, ?, ?, ?)");
    m_trace = Statement(db, "INSERT INTO traces (id, run_id, ordinal, trace_key, item_key, "
                            "session_key, user_key, name, start_ns, end_ns, span_count, llm_calls, "
                            "input_tokens, output_tokens, error_count, unfinished_count, "
                            "source_steps) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    m_span = Statement(db, "INSERT INTO spans (id, run_id, trace_id, parent_id, span_key, name, "
                           "category, start_ns, end_ns, flags, model, input_tokens, output_tokens, "
                           "chunk_count, first_chunk_ns, last_chunk_ns, attributes, parent_key) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    m_payload = Statement(db, "INSERT INTO span_payloads (span_id, raw_size, data) VALUES (?,?,?)");
    m_block = Statement(db, "INSERT INTO payload_blocks (run_id, data) VALUES (?,?)");
    m_event = Statement(db, "INSERT INTO events (span_id, run_id, time_ns, name, attributes) "
                            "VALUES (?,?,?,?,?)");
    m_records.prepare(db);
    m_dictionary =
        Statement(db, "INSERT INTO run_dictionaries (run_id, kind, data) VALUES (?, ?, ?)");
}

// An import's page cache: large enough for the pages the index upkeep and the linking at the end
// keep coming back to, small enough that the pages the stream writes spill to the file as it goes
// instead of piling up (peak RSS of a 707 MB attribute-heavy import: 161 MB with the workspace's 64
// MB, 106 MB with this; the time the same).
constexpr std::int64_t importCacheKiB = 16384;

void BulkWriter::begin(bool inPlace) {
    if (m_mode == Mode::Import) {
        m_cacheSize = scalar(m_ws, "PRAGMA cache_size");
        m_ws.exec("PRAGMA cache_size = -" + std::to_string(importCacheKiB));
        m_soleLoad = inPlace && m_ws.beginSoleLoad();
    }
    try {
        m_ws.exec("BEGIN IMMEDIATE");
    } catch (...) {
        restoreImportSettings();
        throw;
    }
    m_open = true;
    try {
        prepare();
        m_nextTraceId = scalar(m_ws, "SELECT coalesce(max(id), 0) + 1 FROM traces");
        m_nextSpanId = scalar(m_ws, "SELECT coalesce(max(id), 0) + 1 FROM spans");
    } catch (...) {
        rollback();
        throw;
    }
}

std::int64_t BulkWriter::beginRun(const std::string &label, const std::string &kind,
                                  const std::string &sourcePath, const std::string &digest,
                                  const std::string &quickKey) {
    // Secondary indexes stay through the load: they used to be dropped for a first load and
    // built again at the end, but the writer waits for the reader most of an import, and
    // keeping them up row by row fits in that wait. Interleaved runs: 150k-span payload-heavy
    // file 2.47-2.59 -> 2.41-2.47 s, 500k-span attribute-heavy 4.33-5.45 -> 4.10-4.12 s and
    // 27 MB less peak RSS, NAT 1000 requests the same; its 500k spans shuffled by line (traces
    // scattered through the file) the same too, 4.98-5.22 vs 5.01-5.08 s.
    m_wrote = true;
    m_run.bind(1, std::string_view(label))
        .bind(2, std::string_view(kind))
        .bind(3, std::string_view(sourcePath))
        .bind(4, std::string_view(digest))
        .bind(5, static_cast<std::int64_t>(QDateTime::currentMSecsSinceEpoch()))
        .bind(6, std::string_view(quickKey))
        .run();
    m_runId = sqlite3_last_insert_rowid(m_ws.handle());
    m_dictionaries.clear(); // the last run's, each holding its compression tables
    m_runTraces = m_runSpans = m_runNulNames = 0;
    m_runHasTime = false;
    return m_runId;
}

// SQLite keeps a NUL inside text but every reader of it stops there: "a\0b" read back as "a".
// U+FFFD takes its place, counted for the run's report.
std::string BulkWriter::withoutNul(const std::string &text) {
    std::string fixed;
    for (const char c : text)
        if (c == '\0')
            fixed += "\xEF\xBF\xBD";
        else
            fixed += c;
    return fixed;
}

const std::string &BulkWriter::textWithoutNul(const std::string &text) {
    if (text.find('\0') == std::string::npos) return text;
    m_nulFixed = withoutNul(text);
    ++m_runNulNames;
    return m_nulFixed;
}

void BulkWriter::insertSpan(std::int64_t id, std::int64_t traceId,
                            std::optional<std::int64_t> parentId, const std::string &parentKey,
                            const SpanRecord &s) {
    m_span.bind(1, id).bind(2, m_runId).bind(3, traceId).bind(4, parentId);
    m_span.bind(5, std::string_view(s.key))
        .bind(6, std::string_view(textWithoutNul(s.name)))
        .bind(7, static_cast<int>(s.category))
        .bind(8, s.startNs)
        .bind(9, s.endNs)
        .bind(10, static_cast<int>(s.flags))
        .bindTextOrNull(11, s.model)
        .bind(12, s.inputTokens)
        .bind(13, s.outputTokens)
        .bind(14, s.chunkCount);
    if (s.chunkCount > 0) m_span.bind(15, s.firstChunkNs).bind(16, s.lastChunkNs);
    if (!s.attributesStored.empty())
        m_span.bindBlob(17, s.attributesStored.data(), s.attributesStored.size());
    else
        m_span.bindTextOrNull(17, s.attributesJson == "{}" ? std::string_view() : s.attributesJson);
    m_span.bindTextOrNull(18, parentKey);
    m_span.run();
    if (s.payloadBlock >= 0) {
        const std::string reference = PayloadBlocks::reference(
            {m_blockIds.at(static_cast<std::size_t>(s.payloadBlock)), s.payloadOffset});
        m_payload.bind(1, id)
            .bind(2, s.payloadRawSize)
            .bindBlob(3, reference.data(), reference.size())
            .run();
    } else if (!s.payloadZstd.empty()) {
        m_payload.bind(1, id)
            .bind(2, s.payloadRawSize)
            .bindBlob(3, s.payloadZstd.data(), s.payloadZstd.size())
            .run();
    } else if (!s.payloadJson.empty()) {
        const std::string blob = m_codec.compress(s.payloadJson);
        m_payload.bind(1, id)
            .bind(2, static_cast<std::int64_t>(s.payloadJson.size()))
            .bindBlob(3, blob.data(), blob.size())
            .run();
    }
}

void BulkWriter::insertEvents(std::int64_t spanId, const std::vector<EventRecord> &events) {
    for (const EventRecord &e : events)
        m_event.bind(1, spanId)
            .bind(2, m_runId)
            .bind(3, e.timeNs)
            .bind(4, std::string_view(textWithoutNul(e.name)))
            .bindTextOrNull(5, e.attributesJson)
            .run();
}

void BulkWriter::writeTrace(TraceRecord &t) {
    const std::int64_t traceId = m_nextTraceId++;
    const std::int64_t firstSpan = m_nextSpanId;
    TraceTotals totals;
    std::vector<std::vector<EventRecord>> events(t.spans.size());
    for (EventRecord &e : t.events)
        if (e.spanIndex >= 0 && static_cast<std::size_t>(e.spanIndex) < t.spans.size())
            events[static_cast<std::size_t>(e.spanIndex)].push_back(std::move(e));
    for (std::size_t i = 0; i < t.spans.size(); ++i) {
        const SpanRecord &s = t.spans[i];
        const std::int64_t id = m_nextSpanId++;
        totals.add(s.category, s.flags, s.startNs, s.endNs, s.inputTokens.value_or(0),
                   s.outputTokens.value_or(0));
        insertSpan(id, traceId,
                   s.parentIndex >= 0 ? std::optional<std::int64_t>(firstSpan + s.parentIndex)
                                      : std::nullopt,
                   std::string(), s);
        insertEvents(id, events[i]);
    }
    m_trace.bind(1, traceId)
        .bind(2, m_runId)
        .bind(3, t.ordinal)
        .bind(4, std::string_view(t.key))
        .bindTextOrNull(5, t.itemKey)
        .bindTextOrNull(6, t.sessionKey)
        .bindTextOrNull(7, t.userKey)
        .bindTextOrNull(8, t.name);
    bindTotals(m_trace, 9, totals);
    m_trace.bind(17, t.sourceSteps).run();
    ++m_runTraces;
    m_runSpans += static_cast<std::int64_t>(t.spans.size());
    if (!t.spans.empty()) {
        m_runStart = m_runHasTime ? std::min(m_runStart, totals.start) : totals.start;
        m_runEnd = m_runHasTime ? std::max(m_runEnd, totals.end) : totals.end;
        m_runHasTime = true;
    }
}

BulkWriter::LooseTrace &BulkWriter::looseTrace(const LooseSpanRecord &l) {
    auto [it, isNew] = m_looseTraces.try_emplace(l.traceKey);
    LooseTrace &t = it->second;
    if (isNew) {
        t.id = m_nextTraceId++;
        t.ordinal = static_cast<std::int64_t>(m_looseTraces.size()) - 1;
        if (m_mode == Mode::Live && m_firstLiveTrace == 0) m_firstLiveTrace = t.id;
    }
    if (t.sessionKey.empty() && !l.sessionKey.empty()) {
        t.sessionKey = l.sessionKey;
        t.keysChanged = !isNew;
    }
    if (t.userKey.empty() && !l.userKey.empty()) {
        t.userKey = l.userKey;
        t.keysChanged = t.keysChanged || !isNew;
    }
    if (m_mode == Mode::Live) {
        if (isNew) insertLooseTrace(it->first, t);
        if (!t.touched) {
            t.touched = true;
            m_touched.push_back(&t); // unordered_map keeps element addresses on rehash
        }
    }
    return t;
}

void BulkWriter::writeLoose(LooseSpanRecord &l, const LooseTrace &t,
                            std::optional<std::int64_t> parentId) {
    if (m_mode == Mode::Live) ++m_runSpans;
    const std::int64_t id = m_nextSpanId++;
    insertSpan(id, t.id, parentId, l.parentKey, l.span);
    insertEvents(id, l.events);
    const SpanRecord &s = l.span;
    if (s.flags & SpanUntimed) return; // its 0 is no time; the linker places it inside the run
    m_runStart = m_runHasTime ? std::min(m_runStart, s.startNs) : s.startNs;
    m_runEnd = m_runHasTime ? std::max(m_runEnd, s.endNs) : s.endNs;
    m_runHasTime = true;
}

// A batch's loose spans (a live request's, or a few MB of a file's) are written together, once
// their ids are known: a span ends before its parent, so children mostly come first, and a child
// written with its parent's row id needs no update when its trace is linked. Those updates
// rewrite the whole row: they were a third of a live writer's time, and an import's linking
// updated 141k of 150k spans (payload-heavy) and 450k of 500k (attribute-heavy). A parent that
// comes in a later batch is found by the link.
//
// An import goes further: a trace whose spans all come in one batch (most of them, in files
// written a request at a time) is finished there, before its rows are written, so the link at the
// end reads back only the traces that came in pieces. A trace finished here that a later batch
// adds to is left to the link after all, which finishes it from all its rows.
void BulkWriter::writeLooseBatch(std::vector<LooseSpanRecord> &spans) {
    ++m_batches;
    // The batch's traces in the order they appear, and the spans of each.
    std::vector<LooseTrace *> traces;
    std::vector<std::uint32_t> slotOf(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        LooseTrace &t = looseTrace(spans[i]);
        if (t.batch != m_batches) {
            t.batch = m_batches;
            t.slot = static_cast<std::uint32_t>(traces.size());
            traces.push_back(&t);
        }
        slotOf[i] = t.slot;
    }
    const SlotGroups groups(slotOf, traces.size());
    const std::int64_t first = m_nextSpanId;
    std::vector<std::optional<std::int64_t>> parents(spans.size());
    std::vector<TraceNode> nodes;
    for (std::size_t k = 0; k < traces.size(); ++k) {
        LooseTrace &t = *traces[k];
        nodes.clear();
        for (const std::uint32_t i : groups.members(k))
            nodes.push_back(TraceNode::of(spans[i], first + i, i));
        const bool isNew = t.state == LooseTrace::State::New;
        if (m_mode == Mode::Import && isNew && finishInBatch(spans, nodes, t, parents)) continue;
        if (m_mode == Mode::Import) {
            if (isNew) insertLooseTrace(spans[groups.members(k).front()].traceKey, t);
            t.state = LooseTrace::State::Linked;
            t.orphans = t.untimed = t.skewed = 0;
            m_cycles.erase(t.id);
        }
        m_finisher.resolveParents(nodes);
        for (const TraceNode &n : nodes)
            if (n.parent >= 0) parents[n.source] = nodes[static_cast<std::size_t>(n.parent)].id;
    }
    for (std::size_t i = 0; i < spans.size(); ++i)
        writeLoose(spans[i], *traces[slotOf[i]], parents[i]);
}

bool BulkWriter::finishInBatch(std::vector<LooseSpanRecord> &spans, std::vector<TraceNode> &nodes,
                               LooseTrace &t, std::vector<std::optional<std::int64_t>> &parents) {
    TraceFinish::order(nodes);
    TraceFindings found;
    // The run's earliest time is not known until its last span: a trace with no time at all
    // waits for the link.
    const TraceFinish::Result result = m_finisher.finish(
        nodes, [] { return std::optional<std::int64_t>(); }, true, found);
    if (result.outcome != TraceFinish::Outcome::Finished) return false;
    for (const TraceNode &n : nodes) {
        SpanRecord &s = spans[n.source].span;
        s.flags = static_cast<std::uint8_t>(n.flags);
        if (n.flags & SpanUntimed) {
            s.startNs = n.start;
            s.endNs = n.end;
        }
        if (n.parent >= 0) parents[n.source] = nodes[static_cast<std::size_t>(n.parent)].id;
    }
    insertLooseTrace(spans[nodes.front().source].traceKey, t, &result);
    t.state = LooseTrace::State::Finished;
    t.orphans = static_cast<std::uint32_t>(found.orphans);
    t.untimed = static_cast<std::uint32_t>(found.untimed);
    t.skewed = static_cast<std::uint32_t>(found.skewed);
    if (!found.cycles.empty()) m_cycles[t.id] = std::move(found.cycles);
    return true;
}

void BulkWriter::setRunDigest(const std::string &digest) {
    Statement st(m_ws.handle(), "UPDATE runs SET digest = ? WHERE id = ?");
    st.bind(1, std::string_view(digest)).bind(2, m_runId).run();
}

void BulkWriter::insertLooseTrace(const std::string &key, LooseTrace &t,
                                  const TraceFinish::Result *finished) {
    t.keysChanged = false; // the row has the keys so far
    m_trace.bind(1, t.id)
        .bind(2, m_runId)
        .bind(3, t.ordinal)
        .bind(4, std::string_view(key))
        .bindNull(5)
        .bindTextOrNull(6, t.sessionKey)
        .bindTextOrNull(7, t.userKey);
    if (finished) {
        // A copy only for the rare name holding a NUL, which SQLite's TEXT would cut.
        const std::string_view name = finished->name;
        if (name.find('\0') == std::string_view::npos)
            m_trace.bind(8, name);
        else
            m_trace.bind(8, std::string_view(withoutNul(std::string(name))));
        bindTotals(m_trace, 9, finished->totals);
    } else {
        m_trace.bindNull(8);
        bindTotals(m_trace, 9, TraceTotals{});
    }
    m_trace.bind(17, 0).run();
}

void BulkWriter::linkLive(ImportReport &report) {
    if (m_touched.empty()) return;
    std::vector<std::int64_t> ids;
    ids.reserve(m_touched.size());
    Statement keys(m_ws.handle(), "UPDATE traces SET session_key = ?, user_key = ? WHERE id = ?");
    for (LooseTrace *t : m_touched) {
        ids.push_back(t->id);
        t->touched = false;
        if (!t->keysChanged) continue;
        t->keysChanged = false;
        keys.bindTextOrNull(1, t->sessionKey).bindTextOrNull(2, t->userKey).bind(3, t->id).run();
    }
    m_touched.clear();
    std::sort(ids.begin(), ids.end());
    TraceLinker(m_ws, report).linkTraces(ids, {m_firstLiveTrace, m_nextTraceId - 1});
    m_runTraces = static_cast<std::int64_t>(m_looseTraces.size());
    updateRunRow(nullptr, nullptr);
}

void BulkWriter::updateRunRow(const std::string *metadataJson, const std::string *reportJson) {
    Statement st(m_ws.handle(),
                 "UPDATE runs SET start_ns = ?, end_ns = ?, trace_count = ?, span_count = ?, "
                 "metadata = coalesce(?, metadata), report = coalesce(?, report) WHERE id = ?");
    if (m_runHasTime) st.bind(1, m_runStart).bind(2, m_runEnd);
    st.bind(3, m_runTraces).bind(4, m_runSpans);
    if (metadataJson) st.bind(5, std::string_view(*metadataJson));
    if (reportJson) st.bind(6, std::string_view(*reportJson));
    st.bind(7, m_runId).run();
}

void BulkWriter::finishLooseTraces(ImportReport &report) {
    if (m_looseTraces.empty()) return;
    std::int64_t first = m_nextTraceId, last = 0;
    std::vector<std::int64_t> linked;
    TraceFindings found;
    Statement keys(m_ws.handle(), "UPDATE traces SET session_key = ?, user_key = ? WHERE id = ?");
    for (const auto &[key, t] : m_looseTraces) {
        first = std::min(first, t.id);
        last = std::max(last, t.id);
        if (m_mode == Mode::Live) continue; // linked with each commit
        if (t.state == LooseTrace::State::Linked) linked.push_back(t.id);
        found.orphans += t.orphans;
        found.untimed += t.untimed;
        found.skewed += t.skewed;
        if (t.keysChanged)
            keys.bindTextOrNull(1, t.sessionKey).bindTextOrNull(2, t.userKey).bind(3, t.id).run();
    }
    for (auto &[id, names] : m_cycles)
        found.cycles.insert(found.cycles.end(), names.begin(), names.end());
    m_cycles.clear();
    m_touched.clear();
    setPhase("linking traces");
    TraceLinker linker(m_ws, report);
    linker.addFindings(found);
    if (m_mode == Mode::Live) {
        linker.link(first, last);
    } else {
        std::sort(linked.begin(), linked.end());
        linker.linkTraces(linked, {first, last});
    }
    if (m_mode == Mode::Live)
        m_runTraces = static_cast<std::int64_t>(m_looseTraces.size());
    else
        m_runTraces += static_cast<std::int64_t>(m_looseTraces.size());
    Statement count(m_ws.handle(), "SELECT count(*) FROM spans WHERE run_id = ?");
    count.bind(1, m_runId);
    if (count.step()) m_runSpans = count.int64(0);
    m_looseTraces.clear();
}

void BulkWriter::write(ImportBatch &&batch) {
    if (const auto &d = batch.attributeDictionary;
        d && std::find(m_dictionaries.begin(), m_dictionaries.end(), d) == m_dictionaries.end()) {
        m_dictionaries.push_back(d);
        const std::string &data = d->content();
        m_dictionary.bind(1, d->runId())
            .bind(2, static_cast<int>(d->kind()))
            .bindBlob(3, data.data(), data.size())
            .run();
    }
    // Payload text a reader left in the batch is packed here when nothing packed it on the way.
    if (!batch.payloadText.empty()) PayloadBlocks::pack(batch, m_blockCodec);
    // Before the spans, which name the blocks' row ids.
    m_blockIds.clear();
    for (const std::string &block : batch.payloadBlocks) {
        m_block.bind(1, m_runId).bindBlob(2, block.data(), block.size()).run();
        m_blockIds.push_back(sqlite3_last_insert_rowid(m_ws.handle()));
    }
    for (TraceRecord &t : batch.traces)
        writeTrace(t);
    writeLooseBatch(batch.looseSpans);
    m_records.write(batch, m_runId);
}

void BulkWriter::finishRun(ImportReport &report, const std::string &metadataJson) {
    finishLooseTraces(report);
    if (m_runNulNames > 0)
        report.warn("nul-in-name",
                    std::to_string(m_runNulNames) +
                        " span or event names hold a NUL character (\\u0000); shown as U+FFFD",
                    m_runNulNames);
    const std::string reportJson = report.toJson();
    updateRunRow(&metadataJson, &reportJson);
}

void BulkWriter::commit() {
    if (!m_wrote) { // nothing to keep: end the transaction without touching the file
        rollback();
        return;
    }
    setPhase("committing");
    m_ws.exec("COMMIT");
    m_open = false;
    restoreImportSettings();
    // Keep the WAL from holding a second copy of a large import. A live run's small commits
    // leave that to SQLite's automatic checkpoints. (After an import written in place the WAL is
    // empty and this takes a few ms.)
    if (m_mode == Mode::Import) {
        setPhase("checkpointing");
        m_ws.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}

void BulkWriter::setPhase(const char *phase) {
    if (m_progress) m_progress->setPhase(phase);
}

void BulkWriter::rollback() {
    if (m_open) sqlite3_exec(m_ws.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    // The rolled-back run's id comes again with the next import, with another dictionary.
    m_ws.dictionaryDecoder().forget();
    m_open = false;
    restoreImportSettings();
}

void BulkWriter::restoreImportSettings() {
    if (m_soleLoad) m_ws.endSoleLoad();
    m_soleLoad = false;
    if (m_cacheSize == 0) return;
    sqlite3_exec(m_ws.handle(), ("PRAGMA cache_size = " + std::to_string(m_cacheSize)).c_str(),
                 nullptr, nullptr, nullptr);
    m_cacheSize = 0;
}

} // namespace spanscope

#include "livewriter.h"

#include "store/bulkwriter.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QUuid>
#include <nlohmann/json.hpp>

namespace spanscope {

namespace {
std::string liveMetadata(const std::string &source, bool receiving) {
    nlohmann::json live = {{"source", source}, {"receiving", receiving}};
    live[receiving ? "started" : "stopped"] =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    return nlohmann::json{{"live", live}}.dump();
}
} // namespace

LiveWriter::LiveWriter(Options options)
    : m_options(std::move(options)), m_ws(std::make_unique<Workspace>(m_options.workspacePath)) {
    // Another program's import may hold the workspace for minutes: meanwhile the queue fills
    // and senders are told to retry, rather than the live run failing after the usual 5 s.
    m_ws->setBusyWait(std::chrono::minutes(30));
    auto writer = std::make_unique<BulkWriter>(*m_ws, BulkWriter::Mode::Live);
    writer->begin();
    // A live run has no input file to hash: its digest only has to be unique, so that no import
    // ever takes it for the same input.
    m_runId = writer->beginRun(
        m_options.label, "otlp-live", m_options.source,
        "live:" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(), "");
    ImportReport none;
    writer->linkLive(none);
    {
        Statement st(m_ws->handle(), "UPDATE runs SET metadata = ? WHERE id = ?");
        st.bind(1, std::string_view(liveMetadata(m_options.source, true))).bind(2, m_runId).run();
    }
    writer->commit();
    m_stats.runId = m_runId;
    m_thread = std::thread([this, w = writer.release()] {
        std::unique_ptr<BulkWriter> owned(w);
        std::unique_lock lock(m_mutex);
        try {
            writeSome(*owned, lock);
        } catch (const std::exception &e) {
            owned->rollback();
            m_stats.error = e.what();
            m_queue.clear();
            m_queuedSpans = 0;
        }
        m_stopped = true;
        m_committedSeq = m_offeredSeq;
        m_committedCv.notify_all();
    });
}

LiveWriter::~LiveWriter() {
    stop();
}

bool LiveWriter::offer(std::vector<LooseSpanRecord> &&spans, const ImportReport &report) {
    std::lock_guard lock(m_mutex);
    if (m_stopping || m_stopped) return false;
    if (!spans.empty() && m_queuedSpans + spans.size() > m_options.maxQueuedSpans &&
        m_queuedSpans > 0) {
        m_stats.refused += static_cast<std::int64_t>(spans.size());
        return false;
    }
    m_report.merge(report);
    if (spans.empty()) return true;
    m_queuedSpans += spans.size();
    m_stats.accepted += static_cast<std::int64_t>(spans.size());
    m_queue.push_back(std::move(spans));
    ++m_offeredSeq;
    m_wake.notify_one();
    return true;
}

void LiveWriter::writeSome(BulkWriter &writer, std::unique_lock<std::mutex> &lock) {
    ImportReport relinks; // each relink repeats the warnings of the traces it links again
    for (;;) {
        m_wake.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
        if (m_queue.empty()) break; // stopping, and everything is written
        lock.unlock();
        writer.begin();
        const auto started = std::chrono::steady_clock::now();
        std::int64_t spans = 0, batches = 0;
        lock.lock();
        // Everything queued goes into this transaction, until the queue runs dry (low rates:
        // each request shows at once) or the interval is up (high rates: one commit per
        // interval, each trace relinked once per commit, not once per request).
        while (!m_queue.empty()) {
            std::vector<LooseSpanRecord> batch = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedSpans -= batch.size();
            lock.unlock();
            spans += static_cast<std::int64_t>(batch.size());
            ++batches;
            ImportBatch b;
            b.looseSpans = std::move(batch);
            writer.write(std::move(b));
            lock.lock();
            if (std::chrono::steady_clock::now() - started >= m_options.commitInterval) break;
        }
        lock.unlock();
        writer.linkLive(relinks);
        writer.commit();
        lock.lock();
        m_stats.committed += spans;
        m_stats.traces = writer.runTraces();
        ++m_stats.commits;
        m_committedSeq += batches;
        m_committedCv.notify_all();
    }
    lock.unlock();
    writer.begin();
    writer.finishRun(m_report, liveMetadata(m_options.source, false));
    writer.commit();
    lock.lock();
    m_stats.traces = writer.runTraces();
    m_stats.committed = writer.runSpans();
}

void LiveWriter::flush() {
    std::unique_lock lock(m_mutex);
    const std::int64_t target = m_offeredSeq;
    m_committedCv.wait(lock, [&] { return m_committedSeq >= target || m_stopped; });
}

LiveWriter::Stats LiveWriter::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wake.notify_one();
    }
    if (m_thread.joinable()) m_thread.join();
    return stats();
}

LiveWriter::Stats LiveWriter::stats() const {
    std::lock_guard lock(m_mutex);
    Stats s = m_stats;
    s.queued = static_cast<std::int64_t>(m_queuedSpans);
    return s;
}

} // namespace spanscope

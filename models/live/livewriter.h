#pragma once

#include "core/importreport.h"
#include "core/records.h"

#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace spanscope {

class Workspace;

// Writes spans that arrive while they are being looked at (the OTLP receiver) into one live run
// of a workspace, on a thread of its own with its own connection. Senders offer() batches to a
// bounded queue; the writer takes what is queued, writes it, links the traces it touched and
// commits, at least every commitInterval, so readers see a linked run a quarter second behind
// the senders at most, and a crash or kill loses at most the uncommitted batch.
class LiveWriter {
public:
    struct Options {
        QString workspacePath;
        std::string label = "live";
        std::string source; // where the spans come from (the endpoint), kept as the run's source
        std::chrono::milliseconds commitInterval{250};
        // Offers beyond this many queued spans are refused (the receiver answers 503 with
        // Retry-After so the sender retries): memory stays bounded when the disk falls behind.
        std::size_t maxQueuedSpans = 200'000;
    };

    struct Stats {
        std::int64_t runId = 0;
        std::int64_t accepted = 0;  // spans queued
        std::int64_t committed = 0; // spans in committed transactions
        std::int64_t refused = 0;   // spans offered while the queue was full (the sender retries)
        std::int64_t traces = 0;
        std::int64_t commits = 0;
        std::int64_t queued = 0;
        std::string error; // why the writer stopped, when it failed
    };

    // Opens the workspace, creates the run and commits it, so it is listed before any span
    // arrives. Throws StoreError.
    explicit LiveWriter(Options options);
    ~LiveWriter(); // stop()
    LiveWriter(const LiveWriter &) = delete;
    LiveWriter &operator=(const LiveWriter &) = delete;

    std::int64_t runId() const { return m_runId; }
    const QString &workspacePath() const { return m_options.workspacePath; }

    // Any thread. Queues the spans and the warnings met reading them; false, taking nothing, when
    // the queue is full, the writer has failed or it is stopping.
    bool offer(std::vector<LooseSpanRecord> &&spans, const ImportReport &report);
    // Blocks until everything offered before the call is committed (or the writer failed).
    void flush();
    // Refuses new offers, commits what is queued, links the whole run once more, writes its
    // report and marks it finished. Idempotent; returns the final stats.
    Stats stop();
    Stats stats() const;

private:
    void run();
    void writeSome(class BulkWriter &writer, std::unique_lock<std::mutex> &lock);

    Options m_options;
    std::unique_ptr<Workspace> m_ws;
    std::int64_t m_runId = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake, m_committedCv;
    std::deque<std::vector<LooseSpanRecord>> m_queue;
    ImportReport m_report; // the warnings of every request, merged
    std::size_t m_queuedSpans = 0;
    std::int64_t m_offeredSeq = 0, m_committedSeq = 0; // batches
    bool m_stopping = false;
    bool m_stopped = false;
    Stats m_stats;
    std::thread m_thread;
};

} // namespace spanscope

#pragma once

#include "ingesterror.h"

#include <atomic>
#include <cstdint>

namespace spanscope {

// Shared between an import's worker threads and whoever shows progress: the readers add the
// bytes they consumed, the UI or CLI polls at its own rate (throttling is the poller's job),
// and cancel() makes the next checkpoint in a reader throw ImportCancelled.
class ImportProgress {
public:
    void addTotal(std::int64_t bytes) { m_total.fetch_add(bytes, std::memory_order_relaxed); }
    void addDone(std::int64_t bytes) { m_done.fetch_add(bytes, std::memory_order_relaxed); }
    std::int64_t total() const { return m_total.load(std::memory_order_relaxed); }
    std::int64_t done() const { return m_done.load(std::memory_order_relaxed); }

    // What the import is doing now ("reading", "linking traces", "committing"): a string with
    // static storage, for the poller to show once all bytes are read.
    void setPhase(const char *phase) { m_phase.store(phase, std::memory_order_relaxed); }
    const char *phase() const { return m_phase.load(std::memory_order_relaxed); }

    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void checkCancelled() const {
        if (cancelled()) throw ImportCancelled();
    }

private:
    std::atomic<std::int64_t> m_total{0};
    std::atomic<std::int64_t> m_done{0};
    std::atomic<bool> m_cancelled{false};
    std::atomic<const char *> m_phase{"reading"};
};

} // namespace spanscope

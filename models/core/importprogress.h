#pragma once

#include "ingesterror.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

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
    // Each call also closes the previous phase's time, kept for timings().
    void setPhase(const char *phase) {
        const auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(m_timingMutex);
        addTime(m_phase.load(std::memory_order_relaxed), now);
        m_phase.store(phase, std::memory_order_relaxed);
    }
    const char *phase() const { return m_phase.load(std::memory_order_relaxed); }

    // Wall seconds spent in each phase so far, in the order each phase first began (the
    // current phase up to now): where an import's time goes (`spanscope-cli import --timings`).
    std::vector<std::pair<std::string, double>> timings() const {
        std::lock_guard lock(m_timingMutex);
        auto copy = m_timings;
        const auto now = std::chrono::steady_clock::now();
        const double open = std::chrono::duration<double>(now - m_phaseStart).count();
        add(copy, m_phase.load(std::memory_order_relaxed), open);
        return copy;
    }

    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void checkCancelled() const {
        if (cancelled()) throw ImportCancelled();
    }

private:
    using Timings = std::vector<std::pair<std::string, double>>;
    static void add(Timings &t, const char *phase, double seconds) {
        for (auto &[name, total] : t)
            if (name == phase) {
                total += seconds;
                return;
            }
        t.emplace_back(phase, seconds);
    }
    void addTime(const char *phase, std::chrono::steady_clock::time_point now) {
        add(m_timings, phase, std::chrono::duration<double>(now - m_phaseStart).count());
        m_phaseStart = now;
    }
    mutable std::mutex m_timingMutex;
    std::chrono::steady_clock::time_point m_phaseStart = std::chrono::steady_clock::now();
    Timings m_timings;
    std::atomic<std::int64_t> m_total{0};
    std::atomic<std::int64_t> m_done{0};
    std::atomic<bool> m_cancelled{false};
    std::atomic<const char *> m_phase{"reading"};
};

} // namespace spanscope

#pragma once

#include "core/ingesterror.h"
#include "core/records.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace spanscope {

// Hands batches from the reader thread to the writer thread. Bounded, so a fast reader waits
// for the writer instead of piling parsed records up in memory.
class BatchQueue {
public:
    explicit BatchQueue(std::size_t capacity = 2) : m_capacity(capacity) {}

    // Reader side. Throws ImportCancelled once the writer has abandoned the import.
    void push(ImportBatch &&batch) {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_queue.size() < m_capacity || m_abandoned; });
        if (m_abandoned) throw ImportCancelled();
        m_queue.push_back(std::move(batch));
        m_notEmpty.notify_one();
    }
    void finish() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_one();
    }

    // Writer side: the next batch, or nullopt when the reader has finished.
    std::optional<ImportBatch> pop() {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_queue.empty() || m_finished; });
        if (m_queue.empty()) return std::nullopt;
        ImportBatch b = std::move(m_queue.front());
        m_queue.pop_front();
        m_notFull.notify_one();
        return b;
    }
    void abandon() {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_queue.clear();
        m_notFull.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<ImportBatch> m_queue;
    std::size_t m_capacity;
    bool m_finished = false;
    bool m_abandoned = false;
};

} // namespace spanscope

#pragma once

#include "core/attributedictionary.h"
#include "core/ingesterror.h"
#include "core/records.h"
#include "core/zstdcodec.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>

namespace spanscope {

// Hands batches from the reader thread to the writer thread, and compresses their span payloads
// and attributes on the way, each batch on a thread of its own: zstd was more than half of the
// reader's time, and the reader set the pace of a payload-heavy import while the writer waited.
// Batches come out in the order they went in. Bounded, so a fast reader waits for the writer
// instead of piling parsed records up in memory.
//
// The attributes of run `runId` are compressed against a dictionary made of its first
// AttributeDictionary::contentSize bytes of attributes (the batches before it is complete keep
// theirs as text; a run with less keeps them all as text).
class BatchQueue {
public:
    explicit BatchQueue(std::int64_t runId, std::size_t capacity = 2)
        : m_runId(runId), m_capacity(capacity) {}
    ~BatchQueue() { abandon(); }

    // Reader side. Throws ImportCancelled once the writer has abandoned the import.
    void push(ImportBatch &&batch) {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_queue.size() < m_capacity || m_abandoned; });
        if (m_abandoned) throw ImportCancelled();
        sampleAttributes(batch);
        batch.attributeDictionary = m_dictionary;
        m_queue.push_back(std::async(std::launch::async, [b = std::move(batch)]() mutable {
            ZstdCodec codec;
            b.compressPayloads(codec);
            return std::move(b);
        }));
        m_notEmpty.notify_one();
    }
    void finish() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_one();
    }

    // Writer side: the next batch, or nullopt when the reader has finished. Rethrows what
    // compressing the batch threw.
    std::optional<ImportBatch> pop() {
        std::future<ImportBatch> next;
        {
            std::unique_lock lock(m_mutex);
            m_notEmpty.wait(lock, [&] { return !m_queue.empty() || m_finished; });
            if (m_queue.empty()) return std::nullopt;
            next = std::move(m_queue.front());
            m_queue.pop_front();
            m_notFull.notify_one();
        }
        return next.get();
    }
    void abandon() {
        std::deque<std::future<ImportBatch>> dropped; // waited for outside the lock
        {
            std::lock_guard lock(m_mutex);
            m_abandoned = true;
            dropped.swap(m_queue);
            m_notFull.notify_all();
        }
    }

private:
    void sampleAttributes(const ImportBatch &batch) {
        if (m_dictionary) return;
        const auto sample = [&](const SpanRecord &s) {
            if (s.attributesJson.size() >= AttributeDictionary::minEncodedSize &&
                m_samples.size() < AttributeDictionary::contentSize)
                m_samples += s.attributesJson;
        };
        for (const TraceRecord &t : batch.traces)
            for (const SpanRecord &s : t.spans)
                sample(s);
        for (const LooseSpanRecord &l : batch.looseSpans)
            sample(l.span);
        if (m_samples.size() < AttributeDictionary::contentSize) return;
        m_dictionary = std::make_shared<const AttributeDictionary>(m_runId, std::move(m_samples));
    }

    std::int64_t m_runId;
    std::string m_samples;
    std::shared_ptr<const AttributeDictionary> m_dictionary;
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<std::future<ImportBatch>> m_queue;
    std::size_t m_capacity;
    bool m_finished = false;
    bool m_abandoned = false;
};

} // namespace spanscope

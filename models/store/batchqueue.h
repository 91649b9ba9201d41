#pragma once

#include "core/ingesterror.h"
#include "core/records.h"
#include "core/rundictionary.h"
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
// The attributes and payloads of run `runId` are compressed against dictionaries made of its
// first RunDictionary::contentSize bytes of each (before a dictionary is complete, attributes
// stay text and payloads are compressed alone; a run with less never has one).
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
        m_attributes.sample(batch, m_runId, [](const SpanRecord &s) -> const std::string & {
            return s.attributesJson;
        });
        m_payloads.sample(batch, m_runId,
                          [](const SpanRecord &s) -> const std::string & { return s.payloadJson; });
        batch.attributeDictionary = m_attributes.dictionary;
        batch.payloadDictionary = m_payloads.dictionary;
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
    // A run's first RunDictionary::contentSize bytes of one kind of value, then its dictionary.
    template <RunDictionary::Kind kind> struct Sampler {
        std::string samples;
        std::shared_ptr<const RunDictionary> dictionary;
        template <typename Value>
        void sample(const ImportBatch &batch, std::int64_t runId, Value value) {
            if (dictionary) return;
            // A long value gives only its head: a 100 MB prompt must not become the dictionary.
            const auto add = [&](const SpanRecord &s) {
                const std::string &v = value(s);
                if (v.size() >= RunDictionary::minEncodedSize)
                    samples.append(v, 0, RunDictionary::contentSize - samples.size());
            };
            for (const TraceRecord &t : batch.traces)
                for (const SpanRecord &s : t.spans)
                    if (samples.size() < RunDictionary::contentSize) add(s);
            for (const LooseSpanRecord &l : batch.looseSpans)
                if (samples.size() < RunDictionary::contentSize) add(l.span);
            if (samples.size() < RunDictionary::contentSize) return;
            dictionary = std::make_shared<const RunDictionary>(runId, kind, std::move(samples));
        }
    };

    std::int64_t m_runId;
    Sampler<RunDictionary::Kind::Attributes> m_attributes;
    Sampler<RunDictionary::Kind::Payloads> m_payloads;
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<std::future<ImportBatch>> m_queue;
    std::size_t m_capacity;
    bool m_finished = false;
    bool m_abandoned = false;
};

} // namespace spanscope

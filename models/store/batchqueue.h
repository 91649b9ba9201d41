#pragma once

#include "core/ingesterror.h"
#include "core/records.h"
#include "core/rundictionary.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace spanscope {

// Hands batches from the reader thread to the writer thread, and compresses their span payloads
// and attributes on the way, on worker threads of its own: zstd was more than half of the
// reader's time, and the reader set the pace of a payload-heavy import while the writer waited.
// Batches come out in the order they went in. Bounded, so a fast reader waits for the writer
// instead of piling parsed records up in memory.
//
// The workers live as long as the queue, each with its own zstd context and buffer: a thread and
// a context per batch (std::async) cost ~10% of a payload-heavy import's CPU, mostly page faults
// of fresh thread heaps.
//
// The attributes of run `runId` are compressed against a dictionary made of its first
// RunDictionary::contentSize bytes of them (before it is complete they stay text; a run with
// less never has one); its payloads in blocks (PayloadBlocks).
class BatchQueue {
public:
    // `capacity`: batches parsed and not yet popped, also how many compress at once.
    explicit BatchQueue(std::int64_t runId, std::size_t capacity = 2);
    ~BatchQueue();
    BatchQueue(const BatchQueue &) = delete;
    BatchQueue &operator=(const BatchQueue &) = delete;

    // Reader side. Throws ImportCancelled once the writer has abandoned the import.
    void push(ImportBatch &&batch);
    void finish();

    // Writer side: the next batch, or nullopt when the reader has finished. Rethrows what
    // compressing the batch threw.
    std::optional<ImportBatch> pop();
    void abandon();

private:
    struct Slot {
        ImportBatch batch;
        std::exception_ptr error;
        bool claimed = false;
        bool done = false;
    };

    // A run's first RunDictionary::contentSize bytes of one kind of value, then its dictionary.
    template <RunDictionary::Kind kind> struct Sampler {
        std::string samples;
        std::shared_ptr<const RunDictionary> dictionary;
        template <typename Value>
        void sample(const ImportBatch &batch, std::int64_t runId, Value value);
    };

    void work();

    std::int64_t m_runId;
    Sampler<RunDictionary::Kind::Attributes> m_attributes;
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty, m_work;
    std::deque<std::shared_ptr<Slot>> m_queue; // in the order pushed
    std::size_t m_capacity;
    bool m_finished = false;
    bool m_abandoned = false;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace spanscope

#include "batchqueue.h"

#include "core/payloadblocks.h"
#include "core/zstdcodec.h"

#include <algorithm>

namespace spanscope {

template <RunDictionary::Kind kind>
template <typename Value>
void BatchQueue::Sampler<kind>::sample(const ImportBatch &batch, std::int64_t runId, Value value) {
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

BatchQueue::BatchQueue(std::int64_t runId, std::size_t capacity)
    : m_runId(runId), m_capacity(std::max<std::size_t>(capacity, 1)) {
    // More workers than batches in flight would only wait.
    const std::size_t workers =
        std::min<std::size_t>(m_capacity, std::max(1u, std::thread::hardware_concurrency()));
    for (std::size_t i = 0; i < workers; ++i)
        m_workers.emplace_back([this] { work(); });
}

BatchQueue::~BatchQueue() {
    abandon();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work.notify_all();
    for (std::thread &t : m_workers)
        t.join();
}

void BatchQueue::push(ImportBatch &&batch) {
    std::unique_lock lock(m_mutex);
    m_notFull.wait(lock, [&] { return m_queue.size() < m_capacity || m_abandoned; });
    if (m_abandoned) throw ImportCancelled();
    m_attributes.sample(batch, m_runId, [](const SpanRecord &s) -> const std::string & {
        return s.attributesJson;
    });
    batch.attributeDictionary = m_attributes.dictionary;
    auto slot = std::make_shared<Slot>();
    slot->batch = std::move(batch);
    m_queue.push_back(std::move(slot));
    m_work.notify_one();
}

void BatchQueue::finish() {
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_notEmpty.notify_all();
}

std::optional<ImportBatch> BatchQueue::pop() {
    std::unique_lock lock(m_mutex);
    m_notEmpty.wait(lock, [&] {
        return (!m_queue.empty() && m_queue.front()->done) || (m_queue.empty() && m_finished) ||
               m_abandoned;
    });
    if (m_queue.empty()) return std::nullopt;
    std::shared_ptr<Slot> slot = std::move(m_queue.front());
    m_queue.pop_front();
    m_notFull.notify_one();
    lock.unlock();
    if (slot->error) std::rethrow_exception(slot->error);
    return std::move(slot->batch);
}

void BatchQueue::abandon() {
    std::deque<std::shared_ptr<Slot>> dropped; // freed outside the lock
    {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        dropped.swap(m_queue);
    }
    m_notFull.notify_all();
    m_notEmpty.notify_all();
}

void BatchQueue::work() {
    ZstdCodec blocks(PayloadBlocks::compressionLevel), attributes;
    std::unique_lock lock(m_mutex);
    for (;;) {
        std::shared_ptr<Slot> slot;
        m_work.wait(lock, [&] {
            if (m_stopping) return true;
            const auto it = std::find_if(m_queue.begin(), m_queue.end(),
                                         [](const auto &s) { return !s->claimed; });
            if (it == m_queue.end()) return false;
            slot = *it;
            return true;
        });
        if (!slot) return; // stopping
        slot->claimed = true;
        lock.unlock();
        try {
            slot->batch.compressPayloads(blocks, attributes);
        } catch (...) {
            slot->error = std::current_exception();
        }
        lock.lock();
        slot->done = true;
        m_notEmpty.notify_all();
    }
}

} // namespace spanscope

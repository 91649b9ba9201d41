// BatchQueue: batches compressed on its worker threads come out in the order they went in, the
// reader is released when the writer gives up, and the queue can be dropped with work in flight.
// ZstdCodec's reused buffer: frames of any size in any order read back.
#include "core/ingesterror.h"
#include "core/records.h"
#include "core/zstdcodec.h"
#include "store/batchqueue.h"

#include <QTest>
#include <atomic>
#include <thread>

using namespace spanscope;

namespace {

std::string payloadOf(int batch, int span) {
    return "{\"input\":\"batch " + std::to_string(batch) + " span " + std::to_string(span) + ": " +
           std::string(200 + (batch * 37 + span) % 900, 'a' + batch % 26) + "\"}";
}

ImportBatch batchOf(int n) {
    ImportBatch batch;
    for (int i = 0; i <= n % 4; ++i) {
        LooseSpanRecord l;
        l.traceKey = std::to_string(n);
        l.span.name = "batch " + std::to_string(n);
        l.span.payloadJson = payloadOf(n, i);
        batch.looseSpans.push_back(std::move(l));
    }
    return batch;
}

// A span's payload back from its batch's blocks.
std::string readBack(const ImportBatch &batch, const SpanRecord &s) {
    if (s.payloadBlock < 0 ||
        static_cast<std::size_t>(s.payloadBlock) >= batch.payloadBlocks.size())
        return "(no block)";
    ZstdCodec codec;
    const std::string text =
        codec.decompress(batch.payloadBlocks[static_cast<std::size_t>(s.payloadBlock)]);
    return text.substr(static_cast<std::size_t>(s.payloadOffset),
                       static_cast<std::size_t>(s.payloadRawSize));
}

} // namespace

class TstBatchQueue : public QObject {
    Q_OBJECT
private slots:
    void keepsTheOrderAndCompressesEveryBatch() {
        constexpr int batches = 300;
        BatchQueue queue(7);
        std::thread reader([&] {
            for (int i = 0; i < batches; ++i)
                queue.push(batchOf(i));
            queue.finish();
        });
        int next = 0;
        while (auto batch = queue.pop()) {
            QCOMPARE(batch->looseSpans.front().span.name, "batch " + std::to_string(next));
            QCOMPARE(batch->looseSpans.size(), std::size_t(next % 4 + 1));
            // A few KB of payloads: one block.
            QCOMPARE(batch->payloadBlocks.size(), std::size_t(1));
            for (std::size_t i = 0; i < batch->looseSpans.size(); ++i) {
                const SpanRecord &s = batch->looseSpans[i].span;
                QVERIFY(s.payloadJson.empty());
                QCOMPARE(readBack(*batch, s), payloadOf(next, static_cast<int>(i)));
            }
            ++next;
        }
        reader.join();
        QCOMPARE(next, batches);
    }

    // The writer failed: a reader blocked on a full queue is let go with ImportCancelled.
    void abandoningReleasesTheReader() {
        BatchQueue queue(1, 1);
        std::atomic<int> pushed = 0;
        std::atomic<bool> cancelled = false;
        std::thread reader([&] {
            try {
                for (int i = 0; i < 1000; ++i) {
                    queue.push(batchOf(i));
                    ++pushed;
                }
            } catch (const ImportCancelled &) {
                cancelled = true;
            }
        });
        QVERIFY(queue.pop().has_value());
        queue.abandon();
        reader.join();
        QVERIFY(cancelled);
        QVERIFY(pushed < 1000);
        QVERIFY(!queue.pop().has_value());
    }

    // Dropped with batches still being compressed and never popped: the workers stop, no hang.
    void droppedWithWorkInFlight() {
        for (int round = 0; round < 20; ++round) {
            BatchQueue queue(1);
            queue.push(batchOf(round));
            queue.push(batchOf(round + 1));
        }
        BatchQueue idle(1); // never given anything
    }

    // One codec's buffer serves frames of every size, larger and smaller than the last.
    void aCodecReusesItsBufferForAnySize() {
        ZstdCodec codec;
        for (const std::size_t size : {100'000, 10, 1'000'000, 0, 3'000, 2'000'000}) {
            std::string text;
            for (std::size_t i = 0; text.size() < size; ++i)
                text += std::to_string(i * 7919 % 10007) + ",";
            text.resize(size);
            QCOMPARE(codec.decompress(codec.compress(text)), text);
        }
    }
};

QTEST_GUILESS_MAIN(TstBatchQueue)
#include "tst_batchqueue.moc"

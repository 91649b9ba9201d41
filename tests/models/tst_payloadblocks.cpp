// Span payloads packed in blocks (PayloadBlocks): every payload comes back as it went in, a huge
// one is a block of its own, the stored reference is checked before it is followed, and a
// damaged reference or block is an error, not a crash or another span's text.
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/payloadblocks.h"
#include "core/records.h"
#include "core/zstdcodec.h"
#include "ingest/otlpjsonparser.h"
#include "ingest/otlpmessages.h"
#include "store/bulkwriter.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spanscope;

namespace {

// Payload i: a few hundred bytes to a few KB, its own text; every 7th span has none, and span
// 40 is larger than a block.
std::string payloadOf(int i) {
    if (i % 7 == 3) return {};
    if (i == 40) return "{\"huge\":\"" + std::string(PayloadBlocks::blockSize + 5, 'h') + "\"}";
    return "{\"input\":\"span " + std::to_string(i) + " " +
           std::string(static_cast<std::size_t>(300 + (i * 7919) % 3000),
                       static_cast<char>('a' + i % 26)) +
           "\"}";
}

// 60 spans in two traces and 300 loose ones: ~0.9 MB of payloads, the huge one in the middle.
ImportBatch batchOf() {
    ImportBatch batch;
    int n = 0;
    for (int t = 0; t < 2; ++t) {
        TraceRecord trace = testsupport::oneSpanTrace();
        trace.spans.clear();
        for (int i = 0; i < 30; ++i, ++n) {
            SpanRecord s;
            s.key = std::to_string(n);
            s.name = "span " + std::to_string(n);
            s.payloadJson = payloadOf(n);
            trace.spans.push_back(std::move(s));
        }
        batch.traces.push_back(std::move(trace));
    }
    for (int i = 0; i < 300; ++i, ++n) {
        LooseSpanRecord l;
        l.traceKey = "loose";
        l.span.key = std::to_string(n);
        l.span.name = "span " + std::to_string(n);
        l.span.payloadJson = payloadOf(n);
        batch.looseSpans.push_back(std::move(l));
    }
    return batch;
}

std::vector<const SpanRecord *> spansOf(const ImportBatch &batch) {
    std::vector<const SpanRecord *> out;
    for (const TraceRecord &t : batch.traces)
        for (const SpanRecord &s : t.spans)
            out.push_back(&s);
    for (const LooseSpanRecord &l : batch.looseSpans)
        out.push_back(&l.span);
    return out;
}

// An OTLP JSON message of spans with payloads (input.value); an id of "zz" is invalid.
std::string message(const std::vector<std::pair<std::string, std::string>> &spans) {
    std::string out = R"({"resourceSpans":[{"scopeSpans":[{"spans":[)";
    for (std::size_t i = 0; i < spans.size(); ++i)
        out += std::string(i ? "," : "") + R"({"traceId":")" + spans[i].first +
               R"(","spanId":"1112131415161718","name":"s","startTimeUnixNano":"1",)"
               R"("endTimeUnixNano":"2","attributes":[{"key":"input.value","value":)"
               R"({"stringValue":")" +
               spans[i].second + R"("}}]})";
    return out + "]}]}]}";
}

// The message with its last span's traceId a number, which the parser meets only after the
// spans before it.
std::string withNumericLastTraceId(std::string text) {
    const std::string key = "\"traceId\":\"";
    const std::size_t at = text.rfind(key);
    const std::size_t end = text.find('"', at + key.size());
    return text.replace(at, end + 1 - at, "\"traceId\":7");
}

std::size_t parseInto(OtlpJsonParser &parser, const std::string &text,
                      std::vector<LooseSpanRecord> &out) {
    std::string padded = text + std::string(OtlpMessages::padding, '\0');
    const OtlpMessages::Message m{std::string_view(padded.data(), text.size()), 1, 0, false, false};
    return parser.parse(m, out);
}

} // namespace

class TstPayloadBlocks : public QObject {
    Q_OBJECT
private slots:
    void everyPayloadIsInItsBlock() {
        ImportBatch batch = batchOf();
        ZstdCodec codec(PayloadBlocks::compressionLevel);
        PayloadBlocks::pack(batch, codec);
        std::vector<std::string> texts;
        std::size_t raw = 0, stored = 0;
        for (const std::string &b : batch.payloadBlocks) {
            texts.push_back(codec.decompress(b));
            raw += texts.back().size();
            stored += b.size();
        }
        const std::vector<const SpanRecord *> spans = spansOf(batch);
        QCOMPARE(spans.size(), std::size_t(360));
        std::size_t expected = 0;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const SpanRecord &s = *spans[i];
            const std::string want = payloadOf(static_cast<int>(i));
            expected += want.size();
            QVERIFY(s.payloadJson.empty());
            if (want.empty()) {
                QCOMPARE(s.payloadBlock, -1);
                continue;
            }
            QVERIFY(s.payloadBlock >= 0 &&
                    static_cast<std::size_t>(s.payloadBlock) < batch.payloadBlocks.size());
            const std::string &text = texts[static_cast<std::size_t>(s.payloadBlock)];
            QCOMPARE(text.substr(static_cast<std::size_t>(s.payloadOffset),
                                 static_cast<std::size_t>(s.payloadRawSize)),
                     want);
            if (i == 40) { // the huge one alone
                QCOMPARE(s.payloadOffset, std::int64_t(0));
                QCOMPARE(text.size(), want.size());
            }
        }
        // Nothing else in the blocks, each at most a block and one payload.
        QCOMPARE(raw, expected);
        for (const std::string &t : texts)
            QVERIFY(t.size() < 2 * PayloadBlocks::blockSize + 16);
        // Those before the huge one, the huge one, and at least two blocks of the ~0.6 MB after.
        QVERIFY(batch.payloadBlocks.size() >= 4);
        QVERIFY2(stored * 3 < raw, qPrintable(QStringLiteral("%1 of %2").arg(stored).arg(raw)));
    }

    // Payloads in the batch's text are packed from where they lie while they come in order;
    // those out of order, and those a span holds itself, are gathered. Each comes back whole.
    void textInAndOutOfOrderAndOwnPayloadsMix() {
        ImportBatch batch = batchOf();
        std::vector<SpanRecord *> spans;
        for (TraceRecord &t : batch.traces)
            for (SpanRecord &s : t.spans)
                spans.push_back(&s);
        for (LooseSpanRecord &l : batch.looseSpans)
            spans.push_back(&l.span);
        const auto intoText = [&](std::size_t i) {
            SpanRecord &s = *spans[i];
            if (s.payloadJson.empty() || i % 5 == 0) return; // none, or held by the span
            s.payloadInText = true;
            s.payloadOffset = static_cast<std::int64_t>(batch.payloadText.size());
            s.payloadRawSize = static_cast<std::int64_t>(s.payloadJson.size());
            batch.payloadText += s.payloadJson;
            s.payloadJson.clear();
        };
        // The first trace in order, the loose spans (the huge one among them) in order, then
        // the second trace's backwards at the text's end.
        for (std::size_t i = 0; i < 30; ++i)
            intoText(i);
        for (std::size_t i = 60; i < spans.size(); ++i)
            intoText(i);
        for (std::size_t i = 60; i-- > 30;)
            intoText(i);
        const std::size_t inText = batch.payloadText.size();
        ZstdCodec codec(PayloadBlocks::compressionLevel);
        PayloadBlocks::pack(batch, codec);
        QVERIFY(batch.payloadText.empty());
        std::vector<std::string> texts;
        std::size_t raw = 0, expected = 0;
        for (const std::string &b : batch.payloadBlocks) {
            texts.push_back(codec.decompress(b));
            raw += texts.back().size();
        }
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const SpanRecord &s = *spans[i];
            const std::string want = payloadOf(static_cast<int>(i));
            expected += want.size();
            QVERIFY(!s.payloadInText && s.payloadJson.empty());
            if (want.empty()) continue;
            QVERIFY(s.payloadBlock >= 0 &&
                    static_cast<std::size_t>(s.payloadBlock) < batch.payloadBlocks.size());
            QCOMPARE(texts[static_cast<std::size_t>(s.payloadBlock)].substr(
                         static_cast<std::size_t>(s.payloadOffset),
                         static_cast<std::size_t>(s.payloadRawSize)),
                     want);
        }
        QVERIFY(inText > expected / 2);
        QCOMPARE(raw, expected);
        for (const std::string &t : texts)
            QVERIFY(t.size() < 2 * PayloadBlocks::blockSize + 16);
    }

    // The OTLP JSON reader writes payloads end to end in the batch's text: a span skipped for a
    // bad id and a message that fails halfway leave none of theirs there.
    void aReadersPayloadTextHoldsOnlyKeptSpans() {
        ImportReport report;
        OtlpJsonParser parser("t.json", report);
        ImportBatch batch;
        parser.setPayloadText(&batch.payloadText);
        const std::string trace = "0102030405060708090a0b0c0d0e0f10";
        QCOMPARE(parseInto(parser, message({{trace, "first"}, {"zz", "skipped"}, {trace, "third"}}),
                           batch.looseSpans),
                 std::size_t(2));
        QCOMPARE(report.warningCount("bad-span"), 1);
        // The second span's traceId a number: the message is refused after its first span's
        // payload was written.
        const std::string broken =
            withNumericLastTraceId(message({{trace, "fourth"}, {trace, "fifth"}}));
        QVERIFY_THROWS_EXCEPTION(IngestError, parseInto(parser, broken, batch.looseSpans));
        QCOMPARE(batch.looseSpans.size(), std::size_t(2));
        QCOMPARE(batch.payloadText,
                 std::string(R"({"input.value":"first"}{"input.value":"third"})"));
        for (const LooseSpanRecord &l : batch.looseSpans) {
            QVERIFY(l.span.payloadInText && l.span.payloadJson.empty());
            QCOMPARE(l.span.payloadRawSize, std::int64_t(23));
        }
        // Packed: both in one block, read back by reference.
        ZstdCodec codec(PayloadBlocks::compressionLevel);
        batch.compressPayloads(codec, codec);
        QVERIFY(batch.payloadText.empty());
        QCOMPARE(batch.payloadBlocks.size(), std::size_t(1));
        const std::string text = codec.decompress(batch.payloadBlocks.front());
        const SpanRecord &third = batch.looseSpans[1].span;
        QCOMPARE(text.substr(static_cast<std::size_t>(third.payloadOffset),
                             static_cast<std::size_t>(third.payloadRawSize)),
                 std::string(R"({"input.value":"third"})"));
    }

    void referencesAreReadBackOrRefused() {
        for (const PayloadBlocks::Reference r :
             {PayloadBlocks::Reference{1, 0}, PayloadBlocks::Reference{300, 262143},
              PayloadBlocks::Reference{std::int64_t(1) << 40, 7}}) {
            const auto back = PayloadBlocks::parse(PayloadBlocks::reference(r));
            QVERIFY(back.has_value());
            QCOMPARE(back->block, r.block);
            QCOMPARE(back->offset, r.offset);
        }
        const std::string good = PayloadBlocks::reference({300, 5});
        for (const std::string &bad :
             {std::string(), std::string("\x02") + good.substr(1), good.substr(0, 2), good + "x",
              std::string("\x03\x80", 2), std::string("\x03") + std::string(12, '\xff')})
            QVERIFY2(!PayloadBlocks::parse(bad).has_value(), bad.c_str());
    }

    // Written and read through the workspace: every payload, a removed run's blocks gone, and
    // each kind of damage named.
    void storedPayloadsReadBackAndDamageIsAnError() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        BulkWriter writer(ws);
        writer.begin();
        const std::int64_t run = writer.beginRun("r", "otel", "/x", "d", "q");
        ImportBatch batch = batchOf();
        batch.looseSpans.clear(); // loose spans need linking; traces suffice here
        ZstdCodec codec(PayloadBlocks::compressionLevel);
        batch.compressPayloads(codec, codec);
        writer.write(std::move(batch));
        ImportReport report;
        writer.finishRun(report, "{}");
        writer.commit();
        RunQueries queries(ws);
        Statement spans(ws.handle(), "SELECT id, name FROM spans ORDER BY id");
        int read = 0;
        while (spans.step()) {
            const int i = std::stoi(spans.text(1).substr(5));
            QCOMPARE(queries.spanPayload(spans.int64(0)), payloadOf(i));
            ++read;
        }
        QCOMPARE(read, 60);

        const std::int64_t span = testsupport::scalar(ws, "SELECT max(span_id) FROM span_payloads");
        const std::int64_t block = testsupport::scalar(ws, "SELECT max(id) FROM payload_blocks");
        const auto damaged = [&](const std::string &sql, const QString &expected) {
            ws.exec("SAVEPOINT d");
            ws.exec(sql);
            QString message;
            try {
                queries.spanPayload(span);
            } catch (const StoreError &e) {
                message = QString::fromUtf8(e.what());
            }
            ws.exec("ROLLBACK TO d");
            ws.exec("RELEASE d");
            QVERIFY2(message.contains(expected), qPrintable(message));
        };
        damaged("DELETE FROM payload_blocks WHERE id = " + std::to_string(block), "is missing");
        damaged("UPDATE span_payloads SET raw_size = 1000000000 WHERE span_id = " +
                    std::to_string(span),
                "past the end");
        damaged("UPDATE payload_blocks SET data = substr(data, 1, 40) WHERE id = " +
                    std::to_string(block),
                "zstd");
        damaged("UPDATE payload_blocks SET data = x'28b52ffd00' WHERE id = " +
                    std::to_string(block),
                "damaged");
        // A block's row holding other bytes (a run removed, its ids taken by the next import's):
        // read from those, not from the text kept of the row's former bytes.
        const std::string before = queries.spanPayload(span);
        ws.exec("SAVEPOINT o");
        ws.exec("UPDATE payload_blocks SET data = (SELECT data FROM payload_blocks WHERE id = " +
                std::to_string(block - 1) + ") WHERE id = " + std::to_string(block));
        std::string other;
        try {
            other = queries.spanPayload(span);
        } catch (const StoreError &e) {
            other = e.what();
        }
        ws.exec("ROLLBACK TO o");
        ws.exec("RELEASE o");
        QVERIFY(other != before);
        // Undamaged again: the last span's payload.
        const std::string name = testsupport::scalarText(ws, "SELECT name FROM spans WHERE id = " +
                                                                 std::to_string(span));
        QCOMPARE(queries.spanPayload(span), payloadOf(std::stoi(name.substr(5))));

        ws.removeRun(run);
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM payload_blocks"), std::int64_t(0));
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM span_payloads"), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TstPayloadBlocks)
#include "tst_payloadblocks.moc"

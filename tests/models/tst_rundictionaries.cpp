// Span attributes and payloads stored compressed against their run's dictionaries
// (RunDictionary), read back through span_attributes() and RunQueries (DictionaryDecoder), and
// the input digest's two forms.
#include "core/importprogress.h"
#include "core/records.h"
#include "core/rundictionary.h"
#include "store/batchqueue.h"
#include "store/bulkwriter.h"
#include "store/dictionarydecoder.h"
#include "store/importer.h"
#include "store/runqueries.h"
#include "store/spandetail.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace spanscope;

namespace {

// OTLP JSON lines, one span a line, each with its index and its own URL among repeated keys:
// `spans` of them make ~350 bytes of attributes each.
QByteArray otlpLines(int spans) {
    QByteArray out;
    for (int i = 0; i < spans; ++i) {
        const std::string trace =
            QByteArray::number(1000 + i / 10).rightJustified(32, '0').toStdString();
        const std::string span = QByteArray::number(i + 1).rightJustified(16, '0').toStdString();
        const std::string parent =
            i % 10 == 0 ? ""
                        : QByteArray::number(i / 10 * 10 + 1).rightJustified(16, '0').toStdString();
        const std::int64_t start = 1'700'000'000'000'000'000 + std::int64_t(i) * 1'000'000;
        nlohmann::json attributes = nlohmann::json::array();
        const auto add = [&](const char *key, nlohmann::json value) {
            attributes.push_back({{"key", key}, {"value", std::move(value)}});
        };
        add("n", {{"intValue", std::to_string(i)}});
        add("http.url", {{"stringValue", "http://cart:8080/api/item/" + std::to_string(i * 7919)}});
        add("http.method", {{"stringValue", i % 3 ? "GET" : "POST"}});
        add("rpc.service", {{"stringValue", "oteldemo.CartService"}});
        add("db.system", {{"stringValue", "redis"}});
        add("cloud.region", {{"stringValue", "us-west-2"}});
        add("app.user.id", {{"stringValue", "user-" + std::to_string(i % 97)}});
        add("http.status_code", {{"intValue", "200"}});
        add("input.value",
            {{"stringValue", "question " + std::to_string(i) + " about the cart of user " +
                                 std::to_string(i % 97) + ": what is in it?"}});
        nlohmann::json s = {{"traceId", trace},
                            {"spanId", span},
                            {"name", "cart.GetCart"},
                            {"kind", 1},
                            {"startTimeUnixNano", std::to_string(start)},
                            {"endTimeUnixNano", std::to_string(start + 500'000)},
                            {"attributes", attributes}};
        if (!parent.empty()) s["parentSpanId"] = parent;
        const nlohmann::json line = {
            {"resourceSpans",
             {{{"resource",
                {{"attributes",
                  {{{"key", "service.name"}, {"value", {{"stringValue", "cart"}}}}}}}},
               {"scopeSpans", {{{"scope", {{"name", "cart"}}}, {"spans", {s}}}}}}}}};
        out += QByteArray::fromStdString(line.dump()) + '\n';
    }
    return out;
}

// A workspace in a temporary folder, and the OTLP file each test imports into it.
struct Fixture {
    QTemporaryDir tmp;
    QString file = tmp.filePath(QStringLiteral("spans.jsonl"));
    Workspace ws{tmp.filePath(QStringLiteral("w.spanscope"))};
    std::vector<ImportedRun> import(int spans) {
        if (!testsupport::writeFile(file, otlpLines(spans))) return {};
        return testsupport::importPath(ws, file);
    }
};

std::int64_t count(Workspace &ws, const std::string &sql) {
    return testsupport::scalar(ws, sql);
}

} // namespace

class TstRunDictionaries : public QObject {
    Q_OBJECT
private slots:
    void aLargeRunsAttributesAreStoredCompressedAndReadBackWhole() {
        Fixture f;
        Workspace &ws = f.ws;
        const int spans = 2000;
        const auto runs = f.import(spans);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].spans, std::int64_t(spans));

        // One batch whose spans made the dictionary's 64 KB of samples: all of them compressed.
        QCOMPARE(count(ws, "SELECT count(*) FROM spans WHERE typeof(attributes) = 'blob'"),
                 std::int64_t(spans));
        // Every span's attributes read back as the JSON the reader made of them.
        Statement st(ws.handle(), "SELECT id, json_extract(span_attributes(attributes), '$.n'), "
                                  "json_extract(span_attributes(attributes), '$.\"http.url\"'), "
                                  "span_key FROM spans ORDER BY id");
        int seen = 0;
        while (st.step()) {
            const std::int64_t n = st.int64(1);
            QCOMPARE(st.text(3), QByteArray::number(n + 1).rightJustified(16, '0').toStdString());
            QCOMPARE(st.text(2), "http://cart:8080/api/item/" + std::to_string(n * 7919));
            ++seen;
        }
        QCOMPARE(seen, spans);
        // Stored smaller than the text (the samples alone are the dictionary's 64 KB).
        const std::int64_t stored = count(ws, "SELECT sum(length(attributes)) FROM spans WHERE "
                                              "typeof(attributes) = 'blob'");
        const std::int64_t text = count(ws, "SELECT sum(length(span_attributes(attributes))) "
                                            "FROM spans WHERE typeof(attributes) = 'blob'");
        QVERIFY2(stored * 3 < text, qPrintable(QStringLiteral("%1 of %2").arg(stored).arg(text)));

        // What the app reads: a span's details, and a search that matches inside a blob.
        RunQueries queries(ws);
        const std::int64_t last = count(ws, "SELECT max(id) FROM spans");
        const auto detail = queries.spanDetail(last);
        QVERIFY(detail.has_value());
        const auto json = nlohmann::json::parse(detail->attributesJson);
        QCOMPARE(json.at("n").get<int>(), spans - 1);
        const auto found =
            queries.searchSpans(runs[0].runId, "/api/item/" + std::to_string((spans - 1) * 7919));
        QCOMPARE(found, std::vector<std::int64_t>{last});

        // The payloads in blocks, several spans' to a frame, smaller than their text.
        QCOMPARE(count(ws, "SELECT count(*) FROM run_dictionaries"), std::int64_t(1));
        QCOMPARE(count(ws, "SELECT count(*) FROM span_payloads WHERE substr(data, 1, 1) = x'03'"),
                 std::int64_t(spans));
        const std::int64_t blocks = count(ws, "SELECT count(*) FROM payload_blocks");
        QVERIFY2(blocks > 0 && blocks * 10 < spans, qPrintable(QString::number(blocks)));
        const std::int64_t packed = count(ws, "SELECT sum(length(data)) FROM payload_blocks");
        const std::int64_t raw = count(ws, "SELECT sum(raw_size) FROM span_payloads");
        QVERIFY2(packed * 3 < raw, qPrintable(QStringLiteral("%1 of %2").arg(packed).arg(raw)));
        Statement ids(ws.handle(), "SELECT id, json_extract(span_attributes(attributes), '$.n') "
                                   "FROM spans ORDER BY id");
        while (ids.step()) {
            const std::string payload = queries.spanPayload(ids.int64(0));
            const std::string question = "question " + std::to_string(ids.int64(1)) + " about";
            QVERIFY2(payload.find(question) != std::string::npos, payload.c_str());
            QVERIFY2(nlohmann::json::parse(payload, nullptr, false).is_object(), payload.c_str());
        }

        // Removing the run removes its dictionary and its payload blocks.
        ws.removeRun(runs[0].runId);
        QCOMPARE(count(ws, "SELECT count(*) FROM run_dictionaries"), std::int64_t(0));
        QCOMPARE(count(ws, "SELECT count(*) FROM payload_blocks"), std::int64_t(0));
    }

    // Payloads stored as workspaces before blocks stored them: a frame against the run's payload
    // dictionary, and a bare frame. Both still read.
    void payloadsOfTheFormerFormsStillRead() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::string text = R"({"input":"a prompt, a prompt, a prompt"})";
        BulkWriter writer(ws);
        writer.begin();
        const std::int64_t run = writer.beginRun("r", "otel", "/x", "d", "q");
        const RunDictionary dictionary(run, RunDictionary::Kind::Payloads,
                                       std::string(200, 'p') + text);
        ZstdCodec codec;
        ImportBatch batch;
        for (const bool withDictionary : {true, false}) {
            TraceRecord t = testsupport::oneSpanTrace();
            t.spans[0].payloadRawSize = static_cast<std::int64_t>(text.size());
            t.spans[0].payloadZstd =
                withDictionary ? dictionary.encode(text, codec) : codec.compress(text);
            batch.traces.push_back(std::move(t));
        }
        writer.write(std::move(batch));
        ImportReport report;
        writer.finishRun(report, "{}");
        writer.commit();
        Statement add(ws.handle(), "INSERT INTO run_dictionaries (run_id, kind, data) "
                                   "VALUES (?, 2, ?)");
        add.bind(1, run).bindBlob(2, dictionary.content().data(), dictionary.content().size());
        add.run();
        QCOMPARE(count(ws, "SELECT count(*) FROM span_payloads WHERE substr(data, 1, 1) = x'02'"),
                 std::int64_t(1));
        Statement ids(ws.handle(), "SELECT span_id FROM span_payloads ORDER BY span_id");
        int read = 0;
        while (ids.step()) {
            QCOMPARE(RunQueries(ws).spanPayload(ids.int64(0)), text);
            ++read;
        }
        QCOMPARE(read, 2);
    }

    void aSmallRunKeepsText() {
        Fixture f;
        Workspace &ws = f.ws;
        QCOMPARE(f.import(50).size(), std::size_t(1));
        QCOMPARE(count(ws, "SELECT count(*) FROM spans WHERE typeof(attributes) = 'text'"),
                 std::int64_t(50));
        QCOMPARE(count(ws, "SELECT count(*) FROM run_dictionaries"), std::int64_t(0));
        // Payloads in a block, which needs no dictionary.
        QCOMPARE(count(ws, "SELECT count(*) FROM span_payloads WHERE substr(data, 1, 1) = x'03'"),
                 std::int64_t(50));
        const std::string payload = RunQueries(ws).spanPayload(
            count(ws, "SELECT id FROM spans WHERE json_extract(attributes, '$.n') = 7"));
        QVERIFY2(payload.find("question 7 about") != std::string::npos, payload.c_str());
        QCOMPARE(count(ws, "SELECT count(*) FROM spans WHERE span_attributes(attributes) IS NOT "
                           "attributes"),
                 std::int64_t(0));
    }

    // A rolled-back import's run id is the next import's: the connection must not decode the
    // new run's blobs with the old run's dictionary it read meanwhile.
    void aRolledBackRunsDictionaryIsForgotten() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto writeRun = [&](const std::string &dictionary, const std::string &json,
                                  bool keep) {
            BulkWriter writer(ws);
            writer.begin();
            const std::int64_t run = writer.beginRun("r", "otel", "/x", "d", "q");
            ImportBatch batch;
            batch.attributeDictionary =
                std::make_shared<RunDictionary>(run, RunDictionary::Kind::Attributes, dictionary);
            TraceRecord t = testsupport::oneSpanTrace();
            ZstdCodec codec;
            t.spans[0].attributesJson = json;
            t.spans[0].encodeAttributes(*batch.attributeDictionary, codec);
            batch.traces.push_back(std::move(t));
            writer.write(std::move(batch));
            ImportReport report;
            writer.finishRun(report, "{}");
            // Read on the writer's own connection, inside its transaction.
            const QString read = QString::fromStdString(
                testsupport::scalarText(ws, "SELECT span_attributes(attributes) FROM spans"));
            if (keep)
                writer.commit();
            else
                writer.rollback();
            return std::make_pair(run, read);
        };
        const std::string a =
            R"({"first":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})";
        const std::string b =
            R"({"second":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})";
        const auto [firstRun, firstRead] = writeRun(a + a, a, false);
        QCOMPARE(firstRead, QString::fromStdString(a));
        const auto [secondRun, secondRead] = writeRun(b + b, b, true);
        QCOMPARE(secondRun, firstRun);
        QCOMPARE(secondRead, QString::fromStdString(b));
        QCOMPARE(QString::fromStdString(
                     testsupport::scalarText(ws, "SELECT span_attributes(attributes) FROM spans")),
                 QString::fromStdString(b));
    }

    void aDamagedBlobIsAnErrorNotACrash() {
        Fixture f;
        Workspace &ws = f.ws;
        QCOMPARE(f.import(1000).size(), std::size_t(1));
        const std::int64_t id =
            count(ws, "SELECT max(id) FROM spans WHERE typeof(attributes) = 'blob'");
        QVERIFY(id > 0);
        Statement read(ws.handle(), "SELECT attributes FROM spans WHERE id = ?");
        read.bind(1, id);
        QVERIFY(read.step());
        const std::string blob = read.blob(0);
        read.reset();
        const std::string frame = blob.substr(RunDictionary::header(blob).frameOffset);
        for (const std::string &damaged :
             {blob.substr(0, blob.size() - 3), std::string("\x07") + frame,
              std::string("\x01") + std::string(10, '\xff'), std::string("\x01\x63") + frame,
              std::string("\x01\x01") + std::string(frame.size(), 'x')}) {
            ws.exec("SAVEPOINT d");
            Statement set(ws.handle(), "UPDATE spans SET attributes = ? WHERE id = ?");
            set.bindBlob(1, damaged.data(), damaged.size()).bind(2, id).run();
            QVERIFY_THROWS_EXCEPTION(
                StoreError,
                testsupport::scalarText(ws, "SELECT span_attributes(attributes) FROM spans "
                                            "WHERE id = " +
                                                std::to_string(id)));
            ws.exec("ROLLBACK TO d");
            ws.exec("RELEASE d");
        }
        // Undamaged again: it reads.
        QVERIFY(!testsupport::scalarText(ws, "SELECT span_attributes(attributes) FROM spans "
                                             "WHERE id = " +
                                                 std::to_string(id))
                     .empty());
    }

    // A run whose first values are huge: the dictionary is its first 64 KB only.
    void aDictionaryIsAtMostItsSize() {
        BatchQueue queue(1);
        ImportBatch batch;
        for (int i = 0; i < 3; ++i) {
            LooseSpanRecord l;
            l.span.attributesJson = "{\"a\":\"" + std::string(100'000, 'x') + "\"}";
            l.span.payloadJson = l.span.attributesJson;
            batch.looseSpans.push_back(std::move(l));
        }
        queue.push(std::move(batch));
        queue.finish();
        const auto out = queue.pop();
        QVERIFY(out.has_value());
        QVERIFY(out->attributeDictionary);
        QCOMPARE(out->attributeDictionary->content().size(), RunDictionary::contentSize);
        // The spans are compressed against it.
        QCOMPARE(out->looseSpans[2].span.attributesStored.front(), '\x01');
    }

    void theDigestIsXxh3AndOldBlake2bRunsStillMatch() {
        Fixture f;
        Workspace &ws = f.ws;
        const QString &file = f.file;
        const auto runs = f.import(20);
        const std::string digest = ws.run(runs[0].runId)->digest;
        QVERIFY2(digest.rfind("xxh3-128:", 0) == 0 && digest.size() == 9 + 32, digest.c_str());
        QCOMPARE(Importer::digest(file, {file}), digest);
        // A run a BLAKE2b build imported: the same input is still recognised as unchanged.
        const std::string old = Importer::digest(file, {file}, Importer::DigestKind::Blake2b);
        QCOMPARE(old.size(), std::size_t(64));
        Statement set(ws.handle(), "UPDATE runs SET digest = ? WHERE id = ?");
        set.bind(1, std::string_view(old)).bind(2, runs[0].runId).run();
        const auto again = testsupport::importPath(ws, file);
        QCOMPARE(again.size(), std::size_t(1));
        QVERIFY(again[0].unchanged);
        QCOMPARE(again[0].runId, runs[0].runId);
        // Changed input is not.
        QVERIFY(!f.import(21).at(0).unchanged);
    }
};

QTEST_GUILESS_MAIN(TstRunDictionaries)
#include "tst_rundictionaries.moc"

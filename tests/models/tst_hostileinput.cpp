// Inputs a hostile tester made (issue 14): nesting that overflows a recursive reader, values no
// tracer writes, foreign databases. Each case gets a clear outcome: imported with a counted
// warning, or an error naming the file and the place with the workspace left as it was. The
// large inputs are generated here.
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/limits.h"
#include "core/records.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <algorithm>

using namespace spanscope;

namespace {

// {"a":{"a":...1...}} with `depth` objects.
std::string deepObject(std::size_t depth) {
    std::string s;
    s.reserve(depth * 6 + 1);
    for (std::size_t i = 0; i < depth; ++i)
        s += R"({"a":)";
    s += '1';
    s.append(depth, '}');
    return s;
}

std::string repeat(std::string_view open, std::string_view middle, std::string_view close,
                   std::size_t n) {
    std::string s;
    s.reserve(n * (open.size() + close.size()) + middle.size());
    for (std::size_t i = 0; i < n; ++i)
        s += open;
    s += middle;
    for (std::size_t i = 0; i < n; ++i)
        s += close;
    return s;
}

std::string otlpLine(const std::string &attributeValue) {
    return R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10",)"
           R"("spanId":"0102030405060708","name":"s","startTimeUnixNano":"100",)"
           R"("endTimeUnixNano":"200","attributes":[{"key":"a","value":)" +
           attributeValue + "}]}]}]}]}\n";
}

std::string natStep(const char *event, const char *time, const char *uuid) {
    return std::string(
               R"({"parent_id":"root","function_ancestry":{"function_id":"w0","function_name":"agent","parent_id":"root","parent_name":"root"},"payload":{"event_type":")") +
           event + R"(","event_timestamp":)" + time + R"(,"name":"agent","UUID":")" + uuid +
           R"(","data":{"input":__DEEP__}}})";
}

std::string replaced(std::string text, const std::string &deep) {
    const auto at = text.find("__DEEP__");
    return text.replace(at, 8, deep);
}

void writeFile(const QString &path, const std::string &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes.data(), static_cast<qint64>(bytes.size()));
}

} // namespace

class TstHostileInput : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_ws;

private slots:
    void init() {
        m_ws = m_tmp.filePath(QStringLiteral("w.spanscope"));
        QFile::remove(m_ws);
        Workspace ws(m_ws);
        testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/legacy-stream")));
    }

    // Every reader bounds its nesting: a value deeper than limits::maxJsonNesting becomes a
    // note, counted as a warning; the span is kept and nothing recurses per level (the worker
    // thread's stack overflowed at these depths before).
    void deepNestingIsCutNotRecursed_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("depth");
        for (const int depth : {100'000, 1'000'000})
            for (const char *reader : {"otlp-kvlist", "otlp-array", "phoenix", "zipkin", "jaeger",
                                       "nat-profiler", "nat-steps"})
                QTest::addRow("%s-%d", reader, depth) << QString::fromLatin1(reader) << depth;
    }
    void deepNestingIsCutNotRecursed() {
        QFETCH(QString, name);
        QFETCH(int, depth);
        const auto levels = static_cast<std::size_t>(depth);
        QString input;
        if (name == "otlp-kvlist") {
            input = m_tmp.filePath("kv.jsonl");
            writeFile(input, otlpLine(repeat(R"({"kvlistValue":{"values":[{"key":"k","value":)",
                                             R"({"stringValue":"x"})", "}]}}", levels / 4)));
        } else if (name == "otlp-array") {
            input = m_tmp.filePath("arr.jsonl");
            writeFile(input, otlpLine(repeat(R"({"arrayValue":{"values":[)",
                                             R"({"stringValue":"x"})", "]}}", levels / 3)));
        } else if (name == "phoenix") {
            input = m_tmp.filePath("phoenix.json");
            writeFile(
                input,
                R"([{"name":"x","context":{"trace_id":"t1","span_id":"s1"},"span_kind":"LLM",)"
                R"("parent_id":null,"start_time":"2026-07-09T00:00:00+00:00",)"
                R"("end_time":"2026-07-09T00:00:01+00:00","status_code":"OK","attributes":)" +
                    deepObject(levels) + "}]");
        } else if (name == "zipkin") {
            input = m_tmp.filePath("zipkin.json");
            writeFile(input, R"([{"traceId":"a03ee8fff1dcd9b9","id":"15fc03927f0f68df","name":"p",)"
                             R"("timestamp":1571896375322000,"duration":14000,"tags":)" +
                                 deepObject(levels) + "}]");
        } else if (name == "jaeger") {
            input = m_tmp.filePath("jaeger.json");
            writeFile(input, R"({"data":[{"traceID":"a03ee8fff1dcd9b9","spans":[{"traceID":)"
                             R"("a03ee8fff1dcd9b9","spanID":"15fc03927f0f68df","operationName":)"
                             R"("p","startTime":1571896375322000,"duration":14000,"tags":[)"
                             R"({"key":"a","type":"string","value":)" +
                                 deepObject(levels) + "}]}]}]}");
        } else if (name == "nat-profiler") {
            input = m_tmp.filePath("nat");
            const std::string steps = natStep("WORKFLOW_START", "1700000000.0", "w0") + "," +
                                      natStep("WORKFLOW_END", "1700000001.0", "w0");
            writeFile(
                input + "/all_requests_profiler_traces.json",
                replaced(replaced(R"([{"request_number":0,"intermediate_steps":[)" + steps + "]}]",
                                  deepObject(levels)),
                         "1"));
        } else {
            input = m_tmp.filePath("steps.jsonl");
            writeFile(
                input,
                replaced(natStep("WORKFLOW_START", "1700000000.0", "w0"), deepObject(levels)) +
                    "\n" + replaced(natStep("WORKFLOW_END", "1700000001.0", "w0"), "2") + "\n");
        }
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        QCOMPARE(runs.size(), std::size_t(1));
        QVERIFY(runs[0].spans >= 1);
        QVERIFY2(runs[0].report.warningCount("nested-too-deep") >= 1,
                 runs[0].report.toJson().c_str());
        const std::string example =
            runs[0].report.warnings().at("nested-too-deep").examples.front();
        QVERIFY2(example.find(std::to_string(limits::maxJsonNesting)) != std::string::npos,
                 example.c_str());
        QVERIFY2(example.find(QFileInfo(input).fileName().toStdString()) != std::string::npos,
                 example.c_str());
        // What was stored is valid JSON SQLite can read, and no deeper than the limit.
        QCOMPARE(
            testsupport::scalar(ws,
                                "SELECT count(*) FROM spans WHERE attributes IS NOT NULL "
                                "AND NOT json_valid(span_attributes(attributes)) AND run_id = ?",
                                runs[0].runId),
            0);
    }

    // Wrappers around a message ("result" of a Jaeger api_v3 reply) nested a million deep: the
    // walk stops after a few, the file has no spans, nothing is written.
    void deeplyWrappedOtlpIsAnErrorNotACrash() {
        const QString input = m_tmp.filePath("wrapped.json");
        writeFile(input, repeat(R"({"result":)", "{}", "}", 1'000'000));
        const QString message = testsupport::importFailure(m_ws, input);
        QVERIFY2(message.contains("wrapped.json"), qPrintable(message));
    }

    // Zipkin spans without `timestamp` (84 of 1041 in a real zipkin-lens trace) were skipped.
    // Zipkin's UI keeps them: the time comes from annotations when there are some, else the
    // span sits at its parent's start with no duration, flagged and counted.
    void zipkinSpansWithoutTimestampAreKept() {
        const QString input = m_tmp.filePath("zipkin-untimed.json");
        writeFile(input, R"([
          {"traceId":"a03ee8fff1dcd9b9","id":"0000000000000001","name":"root","timestamp":1571896375300000,"duration":50000},
          {"traceId":"a03ee8fff1dcd9b9","parentId":"0000000000000001","id":"0000000000000002","name":"no-time"},
          {"traceId":"a03ee8fff1dcd9b9","parentId":"0000000000000002","id":"0000000000000003","name":"below-no-time","timestamp":0},
          {"traceId":"a03ee8fff1dcd9b9","parentId":"0000000000000001","id":"0000000000000004","name":"annotated",
           "annotations":[{"timestamp":1571896375310000,"value":"cs"},{"timestamp":1571896375320000,"value":"cr"}]},
          {"traceId":"a03ee8fff1dcd9b9","parentId":"0000000000000001","id":"0000000000000005","name":"garbage","timestamp":1e30}])");
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        QCOMPARE(runs.at(0).spans, 5);
        QCOMPARE(runs[0].report.warningCount("untimed-spans"), 3);
        const std::int64_t rootStart = 1571896375300000LL * 1000;
        auto at = [&](const char *name, const char *column) {
            return testsupport::scalar(ws,
                                       std::string("SELECT ") + column +
                                           " FROM spans WHERE run_id = ? AND name = '" + name + "'",
                                       runs[0].runId);
        };
        for (const char *name : {"no-time", "below-no-time", "garbage"}) {
            QCOMPARE(at(name, "start_ns"), rootStart);
            QCOMPARE(at(name, "end_ns"), rootStart);
            QVERIFY(at(name, "flags") & SpanUntimed);
        }
        QCOMPARE(at("annotated", "start_ns"), 1571896375310000LL * 1000);
        QCOMPARE(at("annotated", "end_ns"), 1571896375320000LL * 1000);
        QCOMPARE(at("annotated", "flags") & SpanUntimed, 0);
        QCOMPARE(testsupport::scalar(ws, "SELECT min(start_ns) FROM traces WHERE run_id = ?",
                                     runs[0].runId),
                 rootStart);
        QCOMPARE(testsupport::scalar(ws, "SELECT start_ns FROM runs WHERE id = ?", runs[0].runId),
                 rootStart);
    }

    // A Jaeger api_v3 GetTrace reply whose only span has no times imported as "no spans in the
    // file"; it is one span now, flagged.
    void jaegerApiV3SpanWithoutTimesIsKept() {
        const QString input = m_tmp.filePath("api-v3.json");
        writeFile(
            input,
            R"({"result":{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"only"}]}]}]}})");
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        QCOMPARE(runs.at(0).spans, 1);
        QCOMPARE(runs[0].report.warningCount("untimed-spans"), 1);
    }

    // Times that are there but are no time: kept as untimed with the value quoted, never a run
    // from 1914 or a p50 of 1.7e9 s.
    void garbageTimesAreQuotedNotBelieved() {
        const QString input = m_tmp.filePath("bad-times.jsonl");
        std::string text;
        int n = 0;
        for (
            const char *times :
            {R"("startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000001000000000")",
             R"("startTimeUnixNano":"-1763990400000000000","endTimeUnixNano":"1700000001000000000")",
             R"("startTimeUnixNano":1e30,"endTimeUnixNano":"1700000001000000000")",
             R"("startTimeUnixNano":"99999999999999999999","endTimeUnixNano":"1")"}) {
            char id[17];
            std::snprintf(id, sizeof id, "%016x", ++n);
            text +=
                std::string(
                    R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":")") +
                id + R"(","parentSpanId":")" + (n == 1 ? "" : "0000000000000001") +
                R"(","name":"s)" + std::to_string(n) + "\"," + times + "}]}]}]}\n";
        }
        writeFile(input, text);
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        QCOMPARE(runs.at(0).spans, 4);
        QCOMPARE(runs[0].report.warningCount("bad-time"), 3);
        const auto &examples = runs[0].report.warnings().at("bad-time").examples;
        QVERIFY(std::any_of(examples.begin(), examples.end(), [](const std::string &e) {
            return e.find("-1763990400000000000") != std::string::npos &&
                   e.find("bad-times.jsonl") != std::string::npos;
        }));
        QCOMPARE(testsupport::scalar(ws, "SELECT min(start_ns) FROM spans WHERE run_id = ?",
                                     runs[0].runId),
                 1700000000000000000LL);
    }

    // Jaeger's anonymizer writes a bare array of spans, each with its own process.
    void jaegerBareSpanArrayIsRecognised() {
        const QString input = m_tmp.filePath("anonymized.json");
        writeFile(input, R"([
          {"traceID":"a03ee8fff1dcd9b9","spanID":"0000000000000001","operationName":"root","references":[],
           "startTime":1571896375300000,"duration":5000,"tags":[],"process":{"serviceName":"frontend","tags":[]}},
          {"traceID":"a03ee8fff1dcd9b9","spanID":"0000000000000002","operationName":"child",
           "references":[{"refType":"CHILD_OF","traceID":"a03ee8fff1dcd9b9","spanID":"0000000000000001"}],
           "startTime":1571896375301000,"duration":1000,"tags":[],"process":{"serviceName":"backend","tags":[]}}])");
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        QCOMPARE(runs.at(0).kind, std::string("jaeger"));
        QCOMPARE(runs[0].spans, 2);
        QCOMPARE(testsupport::scalar(
                     ws,
                     "SELECT count(*) FROM spans WHERE run_id = ? AND "
                     "parent_id IS NOT NULL AND json_extract(span_attributes(attributes), "
                     "'$.\"service.name\"') = 'backend'",
                     runs[0].runId),
                 1);
    }

    // Messages a user can act on: the cause, the file, the place, never a library's raw text.
    void messagesQuoteTheCauseAndThePlace_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("said");
        const QByteArray otlpHead =
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10",)";
        QTest::newRow("wrong type names the field")
            << "t.jsonl"
            << otlpHead +
                   R"("spanId":["x"],"name":"s","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})" +
                   "\n"
            << R"(t.jsonl: line 1, byte 98: not valid OTLP JSON: "spanId" has the wrong type)";
        QTest::newRow("invalid UTF-8 at its byte")
            << "u.jsonl"
            << otlpHead + "\"spanId\":\"0102030405060708\",\"name\":\"s\xff\","
                          "\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}\n"
            << "u.jsonl: line 1, byte 126: not valid OTLP JSON: a byte that is not UTF-8";
        QTest::newRow("dropped spans say why")
            << "d.jsonl"
            << QByteArray(otlpHead).replace("0102030405060708090a0b0c0d0e0f10", "zz") +
                   R"("spanId":"0102030405060708","name":"s","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})" +
                   "\n"
            << "d.jsonl: no spans in the file could be imported; what was skipped: 1x bad-span "
               "(";
        QTest::newRow("a lone JSON string")
            << "s.json" << QByteArray(R"("just a string")")
            << "s.json: not a file Spanscope can read: a single JSON value, not a trace file";
        QTest::newRow("a length prefix past the end")
            << "c.bin" << QByteArray("\xff\xff\xff\xff\x28\xb5\x2f\xfd", 8) + QByteArray(20, '\0')
            << "c.bin: no spans in the file could be imported; what was skipped: 1x "
               "truncated-file (";
        QTest::newRow("a newline in the name")
            << "bad\nname.json" << QByteArray(R"({"x":1})") << "bad\\nname.json: not a file";
    }
    void messagesQuoteTheCauseAndThePlace() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, said);
        const QString input = m_tmp.filePath(name);
        writeFile(input, bytes.toStdString());
        const QString message = testsupport::importFailure(m_ws, input);
        QVERIFY2(message.contains(said), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    }

    // nlohmann's "[json.exception.out_of_range.406] number overflow" became a sentence.
    void anOverflowingNumberIsNamed() {
        const QString input = m_tmp.filePath("overflow/all_requests_profiler_traces.json");
        writeFile(input, replaced(R"([{"request_number":0,"intermediate_steps":[)" +
                                      natStep("WORKFLOW_START", "1e999", "w0") + "]}]",
                                  "1"));
        const QString message = testsupport::importFailure(m_ws, QFileInfo(input).absolutePath());
        QVERIFY2(message.contains("all_requests_profiler_traces.json: line 1, byte") &&
                     message.contains("the number 1e999 is out of range") &&
                     !message.contains("json.exception"),
                 qPrintable(message));
    }

    // NAT always writes a step's time: one that is no time fails the import, quoted.
    void natTimesThatAreNoTimeAreQuoted_data() {
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("said");
        QTest::newRow("1e30") << "1e30"
                              << "payload.event_timestamp 1e+30 is not a time";
        QTest::newRow("negative") << "-5.0"
                                  << "payload.event_timestamp -5 s is before 1970";
        QTest::newRow("negative integer") << "-1763990400"
                                          << "payload.event_timestamp -1763990400 s is before 1970";
    }
    void natTimesThatAreNoTimeAreQuoted() {
        QFETCH(QString, time);
        QFETCH(QString, said);
        const QString folder = m_tmp.filePath("nat-time-" + QString::number(qHash(time)));
        writeFile(
            folder + "/all_requests_profiler_traces.json",
            replaced(replaced(R"([{"request_number":0,"intermediate_steps":[)" +
                                  natStep("WORKFLOW_START", time.toLatin1().constData(), "w0") +
                                  "," + natStep("WORKFLOW_END", "1700000001.0", "w0") + "]}]",
                              "1"),
                     "2"));
        const QString message = testsupport::importFailure(m_ws, folder);
        QVERIFY2(message.contains("all_requests_profiler_traces.json: request 0, step 0: " + said),
                 qPrintable(message));
    }

    // One rule each, counted: a NUL in a name becomes U+FFFD (SQLite's readers stopped at it); an
    // attribute value that is not its kind (a bare NaN, an object for a string) is stored as null
    // so the attributes stay JSON SQLite accepts; a short hex id is padded with a warning, a long
    // one skips the span.
    void garbageValuesFollowOneRule() {
        const QString input = m_tmp.filePath("garbage.jsonl");
        std::string text;
        const char *values[] = {R"({"doubleValue":NaN})", R"({"stringValue":{"a":1}})",
                                R"({"bytesValue":[1]})", R"({"doubleValue":"NaN"})"};
        for (int i = 0; i < 4; ++i)
            text +=
                std::string(
                    R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"00000000000000)") +
                std::to_string(10 + i) +
                "\",\"name\":\"a\\u0000b\"" + // a regular literal: moc mistakes \u in a raw one
                R"(,"startTimeUnixNano":"100","endTimeUnixNano":"200","attributes":[{"key":"v","value":)" +
                values[i] + "}]}]}]}]}\n";
        text +=
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"2a","name":"short","startTimeUnixNano":"100","endTimeUnixNano":"200"}]}]}]})"
            "\n";
        text +=
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708ff","name":"long","startTimeUnixNano":"100","endTimeUnixNano":"200"}]}]}]})"
            "\n";
        writeFile(input, text);
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        const ImportReport &r = runs.at(0).report;
        QCOMPARE(runs[0].spans, 5);
        QCOMPARE(r.warningCount("nul-in-name"), 4);
        QCOMPARE(r.warningCount("bad-attribute"), 3);
        QCOMPARE(r.warningCount("short-id"), 1);
        QCOMPARE(r.warningCount("bad-span"), 1);
        const auto id = runs[0].runId;
        QCOMPARE(testsupport::scalar(
                     ws,
                     "SELECT count(*) FROM spans WHERE run_id = ? AND name = 'a\xEF\xBF\xBD"
                     "b'",
                     id),
                 4);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM spans WHERE run_id = ? AND "
                                     "NOT json_valid(coalesce(span_attributes(attributes), '{}'))",
                                     id),
                 0);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM spans WHERE run_id = ? AND "
                                     "span_key = '000000000000002a'",
                                     id),
                 1);
    }

    // A string past limits::maxStringBytes is cut while the file streams in (a 1 GiB prompt
    // took 4.25 GB of memory; see docs/limits.md for the measured peak now).
    void overlongStringsAreCutAndCounted() {
        const QString input = m_tmp.filePath("long-tag.json");
        writeFile(input, R"([{"traceId":"a03ee8fff1dcd9b9","id":"15fc03927f0f68df","name":"p",)"
                         R"("timestamp":1571896375322000,"duration":14000,"tags":{"prompt":)"
                         "\"" + // moc misreads a raw string that ends in a quote
                             std::string(limits::maxStringBytes + 1000, 'x') +
                             "\"}}]");
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, input);
        QCOMPARE(runs.at(0).spans, 1);
        QCOMPARE(runs[0].report.warningCount("string-cut"), 1);
        QCOMPARE(testsupport::scalar(
                     ws,
                     "SELECT length(json_extract(span_attributes(attributes), '$.prompt')) FROM "
                     "spans WHERE run_id = ?",
                     runs[0].runId),
                 std::int64_t(limits::maxStringBytes +
                              std::string(" [cut: 16778216 bytes, longer than the limit]").size()));
        // NAT step lines are read in pieces through the same limiter.
        const QString steps = m_tmp.filePath("long-input.jsonl");
        writeFile(steps, replaced(natStep("WORKFLOW_START", "1700000000.0", "w0"),
                                  "\"" + std::string(limits::maxStringBytes + 5, 'y') + "\"") +
                             "\n" + replaced(natStep("WORKFLOW_END", "1700000001.0", "w0"), "2") +
                             "\n");
        const auto natRuns = testsupport::importPath(ws, steps);
        QCOMPARE(natRuns.at(0).spans, 1);
        QCOMPARE(natRuns[0].report.warningCount("string-cut"), 1);
    }

    // JSON lines that only mention "result" deeper down (NAT's ATOF event streams) are not
    // OTLP: a folder scan passes over them instead of failing the whole folder with "no spans".
    void jsonLinesWithoutOtlpKeysArePassedOver() {
        const QString folder = m_tmp.filePath("with-atof");
        for (const QString &name :
             QDir(testsupport::fixture("nat/parallel-newer")).entryList(QDir::Files))
            QVERIFY(QFile::copy(testsupport::fixture("nat/parallel-newer/") + name,
                                folder + "/" + name) ||
                    (QDir().mkpath(folder) &&
                     QFile::copy(testsupport::fixture("nat/parallel-newer/") + name,
                                 folder + "/" + name)));
        writeFile(folder + "/events_atof.jsonl",
                  R"({"kind":"scope","uuid":"a","data":{"result":7}})"
                  "\n"
                  R"({"kind":"scope","uuid":"b","data":{"result":8}})"
                  "\n");
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, folder);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].kind, std::string("nat-eval"));
    }
};

QTEST_GUILESS_MAIN(TstHostileInput)
#include "tst_hostileinput.moc"

// Broken trace dumps: ../shared/samples/bad/otel and damage made here (truncated lines, corrupt
// zstd, lying length prefixes, overlong lines, invalid UTF-8, wrong types, empty and binary
// files). A clear error naming the file and the place, or a counted skip, and a failed import
// leaves the workspace's bytes as they were.
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/limits.h"
#include "ingest/otlpmessages.h"
#include "store/importer.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <zstd.h>

using namespace spanscope;

namespace {

std::string line(int n, const std::string &trace = "0102030405060708090a0b0c0d0e0f10") {
    char id[17];
    std::snprintf(id, sizeof id, "%016x", n + 1);
    return R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":")" + trace +
           R"(","spanId":")" + id +
           R"(","name":"s","startTimeUnixNano":"100","endTimeUnixNano":"200"}]}]}]})";
}

// One span as an OTLP JSON line ("" parent: a root).
std::string spanLine(const std::string &trace, const std::string &id, const std::string &parent,
                     const std::string &name, int start, int end) {
    return R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":")" + trace +
           R"(","spanId":")" + id + R"(","parentSpanId":")" + parent + R"(","name":")" + name +
           R"(","startTimeUnixNano":")" + std::to_string(start) + R"(","endTimeUnixNano":")" +
           std::to_string(end) + "\"}]}]}]}\n";
}

QString write(const QTemporaryDir &dir, const QString &name, const std::string &bytes) {
    const QString path = dir.filePath(name);
    return testsupport::writeFile(path, QByteArray::fromStdString(bytes)) ? path : QString();
}

std::string frame(const std::string &json) {
    std::string z(ZSTD_compressBound(json.size()), '\0');
    z.resize(ZSTD_compress(z.data(), z.size(), json.data(), json.size(), 1));
    const auto n = static_cast<std::uint32_t>(z.size());
    std::string out{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                    static_cast<char>(n >> 8), static_cast<char>(n)};
    return out + z;
}

} // namespace

class TstOtelBadInput : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_ws;

    QString failure(const QString &path) { return testsupport::importFailure(m_ws, path); }
    std::vector<ImportedRun> imported(const QString &path) {
        Workspace ws(m_ws);
        return testsupport::importPath(ws, path);
    }

private slots:
    void init() {
        m_ws = m_tmp.filePath(QStringLiteral("w.spanscope"));
        QFile::remove(m_ws);
        Workspace ws(m_ws);
        testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/legacy-stream")));
    }

    void sharedBadSamples() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QDir bad(QDir(testsupport::samplesDir()).filePath(QStringLiteral("bad/otel")));
        const QString truncated =
            failure(bad.filePath(QStringLiteral("truncated-mid-json.otlp.json")));
        QVERIFY2(truncated.contains("truncated-mid-json.otlp.json: line 79, byte 1898") &&
                     truncated.contains("truncated"),
                 qPrintable(truncated));

        const auto backwards = imported(bad.filePath(QStringLiteral("end-before-start.otlp.json")));
        QCOMPARE(backwards[0].traces, 1);
        QVERIFY(backwards[0].report.warningCount("end-before-start") >= 1);

        const auto cut =
            imported(bad.filePath(QStringLiteral("last-frame-length-past-eof.collector-zstd.bin")));
        QCOMPARE(cut[0].spans, 18);
        QCOMPARE(cut[0].report.warningCount("truncated-file"), 1);
        const std::string example = cut[0].report.warnings().at("truncated-file").examples.front();
        QVERIFY2(example.find("offset 8783 claims 4636 bytes, 540 remain") != std::string::npos,
                 example.c_str());
    }

    void aBadLineIsSkippedAndTheRestKept() {
        QTemporaryDir dir;
        const std::string good0 = line(0), good2 = line(2);
        const QString path = write(dir, "x.jsonl",
                                   good0 + "\n" + line(1).substr(0, 40) + "\n" + good2 + "\n" +
                                       "{\"resourceSpans\": \"nope\"}\n");
        const auto runs = imported(path);
        QCOMPARE(runs[0].spans, 2);
        QCOMPARE(runs[0].report.warningCount("bad-message"), 2);
        const std::string first = runs[0].report.warnings().at("bad-message").examples.front();
        // The line starts after the first; the parse stopped at its end.
        const std::string where = "x.jsonl: line 2, byte " + std::to_string(good0.size() + 1 + 40);
        QVERIFY2(first.find(where) != std::string::npos, first.c_str());
    }

    void invalidUtf8LineIsSkipped() {
        QTemporaryDir dir;
        std::string broken = line(1);
        broken.replace(broken.find("\"s\""), 3, "\"\xff\xfe\"");
        const auto runs = imported(write(dir, "u.jsonl", line(0) + "\n" + broken + "\n"));
        QCOMPARE(runs[0].spans, 1);
        QCOMPARE(runs[0].report.warningCount("bad-message"), 1);
    }

    void nothingReadableIsAnError() {
        QTemporaryDir dir;
        const QString m =
            failure(write(dir, "all-bad.jsonl", "{\"resourceSpans\":[{]}\n{\"resourceSpans\":[\n"));
        QVERIFY2(m.contains("all-bad.jsonl") && m.contains("no line could be read") &&
                     m.contains("line 1"),
                 qPrintable(m));
    }

    void corruptZstdStreamNamesTheOffset() {
        QTemporaryDir dir;
        std::string text;
        for (int i = 0; i < 200; ++i)
            text += line(i) + "\n";
        std::string z(ZSTD_compressBound(text.size()), '\0');
        z.resize(ZSTD_compress(z.data(), z.size(), text.data(), text.size(), 3));
        for (std::size_t k = z.size() / 2; k < z.size() / 2 + 16; ++k)
            z[k] = static_cast<char>(z[k] ^ 0x5a);
        const QString m = failure(write(dir, "c.jsonl.zst", z));
        QVERIFY2(m.contains("c.jsonl.zst: byte") && m.contains("zstd"), qPrintable(m));
    }

    void corruptCollectorFrameIsAnError() {
        QTemporaryDir dir;
        std::string f2 = frame(line(1));
        f2[10] = static_cast<char>(f2[10] ^ 0xff);
        f2[11] = static_cast<char>(f2[11] ^ 0xff);
        const QString m = failure(write(dir, "f.bin", frame(line(0)) + f2));
        QVERIFY2(m.contains("f.bin: byte") && m.contains("frame 2"), qPrintable(m));
    }

    void lengthPrefixPastTheEnd() {
        QTemporaryDir dir;
        std::string last = frame(line(1));
        last.resize(last.size() - 5);
        const auto runs = imported(write(dir, "t.bin", frame(line(0)) + last));
        QCOMPARE(runs[0].spans, 1);
        QCOMPARE(runs[0].report.warningCount("truncated-file"), 1);
        // A first frame that is cut leaves nothing usable: an error.
        std::string only = frame(line(0));
        only.resize(only.size() - 3);
        const QString m = failure(write(dir, "t2.bin", only));
        QVERIFY2(m.contains("t2.bin") && m.contains("no spans"), qPrintable(m));
    }

    void overlongLineIsSkippedWithBoundedMemory() {
        // The limit is a parameter so a test can show the behaviour of a 1 GB line with 3 MB.
        QTemporaryDir dir;
        std::string huge = line(1);
        huge.insert(huge.find("\"name\":\"s\""), "\"pad\":\"" + std::string(3 << 20, 'x') + "\",");
        const QString path = write(dir, "h.jsonl", line(0) + "\n" + huge + "\n" + line(2) + "\n");
        ImportProgress progress;
        ImportReport report;
        OtlpMessages messages(path, "h.jsonl", OtlpMessages::Framing::JsonLines, progress, report,
                              1 << 20);
        OtlpMessages::Message m;
        std::vector<std::int64_t> lines;
        while (messages.next(m))
            lines.push_back(m.line);
        QCOMPARE(lines, (std::vector<std::int64_t>{1, 3}));
        QCOMPARE(report.warningCount("line-too-long"), 1);
    }

    void parentCyclesAreBrokenAndCounted() {
        QTemporaryDir dir;
        const std::string t = "0102030405060708090a0b0c0d0e0f10";
        const auto runs =
            imported(write(dir, "cycle.jsonl",
                           spanLine(t, "00000000000000a1", "00000000000000a2", "c", 1, 2) +
                               spanLine(t, "00000000000000a2", "00000000000000a1", "c", 1, 2)));
        QCOMPARE(runs[0].spans, 2);
        QCOMPARE(runs[0].report.warningCount("parent-cycle"), 1);
    }

    // Two spans with one id in a trace: the same content is kept once, different content under a
    // new id; the traces that had them are linked once they are settled, and what their link
    // finds (an orphan here) is counted once, in one message with the other traces'.
    void duplicateSpanIdsAreSettledAndCountedOnce() {
        QTemporaryDir dir;
        const std::string t1 = "0102030405060708090a0b0c0d0e0f10",
                          t2 = "0202030405060708090a0b0c0d0e0f10",
                          t3 = "0302030405060708090a0b0c0d0e0f10";
        const std::string r1 = "00000000000000a1", c = "00000000000000c1", r2 = "00000000000000a2",
                          d = "00000000000000d2", o = "00000000000000e2";
        const QString path =
            write(dir, "dups.jsonl",
                  spanLine(t1, c, r1, "child", 2, 3) + spanLine(t1, r1, "", "root1", 1, 10) +
                      spanLine(t1, c, r1, "child", 2, 3) + spanLine(t2, r2, "", "root2", 1, 10) +
                      spanLine(t2, d, r2, "first", 2, 3) + spanLine(t2, d, r2, "second", 4, 5) +
                      spanLine(t2, o, "00000000000000ff", "lost", 6, 7) +
                      spanLine(t3, "00000000000000f3", "00000000000000fe", "stray", 1, 2));
        Workspace ws(m_ws);
        const auto runs = testsupport::importPath(ws, path);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].spans, 7);
        QCOMPARE(runs[0].report.warningCount("duplicate-span"), 1);
        QCOMPARE(runs[0].report.warningCount("conflicting-span-id"), 1);
        // One orphan in a settled trace, one in a trace without duplicates: one message for both.
        QCOMPARE(runs[0].report.warningCount("orphan-spans"), 2);
        const std::string report = runs[0].report.toJson();
        QVERIFY2(report.find("2 spans name a parent") != std::string::npos, report.c_str());
        QVERIFY2(report.find("1 spans name a parent") == std::string::npos, report.c_str());
        // Parent of each span by name, and the renamed key.
        Statement st(ws.handle(),
                     "SELECT s.name, s.span_key, coalesce(p.name, '') FROM spans s "
                     "LEFT JOIN spans p ON p.id = s.parent_id WHERE s.run_id = ? ORDER BY s.name");
        st.bind(1, runs[0].runId);
        std::vector<std::string> rows;
        while (st.step())
            rows.push_back(st.text(0) + " " + st.text(1) + " <- " + st.text(2));
        const std::vector<std::string> expected{
            "child " + c + " <- root1",  "first " + d + " <- root2", "lost " + o + " <- root2",
            "root1 " + r1 + " <- ",      "root2 " + r2 + " <- ",     "second " + d + "#1 <- root2",
            "stray 00000000000000f3 <- "};
        QCOMPARE(rows, expected);
        Statement traces(ws.handle(),
                         "SELECT name, span_count FROM traces WHERE run_id = ? ORDER BY name");
        traces.bind(1, runs[0].runId);
        std::vector<std::string> summaries;
        while (traces.step())
            summaries.push_back(traces.text(0) + " " + std::to_string(traces.int64(1)));
        QCOMPARE(summaries, (std::vector<std::string>{"root1 2", "root2 4", "stray 1"}));
    }

    void emptyAndBinaryFiles() {
        QTemporaryDir dir;
        const QString empty = failure(write(dir, "e.json", ""));
        QVERIFY2(empty.contains("e.json") && empty.contains("empty"), qPrintable(empty));
        std::string junk;
        for (int i = 0; i < 4096; ++i)
            junk += static_cast<char>((i * 7919) & 0xff);
        const QString binary = failure(write(dir, "b.bin", junk));
        QVERIFY2(binary.contains("b.bin") && binary.contains("unknown format"), qPrintable(binary));
    }

    // Pretty-printed, a document's first line may open several values; its next lines are
    // indented. It is one document, not JSON lines whose first line is broken.
    void aPrettyPrintedDocumentIsNotJsonLines() {
        QTemporaryDir dir;
        QFile f(testsupport::fixture(QStringLiteral("otlp/proto-equivalent.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("{\"resourceSpans\":[{") && text.contains("\n {"));
        const auto runs = imported(write(dir, "pretty.json", text.toStdString()));
        QCOMPARE(runs[0].spans, 3);
        QCOMPARE(runs[0].report.warningCount("bad-message"), 0);
    }

    void wrongTypesInADocumentAreAnError() {
        QTemporaryDir dir;
        const QString m =
            failure(write(dir, "w.json", "{\n \"resourceSpans\": [{\"scopeSpans\": 7}]\n}\n"));
        QVERIFY2(m.contains("w.json: line 2, byte") && m.contains("not valid OTLP JSON"),
                 qPrintable(m));
    }

    // A zstd bomb (1.3 MB that expanded to 10.7 GB filled the disk) stops with an error once the
    // stream passes limits::maxExpansionRatio times the file (the floor is lowered here).
    void aZstdBombStopsAtTheExpansionLimit() {
        std::string lines;
        for (int i = 0; i < 200'000; ++i)
            lines += line(i % 4) + "\n";
        std::string z(ZSTD_compressBound(lines.size()), '\0');
        z.resize(ZSTD_compress(z.data(), z.size(), lines.data(), lines.size(), 19));
        QVERIFY(lines.size() / z.size() > limits::maxExpansionRatio);
        const QString path = write(m_tmp, "bomb.jsonl.zst", z);
        ImportProgress progress;
        ImportReport report;
        OtlpMessages messages(path, "bomb.jsonl.zst", OtlpMessages::Framing::ZstdJsonLines,
                              progress, report, OtlpMessages::defaultMaxMessageBytes, 1 << 20);
        QString error;
        std::int64_t read = 0;
        try {
            OtlpMessages::Message m;
            while (messages.next(m))
                ++read;
        } catch (const IngestError &e) {
            error = QString::fromUtf8(e.what());
        }
        QVERIFY2(error.contains("bomb.jsonl.zst: decompresses to more than") &&
                     error.contains("a zstd bomb or not a trace dump"),
                 qPrintable(error));
        QVERIFY(read < 200'000);
        // With the default floor (1 GiB) the same file is read whole: the limit is relative.
        OtlpMessages whole(path, "bomb.jsonl.zst", OtlpMessages::Framing::ZstdJsonLines, progress,
                           report);
        OtlpMessages::Message m;
        read = 0;
        while (whole.next(m))
            ++read;
        QCOMPARE(read, std::int64_t(200'000));
    }

    // No room on the workspace's disk: the import stops before writing, with what to do.
    void aFullDiskStopsTheImportCleanly() {
        const QString path = write(m_tmp, "ok.jsonl", line(1) + "\n");
        const QByteArray before = testsupport::workspaceDigest(m_ws);
        QString error;
        try {
            Workspace ws(m_ws);
            ImportProgress progress;
            ImportOptions options;
            options.minFreeBytes = std::uint64_t(1) << 62; // more than any disk has
            Importer(ws).importPath(path, options, progress);
        } catch (const StoreError &e) {
            error = QString::fromUtf8(e.what());
        }
        QVERIFY2(error.contains("MB free on the disk of") && error.contains("nothing was imported"),
                 qPrintable(error));
        QCOMPARE(testsupport::workspaceDigest(m_ws), before);
    }
};

QTEST_GUILESS_MAIN(TstOtelBadInput)
#include "tst_otelbadinput.moc"

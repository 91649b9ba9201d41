// Real-data conformance for the trace-dump readers: every file under ../shared/samples/otel
// imports with the counts of formats/otel.md section 9 (computed there by a script over each
// file; the table is read from the document, not copied), and with the span records this test
// counts in each plain JSON file itself.
#include "core/records.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <map>

using namespace spanscope;
using json = nlohmann::json;

namespace {

struct Row {
    QString file;
    int traces = 0, records = 0, ids = 0, roots = 0, orphans = 0;
    std::map<std::string, int> categories;
    std::int64_t prompt = -1, completion = -1;
};

std::vector<Row> expectedRows() {
    std::vector<Row> rows;
    QFile f(QDir(testsupport::samplesDir()).filePath(QStringLiteral("../formats/otel.md")));
    if (!f.open(QIODevice::ReadOnly)) return rows;
    const QString text = QString::fromUtf8(f.readAll());
    const QString section = text.mid(text.indexOf(QStringLiteral("## 9.")));
    for (const QString &line : section.split(QLatin1Char('\n'))) {
        const QStringList c = line.split(QLatin1Char('|'));
        if (c.size() < 10 || c[1].contains(QLatin1String("file")) ||
            c[1].contains(QLatin1String("---")) || c[1].contains(QLatin1String("../bad")))
            continue;
        Row r;
        r.traces = c[2].trimmed().toInt();
        r.records = c[3].trimmed().toInt();
        r.ids = c[4].trimmed().toInt();
        r.roots = c[5].trimmed().toInt();
        r.orphans = c[6].trimmed().toInt();
        for (const QString &part : c[7].split(QLatin1Char(','))) {
            const QStringList kv = part.trimmed().split(QLatin1Char(' '));
            if (kv.size() == 2) r.categories[kv[0].toStdString()] = kv[1].toInt();
        }
        const QStringList tokens = c[8].trimmed().split(QLatin1Char('/'));
        if (tokens.size() == 3) {
            r.prompt = tokens[0].toLongLong();
            r.completion = tokens[1].toLongLong();
        }
        // "otlp-hexids-combined.jsonl (and .jsonl.zst, .collector-zstd.bin)": three files.
        const QString name = c[1].trimmed();
        const QRegularExpression also(QStringLiteral("^(\\S+?)(\\.jsonl) \\(and (.*)\\)$"));
        const auto m = also.match(name);
        if (m.hasMatch()) {
            r.file = m.captured(1) + m.captured(2);
            rows.push_back(r);
            for (const QString &ext : m.captured(3).split(QStringLiteral(", "))) {
                r.file = m.captured(1) + ext.trimmed();
                rows.push_back(r);
            }
        } else {
            r.file = name;
            rows.push_back(r);
        }
    }
    return rows;
}

// Span objects in a plain JSON dump, counted with nlohmann (an implementation of its own).
int countRecords(const json &doc) {
    int n = 0;
    if (doc.is_array()) return static_cast<int>(doc.size()); // Zipkin, Phoenix
    if (doc.contains("data")) {
        for (const json &t : doc["data"])
            n += static_cast<int>(t["spans"].size());
        return n;
    }
    if (doc.contains("spans")) return static_cast<int>(doc["spans"].size());
    if (doc.contains("result")) return countRecords(doc["result"]);
    if (doc.contains("trace_requests")) {
        for (const json &r : doc["trace_requests"])
            n += countRecords(r["pbreq"]);
        return n;
    }
    for (const json &rs : doc.value("resourceSpans", json::array()))
        for (const json &ss : rs.value("scopeSpans", json::array()))
            n += static_cast<int>(ss["spans"].size());
    return n;
}

std::int64_t importOne(Workspace &ws, const QString &path) {
    const auto runs = testsupport::importPath(ws, path);
    return runs.size() == 1 ? runs[0].runId : -1;
}

} // namespace

class TstOtelSamples : public QObject {
    Q_OBJECT
private slots:
    void matchesTheDocumentedCounts_data() {
        QTest::addColumn<int>("index");
        if (testsupport::samplesDir().isEmpty()) {
            QTest::newRow("no samples") << -1;
            return;
        }
        const auto rows = expectedRows();
        for (std::size_t i = 0; i < rows.size(); ++i)
            QTest::newRow(qPrintable(rows[i].file)) << static_cast<int>(i);
    }
    void matchesTheDocumentedCounts() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(int, index);
        const Row r = expectedRows()[static_cast<std::size_t>(index)];
        const QString path = QDir(testsupport::samplesDir()).filePath("otel/" + r.file);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t run = importOne(ws, path);
        QVERIFY(run > 0);
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", run),
                 r.traces);
        const std::int64_t spans =
            testsupport::scalar(ws, "SELECT count(*) FROM spans WHERE run_id = ?", run);
        if (r.records == r.ids) {
            QCOMPARE(spans, r.records);
            QCOMPARE(
                testsupport::scalar(
                    ws, "SELECT count(*) FROM spans WHERE run_id = ? AND parent_key IS NULL", run),
                r.roots);
            QCOMPARE(testsupport::scalar(
                         ws, "SELECT count(*) FROM spans WHERE run_id = ? AND flags & 4", run),
                     r.orphans);
            const RunSummary s = summarize(RunQueries(ws).summaryInput(run));
            for (const auto &[category, n] : r.categories) {
                const auto it = s.spansByCategory.find(category);
                QCOMPARE(it == s.spansByCategory.end() ? 0 : it->second, std::int64_t(n));
            }
        } else {
            // Same id twice: identical copies are imported once, different spans both kept.
            QVERIFY2(spans >= r.ids && spans <= r.records, qPrintable(QString::number(spans)));
        }
        if (r.prompt >= 0) {
            const RunSummary s = summarize(RunQueries(ws).summaryInput(run));
            QCOMPARE(s.inputTokens, r.prompt);
            QCOMPARE(s.outputTokens, r.completion);
        }
        // The records counted here from the file itself agree with the table.
        if (!r.file.endsWith(QLatin1String(".zst")) && !r.file.endsWith(QLatin1String(".bin")) &&
            !r.file.endsWith(QLatin1String(".jsonl"))) {
            const json doc = testsupport::readJson(path);
            QCOMPARE(countRecords(doc), r.records);
        }
    }

    void oneContentThreeContainers() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QDir otel(QDir(testsupport::samplesDir()).filePath(QStringLiteral("otel")));
        for (const char *base :
             {"otlp2parquet-traces.protojson-base64ids", "otlp-hexids-combined"}) {
            QTemporaryDir tmp;
            Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
            std::vector<std::string> dumps;
            for (const char *ext : {".jsonl", ".jsonl.zst", ".collector-zstd.bin"}) {
                const std::int64_t run =
                    importOne(ws, otel.filePath(QString::fromLatin1(base) + ext));
                std::string dump;
                Statement st(
                    ws.handle(),
                    "SELECT t.trace_key, s.span_key, coalesce(p.span_key, '-'), s.name, "
                    "s.start_ns, "
                    "s.end_ns, s.flags, coalesce(span_attributes(s.attributes), '') FROM spans s "
                    "JOIN traces t ON "
                    "t.id = s.trace_id LEFT JOIN spans p ON p.id = s.parent_id WHERE s.run_id = ? "
                    "ORDER BY 1, 2");
                st.bind(1, run);
                while (st.step())
                    for (int c = 0; c < 8; ++c)
                        dump += st.text(c) + (c == 7 ? "\n" : "|");
                dumps.push_back(dump);
            }
            QVERIFY(!dumps[0].empty());
            QVERIFY2(dumps[0] == dumps[1], base);
            QVERIFY2(dumps[0] == dumps[2], base);
        }
    }

    void natExportMatchesTheNatFolder() {
        // The same run as NAT's OpenTelemetry exporter sends it: the same calls, tokens and
        // times, less the 8 calls that timed out (they never reach an exporter).
        SPANSCOPE_REQUIRE_SAMPLES();
        const QDir samples(testsupport::samplesDir());
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t otel = importOne(
            ws, samples.filePath(QStringLiteral("otel/nat-aiq-v1-c8.collector-zstd.bin")));
        const std::int64_t nat = importOne(ws, samples.filePath(QStringLiteral("nat/aiq-v1-c8")));
        const RunSummary a = summarize(RunQueries(ws).summaryInput(otel));
        const RunSummary b = summarize(RunQueries(ws).summaryInput(nat));
        QCOMPARE(a.spans, b.spans - b.unfinishedSpans);
        QCOMPARE(a.requests, b.requests);
        QCOMPARE(a.llmCalls, b.llmCalls);
        QCOMPARE(a.inputTokens, b.inputTokens);
        QCOMPARE(a.outputTokens, b.outputTokens);
        QVERIFY(std::fabs(*a.llmP95 - *b.llmP95) < 1e-6);
        QVERIFY(std::fabs(*a.latencyMax - *b.latencyMax) < 1e-6);
        QCOMPARE(a.spansByCategory.at("chain"), b.spansByCategory.at("function"));
    }

    void clockSkewIsCounted() {
        // zipkin-lens-skew.json: a server span that starts before its client parent.
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(
            ws,
            QDir(testsupport::samplesDir()).filePath(QStringLiteral("otel/zipkin-lens-skew.json")));
        QVERIFY(runs[0].report.noteCount("spans outside their parent's interval (clock skew)") > 0);
    }

    void aFolderOfDumpsImportsEveryFile() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(
            ws, QDir(testsupport::samplesDir()).filePath(QStringLiteral("otel")));
        int files = 0;
        for (const QString &f :
             QDir(QDir(testsupport::samplesDir()).filePath(QStringLiteral("otel")))
                 .entryList(QDir::Files))
            files += !f.endsWith(QLatin1String(".md"));
        QCOMPARE(static_cast<int>(runs.size()), files);
    }
};

QTEST_GUILESS_MAIN(TstOtelSamples)
#include "tst_otelsamples.moc"

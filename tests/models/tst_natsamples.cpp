// Real-data conformance: every NAT folder under ../shared/samples/nat imports to what the
// independent reference (EXPECTED.jsonl, written by ../shared/tools/nat-expect) says, and to
// counts this test computes from the files themselves.
#include "analysis/runsummary.h"
#include "core/category.h"
#include "core/records.h"
#include "ingest/decimaltime.h"
#include "natexpect.h"
#include "store/importer.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <map>
#include <optional>
#include <set>

using namespace spanscope;
using json = nlohmann::json;

namespace {

std::int64_t runFor(Workspace &ws, const QString &folder) {
    const auto runs = testsupport::importPath(ws, folder);
    const QString wanted = QDir(folder).canonicalPath();
    for (const auto &r : runs)
        if (QDir(QString::fromStdString(r.sourcePath)).canonicalPath() == wanted) return r.runId;
    return -1;
}

// The profiler file's requests and steps counted directly, with START steps per NAT kind.
struct RawCounts {
    std::size_t requests = 0, steps = 0;
    std::map<std::string, std::int64_t> startsByKind;
};
RawCounts countRaw(const QString &file) {
    RawCounts c;
    const json doc = testsupport::readJson(file);
    c.requests = doc.size();
    for (const auto &req : doc)
        for (const auto &step : req["intermediate_steps"]) {
            ++c.steps;
            const std::string type = step["payload"]["event_type"];
            if (type.size() > 6 && type.compare(type.size() - 6, 6, "_START") == 0)
                c.startsByKind[type.substr(0, type.size() - 6)]++;
        }
    return c;
}

} // namespace

class TstNatSamples : public QObject {
    Q_OBJECT
private slots:
    void matchesReference_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QByteArray>("expected");
        const QString samples = testsupport::samplesDir();
        if (samples.isEmpty()) {
            QTest::newRow("no samples") << QString() << QByteArray();
            return;
        }
        // The LangChain samples, and the CrewAI and AutoGen ones (NAT 1.4-1.8, issue 17).
        for (const char *name : {"nat/EXPECTED.jsonl", "nat/EXPECTED-frameworks.jsonl"}) {
            QFile f(QDir(samples).filePath(QLatin1String(name)));
            QVERIFY2(f.open(QIODevice::ReadOnly), name);
            while (!f.atEnd()) {
                const QByteArray line = f.readLine().trimmed();
                if (line.isEmpty()) continue;
                const json row = json::parse(line.constData());
                const QString rel = QString::fromStdString(row["folder"].get<std::string>()).mid(2);
                QTest::newRow(qPrintable(rel)) << QDir(samples).filePath("nat/" + rel) << line;
            }
        }
    }

    void matchesReference() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, folder);
        QFETCH(QByteArray, expected);
        const json exp = json::parse(expected.constData());
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t run = runFor(ws, folder);
        QVERIFY2(run > 0, "the folder did not become a run");

        testsupport::checkAgainstNatExpect(ws, run, exp);
        if (QTest::currentTestFailed()) return;

        // Counts computed here from the profiler file itself: every START is one span.
        const QString profiler =
            QDir(folder).filePath(QStringLiteral("all_requests_profiler_traces.json"));
        if (QFile::exists(profiler)) {
            const RawCounts raw = countRaw(profiler);
            QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", run),
                     std::int64_t(raw.requests));
            QCOMPARE(testsupport::scalar(
                         ws, "SELECT sum(source_steps) FROM traces WHERE run_id = ?", run),
                     std::int64_t(raw.steps));
            for (const auto &[kind, n] : raw.startsByKind) {
                Category c;
                QVERIFY(categoryFromNatKind(kind, c));
                Statement st(ws.handle(),
                             "SELECT count(*) FROM spans WHERE run_id = ? AND category = ?");
                st.bind(1, run).bind(2, static_cast<int>(c));
                QVERIFY(st.step());
                QCOMPARE(st.int64(0), n);
            }
        }
    }

    // Every framework NAT 1.4-1.8 records, as nat-synth writes it (the same agent and timeline
    // through each framework's callback handler), imports to what nat-expect says: the whole
    // folder, and its workflow_output.json alone (END steps only: where a framework's END gives
    // no start, the span's start is unknown).
    void generatedFrameworksMatchNatExpect_data() {
        QTest::addColumn<QString>("framework");
        QTest::addColumn<bool>("endsOnly");
        for (const char *fw : {"langchain", "llama_index", "crewai", "adk", "agno",
                               "semantic_kernel", "autogen", "strands"})
            for (const bool endsOnly : {false, true})
                QTest::newRow(qPrintable(QStringLiteral("%1%2").arg(
                    QLatin1String(fw), endsOnly ? QStringLiteral(" ends only") : QString())))
                    << QString::fromLatin1(fw) << endsOnly;
    }

    void generatedFrameworksMatchNatExpect() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, framework);
        QFETCH(bool, endsOnly);
        const QString tools = QDir(testsupport::samplesDir()).filePath(QStringLiteral("../tools"));
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is absent: ../shared/tools/nat-synth cannot write the folders");
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(framework);
        const auto run = [&](const QString &tool, const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral("python3"), QStringList{QDir(tools).filePath(tool)} + args);
            p.waitForFinished(120000);
            if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
                qWarning("%s: %s", qPrintable(tool), p.readAllStandardError().constData());
            return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0
                       ? std::optional<QByteArray>(p.readAllStandardOutput())
                       : std::nullopt;
        };
        QVERIFY(
            run(QStringLiteral("nat-synth"),
                {QStringLiteral("eval"), folder, QStringLiteral("--framework"), framework,
                 QStringLiteral("--requests"), QStringLiteral("6"), QStringLiteral("--concurrency"),
                 QStringLiteral("3"), QStringLiteral("--timeout-rate"), QStringLiteral("0.15"),
                 QStringLiteral("--brief")})
                .has_value());
        if (endsOnly) // the profiler's files go; workflow_output.json is the span source
            for (const char *f : {"all_requests_profiler_traces.json", "standardized_data_all.csv"})
                QFile::remove(QDir(folder).filePath(QLatin1String(f)));
        const QByteArray expected =
            run(QStringLiteral("nat-expect"), {folder}).value_or(QByteArray());
        QVERIFY(!expected.isEmpty());
        const json exp = json::parse(expected.split('\n').first().constData());
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t r = runFor(ws, folder);
        QVERIFY2(r > 0, "the folder did not become a run");
        testsupport::checkAgainstNatExpect(ws, r, exp);
    }

    // Cached and reasoning tokens (NAT 1.4+) are parts of the prompt and completion tokens:
    // the summary gives them per model, summed from the file's LLM_END steps here, and the
    // cache hit ratio is cached over prompt tokens; the prompt totals stay what nat-expect says.
    void cachedTokensArePartsOfThePromptPerModel() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QString folder =
            QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat/aiq-v1-c8"));
        std::map<std::string, std::int64_t> cached, reasoning;
        for (const auto &req : testsupport::readJson(
                 QDir(folder).filePath(QStringLiteral("all_requests_profiler_traces.json"))))
            for (const auto &step : req["intermediate_steps"]) {
                const json &p = step["payload"];
                if (p["event_type"] != "LLM_END") continue;
                const json &tu = p["usage_info"]["token_usage"];
                cached[p["name"]] += tu.value("cached_tokens", std::int64_t{0});
                reasoning[p["name"]] += tu.value("reasoning_tokens", std::int64_t{0});
            }
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t run = runFor(ws, folder);
        const RunSummary sum = summarize(RunQueries(ws).summaryInput(run));
        QCOMPARE(sum.modelTokens.size(), cached.size());
        std::int64_t anyCached = 0;
        for (const ModelTokens &m : sum.modelTokens) {
            QCOMPARE(m.cachedTokens, cached[m.model]);
            QCOMPARE(m.reasoningTokens, reasoning[m.model]);
            QVERIFY(m.cachedTokens <= m.inputTokens);
            QCOMPARE(*m.cacheHitRatio(),
                     static_cast<double>(m.cachedTokens) / static_cast<double>(m.inputTokens));
            anyCached += m.cachedTokens;
        }
        QVERIFY(anyCached > 0); // the sample has cache hits: the test can tell a sum from a zero
    }

    void fileExporterImportsToTheSameSpans() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QDir nat(QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat")));
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t a = runFor(ws, nat.filePath(QStringLiteral("aiq-v1-c8")));
        const std::int64_t b = runFor(ws, nat.filePath(QStringLiteral("file-exporter-aiq-v1-c8")));
        const auto spans = [&](std::int64_t run) {
            std::multiset<std::string> out;
            Statement st(ws.handle(),
                         "SELECT s.span_key, s.start_ns, s.end_ns, s.category, s.flags, "
                         "coalesce(s.input_tokens, -1), coalesce(p.span_key, '') FROM spans s "
                         "LEFT JOIN spans p ON p.id = s.parent_id WHERE s.run_id = ?");
            st.bind(1, run);
            while (st.step())
                out.insert(st.text(0) + " " + std::to_string(st.int64(1)) + " " +
                           std::to_string(st.int64(2)) + " " + std::to_string(st.int64(3)) + " " +
                           std::to_string(st.int64(4)) + " " + std::to_string(st.int64(5)) + " " +
                           st.text(6));
            return out;
        };
        const auto sa = spans(a), sb = spans(b);
        QCOMPARE(sa.size(), std::size_t(516));
        QVERIFY(sa == sb);
    }

    void csvAloneImportsTheSameSpans() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QDir nat(QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat")));
        for (const char *name : {"aiq-v1-c8", "aiq-stream-legacy-c2"}) {
            QTemporaryDir tmp;
            QVERIFY(
                QFile::copy(nat.filePath(QString::fromLatin1(name) + "/standardized_data_all.csv"),
                            tmp.filePath(QStringLiteral("standardized_data_all.csv"))));
            Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
            const std::int64_t csv = runFor(ws, tmp.path());
            const std::int64_t full = runFor(ws, nat.filePath(QString::fromLatin1(name)));
            for (const char *sql :
                 {"SELECT count(*) FROM spans WHERE run_id = ?",
                  "SELECT count(*) FROM traces WHERE run_id = ?",
                  "SELECT sum(input_tokens) FROM spans WHERE run_id = ? AND category = 4 AND NOT "
                  "flags & 2",
                  "SELECT sum(end_ns - start_ns) FROM spans WHERE run_id = ? AND NOT flags & 2",
                  "SELECT count(*) FROM spans WHERE run_id = ? AND parent_id IS NULL"})
                QCOMPARE(testsupport::scalar(ws, sql, csv), testsupport::scalar(ws, sql, full));
        }
    }

    void documentDigitizerDurationsAgreeWithNat() {
        // NAT's own node metrics were computed from START steps this folder lacks; our spans
        // come from END steps, whose starts lie a few ms later: within 10 ms (formats/nat.md).
        SPANSCOPE_REQUIRE_SAMPLES();
        const QDir folder(
            QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat/document-digitizer")));
        const json metrics = testsupport::readJson(
            folder.filePath(QStringLiteral("workflow_profiling_metrics.json")));
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const std::int64_t run = runFor(ws, folder.path());
        int compared = 0;
        for (const auto &[uuid, node] : metrics["nested_stack_analysis"]["node_metrics"].items()) {
            Statement st(ws.handle(),
                         "SELECT end_ns - start_ns FROM spans WHERE run_id = ? AND span_key = ?");
            st.bind(1, run).bind(2, std::string_view(uuid));
            QVERIFY2(st.step(), uuid.c_str());
            const double ours = static_cast<double>(st.int64(0)) / 1e9;
            QVERIFY2(std::fabs(ours - node["duration"].get<double>()) <= 0.010, uuid.c_str());
            ++compared;
        }
        QCOMPARE(compared, 7);
    }
};

QTEST_GUILESS_MAIN(TstNatSamples)
#include "tst_natsamples.moc"

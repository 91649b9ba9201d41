// Golden tests over the project's own small NAT folders (tests/fixtures/nat): the canonical
// dump of what the workspace holds after an import, compared with a golden text file.
#include "analysis/natoperations.h"
#include "analysis/predictiontrie.h"
#include "core/category.h"
#include "store/evalqueries.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <functional>
#include <map>
#include <sstream>

using namespace spanscope;

namespace {

std::string rel(std::int64_t ns, std::int64_t base) {
    char buf[64];
    const std::int64_t d = ns - base;
    std::snprintf(buf, sizeof buf, "%s%lld.%09lld", d < 0 ? "-" : "+",
                  std::llabs(d) / 1'000'000'000LL, std::llabs(d) % 1'000'000'000LL);
    return buf;
}

std::string dump(Workspace &ws, std::int64_t run) {
    std::ostringstream o;
    sqlite3 *db = ws.handle();
    const RunInfo info = *ws.run(run);
    const std::int64_t base = info.startNs.value_or(0);
    o << "run kind=" << info.kind << " traces=" << info.traceCount << " spans=" << info.spanCount
      << " start=" << base << " end=" << rel(info.endNs.value_or(0), base) << "\n";
    Statement traces(
        db, "SELECT id, ordinal, trace_key, coalesce(item_key, '-'), name, span_count, llm_calls, "
            "input_tokens, output_tokens, error_count, unfinished_count, source_steps "
            "FROM traces WHERE run_id = ? ORDER BY ordinal");
    traces.bind(1, run);
    while (traces.step()) {
        o << "trace #" << traces.int64(1) << " key=" << traces.text(2) << " item=" << traces.text(3)
          << " name=" << traces.text(4) << " spans=" << traces.int64(5)
          << " llm=" << traces.int64(6) << " tokens=" << traces.int64(7) << "/" << traces.int64(8)
          << " errors=" << traces.int64(9) << " unfinished=" << traces.int64(10)
          << " steps=" << traces.int64(11) << "\n";
        struct Row {
            std::int64_t id, parent;
            std::string line;
            std::int64_t start;
        };
        std::vector<Row> rows;
        Statement spans(
            db,
            "SELECT id, coalesce(parent_id, 0), span_key, name, category, start_ns, end_ns, flags, "
            "coalesce(model, '-'), coalesce(input_tokens, -1), coalesce(output_tokens, -1), "
            "chunk_count, coalesce(span_attributes(attributes), '') FROM spans WHERE trace_id = ?");
        spans.bind(1, traces.int64(0));
        while (spans.step()) {
            std::ostringstream l;
            l << "[" << rel(spans.int64(5), base) << " .. " << rel(spans.int64(6), base) << "] "
              << categoryName(static_cast<Category>(spans.int64(4))) << " " << spans.text(3) << " ("
              << spans.text(2) << ") flags=" << spans.int64(7) << " model=" << spans.text(8)
              << " tokens=" << spans.int64(9) << "/" << spans.int64(10)
              << " chunks=" << spans.int64(11) << " attrs=" << spans.text(12);
            const std::string payload = RunQueries(ws).spanPayload(spans.int64(0));
            if (!payload.empty()) l << "\n      payload=" << payload;
            rows.push_back({spans.int64(0), spans.int64(1), l.str(), spans.int64(5)});
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            return std::tie(a.start, a.id) < std::tie(b.start, b.id);
        });
        std::function<void(std::int64_t, int)> tree = [&](std::int64_t parent, int depth) {
            for (const Row &r : rows)
                if (r.parent == parent) {
                    o << std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') << r.line
                      << "\n";
                    tree(r.id, depth + 1);
                }
        };
        tree(0, 0);
    }
    Statement items(
        db, "SELECT item_key, ordinal, coalesce(question, '-'), coalesce(expected_answer, '-'), "
            "coalesce(generated_answer, '-') FROM eval_items WHERE run_id = ? ORDER BY ordinal");
    items.bind(1, run);
    while (items.step())
        o << "item " << items.text(0) << " #" << items.int64(1) << " q=" << items.text(2)
          << " a=" << items.text(3) << " generated=" << items.text(4) << "\n";
    Statement scores(db, "SELECT evaluator, item_key, score, coalesce(reasoning, '-') FROM "
                         "eval_scores WHERE run_id = ? ORDER BY id");
    scores.bind(1, run);
    while (scores.step())
        o << "score " << scores.text(0) << " item=" << scores.text(1) << " " << scores.real(2)
          << " " << scores.text(3) << "\n";
    Statement metrics(db, "SELECT name, value, lower, upper, coalesce(unit, '') FROM run_metrics "
                          "WHERE run_id = ? ORDER BY id");
    metrics.bind(1, run);
    while (metrics.step()) {
        o << "metric " << metrics.text(0) << " = " << metrics.real(1);
        if (!metrics.isNull(2)) o << " [" << metrics.real(2) << ", " << metrics.real(3) << "]";
        o << " " << metrics.text(4) << "\n";
    }
    Statement files(db, "SELECT relative_path, role, size, content IS NOT NULL FROM run_files "
                        "WHERE run_id = ? ORDER BY relative_path");
    files.bind(1, run);
    while (files.step())
        o << "file " << files.text(0) << " role=" << files.text(1) << " size=" << files.int64(2)
          << (files.int64(3) ? " kept" : "") << "\n";
    o << "report " << info.reportJson << "\n";
    return o.str();
}

// One NAT file-exporter line: a step of workflow "w" at 1763990400 + t seconds.
QByteArray stepLine(const char *type, const char *uuid, const char *parent, double t) {
    const nlohmann::json step = {{"parent_id", parent},
                                 {"function_ancestry",
                                  {{"function_id", "w"},
                                   {"function_name", "wf"},
                                   {"parent_id", "root"},
                                   {"parent_name", "root"}}},
                                 {"payload",
                                  {{"event_type", type},
                                   {"event_timestamp", 1763990400.0 + t},
                                   {"name", "n"},
                                   {"UUID", uuid}}}};
    return QByteArray::fromStdString(step.dump()) + '\n';
}

} // namespace

class TstNatFixtures : public QObject {
    Q_OBJECT
private slots:
    void golden_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("parallel-newer") << "parallel-newer";
        QTest::newRow("legacy-stream") << "legacy-stream";
    }
    void golden() {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, testsupport::fixture("nat/" + name));
        QCOMPARE(runs.size(), std::size_t(1));
        QString message;
        QVERIFY2(testsupport::matchesGolden(testsupport::fixture("nat/" + name + ".golden.txt"),
                                            QByteArray::fromStdString(dump(ws, runs[0].runId)),
                                            &message),
                 qPrintable(message));
    }

    // NAT 1.5+ with a caller's id as the top parent_id, in the file exporter's lines (requests
    // interleaved): each request is still its own, rooted at its workflow, and nests. The same
    // caller id on both requests (a fixed header) must not merge them.
    void callerParentIdsKeepRequestsApart() {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("steps.jsonl"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const auto line = [&](const char *type, const char *uuid, const char *parent, double t) {
            f.write(stepLine(type, uuid, parent, t));
        };
        line("WORKFLOW_START", "w1", "caller-7f3a", 0);
        line("WORKFLOW_START", "w2", "caller-7f3a", 0.5);
        line("LLM_START", "a1", "w1", 1);
        line("LLM_START", "a2", "w2", 1.5);
        line("LLM_END", "a1", "w1", 2);
        line("LLM_END", "a2", "w2", 2.5);
        line("WORKFLOW_END", "w1", "caller-7f3a", 3);
        line("WORKFLOW_END", "w2", "caller-7f3a", 3.5);
        f.close();
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, file);
        QCOMPARE(runs.size(), std::size_t(1));
        const std::int64_t run = runs[0].runId;
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", run), 2);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM spans WHERE run_id = ? AND "
                                     "parent_id IS NULL",
                                     run),
                 2); // the two workflows; each LLM call under its own
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM spans c JOIN spans p ON p.id = "
                                     "c.parent_id WHERE c.run_id = ? AND substr(c.span_key, 2) = "
                                     "substr(p.span_key, 2)",
                                     run),
                 2);
        QCOMPARE(testsupport::scalar(
                     ws, "SELECT count(*) FROM spans WHERE run_id = ? AND flags & 4", run),
                 0); // no orphans
    }

    // NAT's file exporter rolls steps.jsonl over to steps_<YYYYmmdd_HHMMSS_ffffff>.jsonl: the
    // rolled files and the current one are one run, read oldest first, so a request that spans
    // them pairs its START and END. Given the current file alone, or the folder, alike.
    void rolledStepFilesAreOneRun() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        const auto write = [&](const char *name, const QByteArray &bytes) {
            return testsupport::writeFile(dir.filePath(QLatin1String(name)), bytes);
        };
        QVERIFY(write("steps_20251124_132000_000001.jsonl",
                      stepLine("WORKFLOW_START", "w1", "root", 0) +
                          stepLine("LLM_START", "a1", "w1", 1)));
        QVERIFY(write("steps_20251124_132500_000002.jsonl",
                      stepLine("LLM_END", "a1", "w1", 2) +
                          stepLine("WORKFLOW_START", "w2", "root", 3)));
        QVERIFY(write("steps.jsonl", stepLine("WORKFLOW_END", "w1", "root", 4) +
                                         stepLine("WORKFLOW_END", "w2", "root", 5)));
        QVERIFY(write("other.jsonl", stepLine("WORKFLOW_START", "x", "root", 9) +
                                         stepLine("WORKFLOW_END", "x", "root", 10)));
        for (const QString &path :
             {dir.filePath(QStringLiteral("steps.jsonl")),
              dir.filePath(QStringLiteral("steps_20251124_132000_000001.jsonl"))}) {
            Workspace ws(tmp.filePath(QStringLiteral("w-%1.spanscope").arg(path.size())));
            const auto runs = testsupport::importPath(ws, path);
            QCOMPARE(runs.size(), std::size_t(1));
            const std::int64_t run = runs[0].runId;
            QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", run),
                     2);
            QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans WHERE run_id = ?", run),
                     3);
            QCOMPARE(testsupport::scalar(
                         ws, "SELECT count(*) FROM spans WHERE run_id = ? AND flags & 2", run),
                     0); // every START met its END across the files
            QCOMPARE(testsupport::scalar(ws,
                                         "SELECT count(*) FROM run_files WHERE run_id = ? AND "
                                         "role = 'spans'",
                                         run),
                     3); // other.jsonl is another exporter's file, not part of this run
        }
    }

    // NAT 1.5+ items: an `error` where the workflow raised (null where it ran fine), NaN scores
    // written as null (a missing score, not zero), and the dataset row's own fields copied in:
    // kept with the item, shown by the Items view.
    void itemErrorsAndDatasetFieldsAreKept() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        const nlohmann::json items = {{{"id", "q-1"},
                                       {"question", "Why?"},
                                       {"answer", "Because."},
                                       {"generated_answer", "So."},
                                       {"intermediate_steps", nlohmann::json::array()},
                                       {"error", nullptr},
                                       {"difficulty", "hard"},
                                       {"source", {{"page", 4}}}},
                                      {{"id", "q-2"},
                                       {"question", "How?"},
                                       {"answer", "Thus."},
                                       {"generated_answer", nullptr},
                                       {"intermediate_steps", nlohmann::json::array()},
                                       {"error", "ValueError: the tool returned nothing"},
                                       {"difficulty", "easy"}}};
        const nlohmann::json scores = {
            {"average_score", 0.5},
            {"eval_output_items",
             {{{"id", "q-1"}, {"score", 0.5}, {"reasoning", "ok"}},
              {{"id", "q-2"}, {"score", nullptr}, {"reasoning", "NaN"}}}}};
        for (const auto &[name, doc] :
             {std::pair{"workflow_output.json", items}, std::pair{"accuracy_output.json", scores}})
            QVERIFY(testsupport::writeFile(dir.filePath(QLatin1String(name)),
                                           QByteArray::fromStdString(doc.dump())));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        const auto rows = EvalQueries(ws).items(runs[0].runId);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].error, std::string());
        QCOMPARE(rows[1].error, std::string("ValueError: the tool returned nothing"));
        const auto fields = nlohmann::json::parse(rows[0].attributesJson);
        QCOMPARE(fields["difficulty"].get<std::string>(), std::string("hard"));
        QCOMPARE(fields["source"]["page"].get<int>(), 4);
        QVERIFY(!fields.contains("question") && !fields.contains("error"));
        QCOMPARE(rows[0].item.scores.at("accuracy"), 0.5);
        QVERIFY(!rows[1].item.scores.count("accuracy")); // null: missing, not 0
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM eval_scores WHERE run_id = ?",
                                     runs[0].runId),
                 1);
    }

    // Newer NAT's other files: the configuration (config_original.yml, config_effective.yml,
    // config_metadata.json) and prediction_trie.json are kept whole to read; fitted_model.pkl is
    // kept as an attachment, byte for byte, never unpickled. A profiler-only folder (no
    // evaluator ran, so no workflow_output.json, as NAT 1.6+ writes) is a run.
    void newerFilesAreKeptWithTheRun() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(QFile::copy(testsupport::fixture(QStringLiteral(
                                "nat/legacy-stream/all_requests_profiler_traces.json")),
                            dir.filePath(QStringLiteral("all_requests_profiler_traces.json"))));
        static const char raw[] = "\x80\x04\x95\x10\x00not a model, never unpickled.";
        const QByteArray pickle(raw, sizeof raw - 1); // with its NUL: kept as bytes
        // Larger than zstd's stream chunks: compressed a chunk at a time as it is read.
        QByteArray report;
        for (int i = 0; report.size() < 1'500'000; ++i)
            report += "node " + QByteArray::number(i) + " took " +
                      QByteArray::number(i * 7919 % 1000) + " ms\n";
        const std::map<QString, QByteArray> files = {
            {QStringLiteral("config_original.yml"), "llms:\n  nim_llm:\n    temperature: 0.0\n"},
            {QStringLiteral("config_effective.yml"), "llms:\n  nim_llm:\n    temperature: 0.2\n"},
            {QStringLiteral("config_metadata.json"),
             R"({"overrides": {"llms.nim_llm.temperature": 0.2}})"},
            {QStringLiteral("prediction_trie.json"), R"({"root": {"children": {}}})"},
            {QStringLiteral("fitted_model.pkl"), pickle},
            {QStringLiteral("workflow_profiling_report.txt"), report}};
        for (const auto &[name, bytes] : files)
            QVERIFY(testsupport::writeFile(dir.filePath(name), bytes));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(ws.run(runs[0].runId)->kind, std::string("nat-eval"));
        std::map<std::string, std::string> roles;
        for (const auto &f : RunQueries(ws).runFiles(runs[0].runId))
            roles[f.name] = f.role;
        QCOMPARE(roles["config_original.yml"], std::string("raw"));
        QCOMPARE(roles["config_effective.yml"], std::string("raw"));
        QCOMPARE(roles["config_metadata.json"], std::string("raw"));
        QCOMPARE(roles["prediction_trie.json"], std::string("raw"));
        QCOMPARE(roles["fitted_model.pkl"], std::string("attachment"));
        QCOMPARE(roles["all_requests_profiler_traces.json"], std::string("spans"));
        QCOMPARE(*RunQueries(ws).runFile(runs[0].runId, "config_effective.yml"),
                 files.at(QStringLiteral("config_effective.yml")).toStdString());
        QCOMPARE(*RunQueries(ws).runFile(runs[0].runId, "fitted_model.pkl"), pickle.toStdString());
        QCOMPARE(roles["workflow_profiling_report.txt"], std::string("raw"));
        QVERIFY(*RunQueries(ws).runFile(runs[0].runId, "workflow_profiling_report.txt") ==
                report.toStdString());
    }

    // prediction_trie.json (NAT 1.5+) as NAT serializes it: a row per prediction, depth first,
    // children and call indexes in order, "any index" where a node has no per-index ones;
    // missing or odd values read as absent; a deep file costs no recursion.
    void predictionTrieIsRead() {
        const auto metrics = [](int n, double mean) {
            return nlohmann::json{
                {"sample_count", n}, {"mean", mean}, {"p50", mean}, {"p90", mean}, {"p95", mean}};
        };
        const auto prediction = [&](double remaining, double iat, double tokens) {
            return nlohmann::json{{"remaining_calls", metrics(12, remaining)},
                                  {"interarrival_ms", metrics(12, iat)},
                                  {"output_tokens", metrics(12, tokens)}};
        };
        nlohmann::json second = prediction(1, 900, 300);
        second["latency_sensitivity"] = 4;
        const nlohmann::json doc = {
            {"version", "1.0"},
            {"workflow_name", "deep_research"},
            {"root",
             {{"name", "root"},
              {"predictions_by_call_index", nlohmann::json::object()},
              {"predictions_any_index", nullptr},
              {"children",
               {{"researcher",
                 {{"name", "researcher"},
                  {"predictions_by_call_index", {{"2", second}, {"1", prediction(2, 1500, 120)}}},
                  {"predictions_any_index", prediction(1.5, 1200, 200)},
                  {"children", nlohmann::json::object()}}},
                {"planner",
                 {{"name", "planner"},
                  {"predictions_by_call_index", nlohmann::json::object()},
                  {"predictions_any_index", {{"remaining_calls", "many"}}},
                  {"children", nlohmann::json::object()}}}}}}}};
        const auto trie = parsePredictionTrie(doc.dump());
        QVERIFY(trie);
        QCOMPARE(trie->workflow, std::string("deep_research"));
        QCOMPARE(trie->predictions.size(), std::size_t(3));
        QCOMPARE(trie->predictions[0].path, std::string("root/planner"));
        QCOMPARE(trie->predictions[0].callIndex, 0); // any index; its odd value read as absent
        QCOMPARE(trie->predictions[0].remainingCalls, 0.0);
        QCOMPARE(trie->predictions[1].path, std::string("root/researcher"));
        QCOMPARE(trie->predictions[1].callIndex, 1);
        QCOMPARE(trie->predictions[1].interarrivalMs, 1500.0);
        QCOMPARE(trie->predictions[1].samples, std::int64_t(12));
        QVERIFY(!trie->predictions[1].sensitivity);
        QCOMPARE(trie->predictions[2].callIndex, 2);
        QCOMPARE(*trie->predictions[2].sensitivity, 4);
        QVERIFY(!parsePredictionTrie(R"({"nodes": []})"));
        QVERIFY(!parsePredictionTrie("not json"));
        std::string deep = R"({"root": )";
        for (int k = 0; k < 20000; ++k)
            deep += R"({"name": "n", "children": {"c": )";
        deep += "{}";
        for (int k = 0; k < 20000; ++k)
            deep += "}}";
        deep += "}";
        const auto deepTrie = parsePredictionTrie(deep);
        QVERIFY(deepTrie);
        QCOMPARE(deepTrie->predictions.size(), std::size_t(0));
    }

    // NAT's simple_stack_analysis stats: read by operation, highest score first, the kind and
    // name from the key where the entry leaves them out, odd entries left out; the measured
    // side counts finished LLM and tool calls only.
    void natOperationsAreRead() {
        const auto ops = natReportedOperations(
            R"({"TOOL:search": {"usage_count": 4, "avg_duration": 1.5, "bottleneck_score": 2},
                "LLM:llama": {"operation_type": "LLM", "operation_name": "llama",
                              "usage_count": 9, "avg_duration": 3.0, "p95_duration": 5.0,
                              "max_concurrency": 3, "bottleneck_score": 7.5},
                "odd": 17})");
        QCOMPARE(ops.size(), std::size_t(2));
        QCOMPARE(ops[0].name, std::string("llama"));
        QCOMPARE(ops[0].p95S, 5.0);
        QCOMPARE(*ops[0].maxConcurrency, 3);
        QCOMPARE(ops[1].kind, std::string("TOOL"));
        QCOMPARE(ops[1].name, std::string("search"));
        QVERIFY(!ops[1].maxConcurrency);
        QVERIFY(natReportedOperations("[1, 2]").empty());
        std::vector<NatCall> calls = {{0, "a", "LLM", "m", 0, 2'000'000'000, true, 0, 1},
                                      {0, "b", "LLM", "m", 0, 4'000'000'000, true, 1, 2},
                                      {0, "c", "LLM", "m", 0, 0, false, 2, 3},
                                      {0, "d", "FUNCTION", "f", 0, 9'000'000'000, true, 3, 4}};
        const auto measured = measuredOperations(calls);
        QCOMPARE(measured.size(), std::size_t(1));
        QCOMPARE(measured[0].calls, std::int64_t(2));
        QCOMPARE(measured[0].meanS, 3.0);
    }

    // NAT's sizing calculator names a job by its epoch or, with --append_calc_outputs, by a
    // uuid4: either is a sizing run, found under an offline/ as under an online/ folder.
    void sizingJobsNamedByUuidAreRuns() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        const QString job =
            tmp.filePath(QStringLiteral("calc/offline/job_3f2b8c1e-9d4a-4e7b-8a61-2c5d7e9f0a13"));
        QVERIFY(QDir().mkpath(job));
        QVERIFY(QFile::copy(
            testsupport::samplesDir() +
                QStringLiteral(
                    "/nat/sizing-aiq/calc/online/job_1763990400/calc_runner_output.json"),
            job + QStringLiteral("/calc_runner_output.json")));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(ws.run(runs[0].runId)->kind, std::string("nat-sizing"));
        QVERIFY(testsupport::scalar(ws, "SELECT count(*) FROM sizing_points WHERE run_id = ?",
                                    runs[0].runId) > 0);
    }
};

QTEST_GUILESS_MAIN(TstNatFixtures)
#include "tst_natfixtures.moc"

// A NAT run's configuration (config_effective.yml, config_original.yml, config_metadata.json):
// the YAML reader, the keys and concurrency read from it, and imports that depend on them.
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "ingest/natrunconfig.h"
#include "ingest/yamlfile.h"
#include "store/evalqueries.h"
#include "store/sizingsource.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>

using namespace spanscope;
using nlohmann::json;

namespace {

// config_effective.yml as NAT writes it (PyYAML's safe_dump of the validated configuration,
// block style, keys in model order), cut to what matters here.
const char effectiveYaml[] = R"(general:
  use_uvloop: true
llms:
  nim_llm:
    _type: nim
    model_name: meta/llama-3.1-70b-instruct
    temperature: 0.0
eval:
  general:
    output_dir: .tmp/nat/examples/qa/eval
    max_concurrency: 4
    workflow_alias: wf_concurrency_4
    dataset:
      _type: json
      file_path: data/qa.json
      id_key: qid
      structure:
        disable: false
        question_key: prompt
        answer_key: reference
        generated_answer_key: output
        trajectory_key: steps
        expected_trajectory_key: expected_steps
      filter:
        allowlist: null
)";

void write(const QDir &dir, const QString &name, const QByteArray &bytes) {
    QVERIFY(testsupport::writeFile(dir.filePath(name), bytes));
}

// One END step as workflow_output.json lists them: an LLM call of `seconds`.
json llmEnd(const char *uuid, double start, double seconds) {
    return {{"parent_id", "root"},
            {"function_ancestry",
             {{"function_id", "w"},
              {"function_name", "qa"},
              {"parent_id", "root"},
              {"parent_name", "root"}}},
            {"payload",
             {{"event_type", "LLM_END"},
              {"event_timestamp", 1763990400.0 + start + seconds},
              {"span_event_timestamp", 1763990400.0 + start},
              {"framework", "langchain"},
              {"name", "meta/llama-3.1-70b-instruct"},
              {"UUID", uuid},
              {"usage_info",
               {{"token_usage",
                 {{"prompt_tokens", 100}, {"completion_tokens", 20}, {"total_tokens", 120}}}}}}}};
}

} // namespace

class TstNatConfig : public QObject {
    Q_OBJECT
private slots:
    // YAML 1.1 as PyYAML reads it: plain scalars typed, quoted ones text, aliases expanded.
    void yamlScalarsAndStructures() {
        const json doc = yamlfile::parse("a: 1\nb: 2.5\nc: true\nd: no\ne: ~\nf: '8'\n"
                                         "g: !!str 9\nh: text here\ni: [x, 1_000]\n"
                                         "j: &anchor {k: v}\nl: *anchor\nm: -.inf\nn:\n"
                                         "o: 1.5e+3\np: .5\nq: 1e5\nr: 3.\ns: 1_0\n",
                                         "t.yml");
        QCOMPARE(doc["a"].get<long long>(), 1LL);
        QCOMPARE(doc["b"].get<double>(), 2.5);
        QCOMPARE(doc["c"].get<bool>(), true);
        QCOMPARE(doc["d"].get<bool>(), false);
        QVERIFY(doc["e"].is_null());
        QCOMPARE(doc["f"].get<std::string>(), std::string("8"));
        QCOMPARE(doc["g"].get<std::string>(), std::string("9"));
        QCOMPARE(doc["h"].get<std::string>(), std::string("text here"));
        QCOMPARE(doc["i"][1].get<long long>(), 1000LL);
        QCOMPARE(doc["l"]["k"].get<std::string>(), std::string("v"));
        QVERIFY(std::isinf(doc["m"].get<double>()) && doc["m"].get<double>() < 0);
        QVERIFY(doc["n"].is_null());
        QCOMPARE(doc["o"].get<double>(), 1500.0);
        QCOMPARE(doc["p"].get<double>(), 0.5);
        QCOMPARE(doc["q"].get<std::string>(), std::string("1e5")); // no point: text
        QCOMPARE(doc["r"].get<double>(), 3.0);
        QCOMPARE(doc["s"].get<long long>(), 10LL);
        QVERIFY(yamlfile::parse("", "empty.yml").is_null());
    }

    // Malformed YAML names the file, the line and the column; an alias bomb and a
    // self-referring alias are refused instead of expanding without end.
    void badYamlIsRefusedWithItsPlace() {
        try {
            yamlfile::parse("eval:\n  general:\n    dataset: [a, b\n  other: 1\n", "cfg.yml");
            QFAIL("malformed YAML was accepted");
        } catch (const IngestError &e) {
            QCOMPARE(e.file(), std::string("cfg.yml"));
            QVERIFY2(e.where().rfind("line 4, column", 0) == 0, e.what());
        }
        std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'i'; ++c)
            bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) +
                    ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                    char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                    ", *" + char(c - 1) + "]\n";
        QVERIFY_THROWS_EXCEPTION(IngestError, yamlfile::parse(bomb, "bomb.yml"));
        QVERIFY_THROWS_EXCEPTION(IngestError, yamlfile::parse("&a [*a]\n", "loop.yml"));
    }

    // The keys and the concurrency: the effective configuration as written; the original one
    // with config_metadata.json's overrides on top (values as typed on NAT's command line);
    // NAT's defaults without either.
    void keysAndConcurrencyFromConfiguration() {
        const NatRunConfig eff = NatRunConfig::fromConfig(
            yamlfile::parse(effectiveYaml, "config_effective.yml"), json());
        QCOMPARE(eff.idKey, std::string("qid"));
        QCOMPARE(eff.questionKey, std::string("prompt"));
        QCOMPARE(eff.trajectoryKey, std::string("steps"));
        QCOMPARE(eff.maxConcurrency.value_or(0), 4);
        QCOMPARE(eff.workflowAlias, std::string("wf_concurrency_4"));
        QVERIFY(eff.structured && !eff.keysAreDefault());

        const json overrides = json::parse(
            R"([{"path": "eval.general.max_concurrency", "value": "16"},
                {"path": "eval.general.workflow_alias", "value": "wf_concurrency_16"},
                {"path": "eval.general.dataset.structure.disable", "value": "true"}])");
        const NatRunConfig over =
            NatRunConfig::fromConfig(yamlfile::parse(effectiveYaml, "o.yml"), overrides);
        QCOMPARE(over.maxConcurrency.value_or(0), 16);
        QCOMPARE(over.workflowAlias, std::string("wf_concurrency_16"));
        QVERIFY(!over.structured);

        const NatRunConfig none = NatRunConfig::fromConfig(json(), json());
        QVERIFY(none.keysAreDefault());
        QCOMPARE(none.idKey, std::string("id"));
        QVERIFY(!none.maxConcurrency);
    }

    // A dataset with its own keys: NAT writes workflow_output.json with them, so the items'
    // ids, questions and answers, and the steps read from them, come from the configured keys;
    // the dataset's other fields are kept as attributes. The run's concurrency is a metric.
    void itemsAreReadWithTheConfiguredKeys() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        const json items = {{{"qid", "geo-7"},
                             {"prompt", "Capital of Peru?"},
                             {"reference", "Lima"},
                             {"output", "Lima."},
                             {"steps", {llmEnd("u1", 0, 2), llmEnd("u2", 3, 1)}},
                             {"expected_steps", json::array()},
                             {"error", nullptr},
                             {"region", "south america"}},
                            {{"qid", "geo-8"},
                             {"prompt", "Capital of Chad?"},
                             {"reference", "N'Djamena"},
                             {"output", "N'Djamena."},
                             {"steps", {llmEnd("u3", 10, 4)}},
                             {"expected_steps", json::array()},
                             {"error", nullptr},
                             {"region", "africa"}}};
        write(dir, QStringLiteral("workflow_output.json"), QByteArray::fromStdString(items.dump()));
        write(dir, QStringLiteral("accuracy_output.json"),
              R"({"average_score": 0.75, "eval_output_items": [{"id": "geo-7", "score": 1.0},
                  {"id": "geo-8", "score": 0.5}]})");
        write(dir, QStringLiteral("config_effective.yml"), effectiveYaml);
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        const auto rows = EvalQueries(ws).items(runs[0].runId);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].item.key, std::string("geo-7"));
        QCOMPARE(rows[0].question, std::string("Capital of Peru?"));
        QCOMPARE(rows[1].expected, std::string("N'Djamena"));
        QCOMPARE(rows[1].generated, std::string("N'Djamena."));
        QCOMPARE(rows[0].item.scores.at("accuracy"), 1.0);
        QCOMPARE(rows[1].item.scores.at("accuracy"), 0.5);
        const json fields = json::parse(rows[0].attributesJson);
        QVERIFY(fields == (json{{"region", "south america"}}));
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM spans s JOIN traces t ON "
                                     "t.id = s.trace_id WHERE t.run_id = ?",
                                     runs[0].runId),
                 3);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT value FROM run_metrics WHERE run_id = ? AND name = "
                                     "'nat.max_concurrency'",
                                     runs[0].runId),
                 4);
        QVERIFY2(ws.run(runs[0].runId)->reportJson.find("id_key 'qid'") != std::string::npos,
                 ws.run(runs[0].runId)->reportJson.c_str());
    }

    // Only config_original.yml and the overrides of config_metadata.json (the sizing
    // calculator's: concurrency and alias): the overrides win; with `structure.disable` NAT
    // wrote each item's raw output, which is imported as the generated answer by position.
    void unstructuredItemsAndOverridesWithoutEffectiveConfig() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        write(dir, QStringLiteral("workflow_output.json"),
              R"(["first answer", {"answer": 42, "sources": ["a"]}])");
        write(dir, QStringLiteral("config_original.yml"),
              "eval:\n  general:\n    max_concurrency: 2\n    dataset:\n      _type: json\n"
              "      structure:\n        disable: true\n");
        write(dir, QStringLiteral("config_metadata.json"),
              R"({"config_file": "c.yml", "overrides": [
                   {"path": "eval.general.max_concurrency", "value": "32"},
                   {"path": "eval.general.workflow_alias", "value": "wf_concurrency_32"}]})");
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        const auto rows = EvalQueries(ws).items(runs[0].runId);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].item.key, std::string("0"));
        QCOMPARE(rows[0].generated, std::string("first answer"));
        QCOMPARE(json::parse(rows[1].generated)["answer"].get<int>(), 42);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT value FROM run_metrics WHERE run_id = ? AND name = "
                                     "'nat.max_concurrency'",
                                     runs[0].runId),
                 32);
    }

    // Older NAT wrote no configuration; its sizing calculator named each concurrency's eval
    // folder by the alias it set, and that is the concurrency then. A folder of another name
    // says nothing.
    void olderSizingFoldersGiveTheirConcurrencyByName() {
        QTemporaryDir tmp;
        for (const char *folder : {"wf_concurrency_16", "wf_concurrency_x", "concurrency_16"}) {
            const QDir dir(tmp.filePath(QLatin1String(folder)));
            QVERIFY(QDir().mkpath(dir.path()));
            // Each its own question: identical folders would be one run imported once.
            write(dir, QStringLiteral("workflow_output.json"),
                  QByteArray(R"([{"id": 1, "intermediate_steps": [], "question": ")") + folder +
                      "\"}]");
        }
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM run_metrics WHERE name = "
                                         "'nat.max_concurrency' AND value = 16 AND run_id = "
                                         "(SELECT id FROM runs WHERE label = 'wf_concurrency_16')"),
                 1);
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM run_metrics WHERE name = "
                                         "'nat.max_concurrency'"),
                 1);
    }

    // inference_optimization.json's dynamo_metrics (what NAT read from the Dynamo inference
    // server): each number a run metric, in seconds where its name says so; nulls are left out.
    void dynamoMetricsAreRunMetrics() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        write(dir, QStringLiteral("workflow_output.json"),
              R"([{"id": 1, "question": "q", "intermediate_steps": []}])");
        write(dir, QStringLiteral("inference_optimization.json"),
              R"({"dynamo_metrics": {"ttft_p95_seconds": 0.42, "kv_cache_usage_percent": 61.5,
                  "requests_per_minute": 120, "itl_p95_seconds": null,
                  "core": {"kv_efficiency": 0.8}}})");
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        std::map<std::string, std::pair<double, std::string>> got;
        Statement st(ws.handle(), "SELECT name, value, coalesce(unit, '') FROM run_metrics WHERE "
                                  "name LIKE 'dynamo.%'");
        while (st.step())
            got[st.text(0)] = {st.real(1), st.text(2)};
        QCOMPARE(got.size(), std::size_t(4));
        QCOMPARE(got["dynamo.ttft_p95_seconds"].first, 0.42);
        QCOMPARE(got["dynamo.ttft_p95_seconds"].second, std::string("s"));
        QCOMPARE(got["dynamo.kv_cache_usage_percent"].second, std::string("%"));
        QCOMPARE(got["dynamo.requests_per_minute"].first, 120.0);
        QCOMPARE(got["dynamo.core.kv_efficiency"].first, 0.8);
    }

    // Newer NAT's sizing: one eval folder, wiped between concurrencies, so only the last
    // concurrency's eval survives beside the calculator's output; its config_metadata.json says
    // which concurrency it was. The calculator's point at that concurrency names that run; the
    // others have none, and an eval made by hand at the same concurrency is not taken for it.
    void calculatorPointsNameTheEvalThatSurvived() {
        QTemporaryDir tmp;
        const QDir root(tmp.filePath(QStringLiteral("sizing")));
        const QDir job(root.filePath(QStringLiteral("calc/online/job_1763990400")));
        const QDir eval(root.filePath(QStringLiteral("eval")));
        const QDir other(tmp.filePath(QStringLiteral("by-hand")));
        for (const QDir &d : {job, eval, other})
            QVERIFY(QDir().mkpath(d.path()));
        const auto point = [](double runtime, double latency) {
            return json{{"gpu_estimates", json::object()},
                        {"alerts", json::object()},
                        {"sizing_metrics",
                         {{"llm_latency_p95", latency},
                          {"workflow_runtime_p95", runtime},
                          {"total_runtime", runtime * 2},
                          {"per_item_metrics", json::object()}}}};
        };
        const json calc = {{"gpu_estimates", json::object()},
                           {"fit_results", json::object()},
                           {"calc_data", {{"4", point(20, 2)}, {"8", point(30, 3)}}}};
        write(job, QStringLiteral("calc_runner_output.json"),
              QByteArray::fromStdString(calc.dump()));
        const QByteArray meta = R"({"overrides": [
            {"path": "eval.general.max_concurrency", "value": "8"},
            {"path": "eval.general.workflow_alias", "value": "wf_concurrency_8"}]})";
        write(eval, QStringLiteral("config_metadata.json"), meta);
        write(eval, QStringLiteral("workflow_output.json"),
              R"([{"id": 1, "question": "survived", "intermediate_steps": []}])");
        write(other, QStringLiteral("config_metadata.json"),
              R"({"overrides": [{"path": "eval.general.max_concurrency", "value": "4"}]})");
        write(other, QStringLiteral("workflow_output.json"),
              R"([{"id": 1, "question": "by hand", "intermediate_steps": []}])");
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        std::int64_t calcRun = 0, evalRun = 0;
        for (const auto &r : testsupport::importPath(ws, root.path()))
            (r.kind == "nat-sizing" ? calcRun : evalRun) = r.runId;
        QCOMPARE(testsupport::importPath(ws, other.path()).size(), std::size_t(1));
        QVERIFY(calcRun && evalRun);
        SizingSource source =
            sizingFromCalc(EvalQueries(ws).sizing(calcRun), SizingMetric::Runtime);
        QCOMPARE(source.points.size(), std::size_t(2));
        linkCalcEvalRuns(ws, *ws.run(calcRun), source);
        QCOMPARE(source.runOfPoint[0], std::int64_t(0)); // 4: wiped by NAT, not the by-hand run
        QCOMPARE(source.runOfPoint[1], evalRun);         // 8: the eval that survived
    }

    // A configuration that is not YAML is a warning naming the file and the line: the items
    // still import, keyed by NAT's defaults.
    void unreadableConfigurationFallsBackToDefaults() {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        write(dir, QStringLiteral("workflow_output.json"),
              R"([{"id": 1, "question": "q", "answer": "a", "generated_answer": "g",
                   "intermediate_steps": []}])");
        write(dir, QStringLiteral("config_effective.yml"), "eval:\n  general: [unclosed\n");
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, tmp.path());
        QCOMPARE(runs.size(), std::size_t(1));
        const auto rows = EvalQueries(ws).items(runs[0].runId);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].item.key, std::string("1"));
        QCOMPARE(rows[0].question, std::string("q"));
        const std::string report = ws.run(runs[0].runId)->reportJson;
        QVERIFY2(report.find("config_effective.yml") != std::string::npos &&
                     report.find("not valid YAML") != std::string::npos &&
                     report.find("line 3") != std::string::npos,
                 report.c_str());
    }
};

QTEST_GUILESS_MAIN(TstNatConfig)
#include "tst_natconfig.moc"

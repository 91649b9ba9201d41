// spanscope-cli compare and sizing end to end: the JSON scripts read, exit codes, Markdown.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <cmath>
#include <set>

using nlohmann::json;

namespace {
struct Result {
    int exit = -1;
    QByteArray out, err;
    json parsed() const { return json::parse(out.constData()); }
};
Result cli(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(SPANSCOPE_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}
} // namespace

class TstCliCompare : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString path(const QString &name) const { return m_tmp.filePath(name); }

private slots:
    void compareFindsTheInjectedRegression() {
        const QString ws = path("gen.spanscope");
        QCOMPARE(cli({"generate", "--format", "nat-eval", "--spans", "1500", "--seed", "5",
                      path("base")})
                     .exit,
                 0);
        QCOMPARE(
            cli({"generate", "--format", "nat-eval", "--spans", "1500", "--seed", "5", "--slow",
                 "web_search=2.5", "--lower-scores", "2,4,6,8,10,12,14=0.25", path("cand")})
                .exit,
            0);
        QCOMPARE(cli({"import", path("base"), path("cand"), "--workspace", ws}).exit, 0);

        const Result r = cli({"compare", "1", "2", "--format", "json", "--workspace", ws});
        QCOMPARE(r.exit, 0);
        const json j = r.parsed();
        QVERIFY(j["unmatched_a"].empty() && j["unmatched_b"].empty());
        const json &acc = j["evaluators"]["accuracy"];
        std::set<std::string> regressed;
        for (const auto &id : acc["regressed_items"])
            regressed.insert(id.get<std::string>());
        QCOMPARE(regressed, (std::set<std::string>{"2", "4", "6", "8", "10", "12", "14"}));
        QVERIFY(acc["improved_items"].empty());
        QCOMPARE(acc["regressed"].get<int>(), 7);
        QCOMPARE(acc["improved"].get<int>() + acc["regressed"].get<int>() +
                     acc["unchanged"].get<int>(),
                 j["matched_items"].get<int>());
        QVERIFY(acc["p_value"].get<double>() < 0.05);
        QVERIFY(acc["ci95"][1].get<double>() < 0);
        QVERIFY(j["latency"]["p50_b"].get<double>() > j["latency"]["p50_a"].get<double>());
        const json &top = j["paths"][0];
        QCOMPARE(top["path"].get<std::string>(),
                 std::string("deep_research_agent;research_branch;web_search"));
        QCOMPARE(top["changed"].get<std::string>(), std::string("self"));
        for (std::size_t i = 1; i < j["paths"].size(); ++i)
            QVERIFY(j["paths"][i]["changed"] != "self");

        // Gates: what got worse fails the job with 3; an unknown evaluator is bad input.
        QCOMPARE(cli({"compare", "1", "2", "--fail-on", "accuracy", "--workspace", ws}).exit, 3);
        QCOMPARE(cli({"compare", "1", "2", "--fail-on", "latency", "--workspace", ws}).exit, 3);
        QCOMPARE(cli({"compare", "2", "1", "--fail-on", "accuracy", "--fail-on", "latency",
                      "--workspace", ws})
                     .exit,
                 0); // reversed, both improved
        QCOMPARE(cli({"compare", "1", "1", "--fail-on", "accuracy", "--workspace", ws}).exit, 0);
        const Result unknown = cli({"compare", "1", "2", "--fail-on", "bleu", "--workspace", ws});
        QCOMPARE(unknown.exit, 1);
        QVERIFY2(unknown.err.contains("accuracy"), unknown.err);
        QCOMPARE(cli({"compare", "1", "--workspace", ws}).exit, 2);
        QCOMPARE(cli({"compare", "1", "2", "--alpha", "2", "--workspace", ws}).exit, 2);

        const Result md = cli({"compare", "1", "2", "--format", "md", "--workspace", ws});
        QCOMPARE(md.exit, 0);
        QVERIFY2(md.out.contains("| accuracy |"), md.out);
        QVERIFY2(md.out.contains("REGRESSED"), md.out);
        QVERIFY2(md.out.contains("|---|---:|"), md.out);
    }

    void compareRealVersions() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QString ws = path("aiq.spanscope");
        const QString nat = testsupport::samplesDir() + "/nat/";
        QCOMPARE(cli({"import", nat + "aiq-v1-c8", nat + "aiq-v2-c8", "--workspace", ws}).exit, 0);
        const Result r =
            cli({"compare", "aiq-v1-c8", "aiq-v2-c8", "--format", "json", "--workspace", ws});
        QCOMPARE(r.exit, 0);
        const json j = r.parsed();
        QCOMPARE(j["matched_items"].get<int>(), 24);
        // The means are those of the evaluator files' item scores, read here directly.
        for (const char *evaluator : {"accuracy", "groundedness", "relevance"}) {
            for (const auto &[side, folder] :
                 {std::pair{"mean_a", "aiq-v1-c8"}, std::pair{"mean_b", "aiq-v2-c8"}}) {
                const json f =
                    testsupport::readJson(nat + folder + "/" + evaluator + "_output.json");
                double sum = 0;
                for (const auto &item : f["eval_output_items"])
                    sum += item["score"].get<double>();
                QVERIFY(near(j["evaluators"][evaluator][side].get<double>(),
                             sum / static_cast<double>(f["eval_output_items"].size())));
            }
        }
        // v2 moved web_research's LLM calls to another model: both paths show, one per side.
        int onlyA = 0, onlyB = 0;
        for (const auto &p : j["paths"]) {
            onlyA += p["calls_b"].get<int>() == 0;
            onlyB += p["calls_a"].get<int>() == 0;
        }
        QVERIFY(onlyA >= 1 && onlyB >= 1);
    }

    void sizingAgreesWithNat() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QString ws = path("sizing.spanscope");
        const QString folder = testsupport::samplesDir() + "/nat/sizing-aiq";
        QCOMPARE(cli({"import", folder, "--workspace", ws}).exit, 0);
        const json nat =
            testsupport::readJson(folder + "/calc/online/job_1763990400/calc_runner_output.json");
        const Result r = cli({"sizing", "1", "--format", "json", "--workspace", ws});
        QCOMPARE(r.exit, 0);
        const json j = r.parsed();
        QCOMPARE(j["metric"].get<std::string>(), std::string("runtime"));
        QCOMPARE(j["budget_source"].get<std::string>(), std::string("nat"));
        QVERIFY(near(j["budget"].get<double>(), 150));
        QVERIFY(near(j["gpus"].get<double>(),
                     nat["gpu_estimates"]["gpu_estimate_by_wf_runtime"].get<double>()));
        QVERIFY(near(j["fit"]["slope"].get<double>(),
                     nat["fit_results"]["wf_runtime_fit"]["slope"].get<double>()));
        QVERIFY(j["fit"]["outliers_removed"] == json::array({8.0}));
        for (const auto &[c, data] : nat["calc_data"].items()) {
            const json &natEstimate = data["gpu_estimates"]["gpu_estimate_by_wf_runtime"];
            const json &ours = j["gpus_single_point"][c];
            QCOMPARE(ours.is_null(), natEstimate.is_null());
            if (!ours.is_null()) QVERIFY(near(ours.get<double>(), natEstimate.get<double>()));
            QVERIFY(near(j["points"][c].get<double>(),
                         data["sizing_metrics"]["workflow_runtime_p95"].get<double>()));
        }
        QCOMPARE(j["nat"]["agrees"].get<bool>(), true);
        // Each point names the eval run NAT made at its concurrency (runs 2 to 7).
        std::set<std::int64_t> evalRuns;
        for (const auto &d : j["point_details"])
            evalRuns.insert(d.value("run", std::int64_t(0)));
        QCOMPARE(evalRuns, (std::set<std::int64_t>{2, 3, 4, 5, 6, 7}));
        for (const auto &d : j["point_details"])
            if (d["concurrency"].get<double>() == 32)
                QCOMPARE(d["items_over_budget"].get<int>(),
                         nat["calc_data"]["32"]["alerts"]["num_items_greater_than_target_runtime"]
                             .get<int>());
        // Other inputs: twice the users need twice the GPUs; NAT's figures are not compared.
        const json twice = cli({"sizing", "1", "--users", "200", "--budget", "150", "--format",
                                "json", "--workspace", ws})
                               .parsed();
        QVERIFY(near(twice["gpus"].get<double>(), 2 * j["gpus"].get<double>()));
        QCOMPARE(twice["nat"]["same_inputs"].get<bool>(), false);
        // The LLM latency: NAT fitted it but estimated nothing for it (no latency target).
        const json llm = cli({"sizing", "1", "--metric", "llm", "--budget", "60", "--format",
                              "json", "--workspace", ws})
                             .parsed();
        QVERIFY(near(llm["fit"]["slope"].get<double>(),
                     nat["fit_results"]["llm_latency_fit"]["slope"].get<double>()));
        QVERIFY(near(llm["gpus"].get<double>(), 100 /
                                                    ((60 - llm["fit"]["intercept"].get<double>()) /
                                                     llm["fit"]["slope"].get<double>()) *
                                                    8));
        // The calculator's eval folders (runs 2 to 7, one per concurrency, named by NAT's
        // alias) sized by themselves give NAT's own points and fit: each at the concurrency
        // NAT ran it at, each p95 recomputed from its requests (to a microsecond: NAT sums
        // float seconds, we integer nanoseconds).
        const auto close = [](double a, double b) { return std::abs(a - b) <= 1e-6 * b; };
        const json evals = cli({"sizing", "2", "3", "4", "5", "6", "7", "--budget", "150",
                                "--format", "json", "--workspace", ws})
                               .parsed();
        QCOMPARE(evals["point_details"].size(), std::size_t(6));
        for (const auto &[c, data] : nat["calc_data"].items())
            QVERIFY2(close(evals["points"][c].get<double>(),
                           data["sizing_metrics"]["workflow_runtime_p95"].get<double>()),
                     c.c_str());
        QVERIFY(close(evals["fit"]["slope"].get<double>(),
                      nat["fit_results"]["wf_runtime_fit"]["slope"].get<double>()));
        QVERIFY(close(evals["gpus"].get<double>(),
                      nat["gpu_estimates"]["gpu_estimate_by_wf_runtime"].get<double>()));
    }

    void sizingFromTraceRuns() {
        const QString ws = path("traces.spanscope");
        for (int c : {2, 4, 8}) {
            const QString out = path(QStringLiteral("c%1.jsonl").arg(c));
            QCOMPARE(cli({"generate", "--spans", "3000", "--concurrency", QString::number(c),
                          "--seed", QString::number(c), out})
                         .exit,
                     0);
            QCOMPARE(cli({"import", out, "--workspace", ws}).exit, 0);
        }
        const Result r =
            cli({"sizing", "1", "2", "3", "--budget", "60", "--format", "json", "--workspace", ws});
        QCOMPARE(r.exit, 0);
        const json j = r.parsed();
        QCOMPARE(j["point_details"].size(), std::size_t(3));
        // Each run's concurrency is measured from its traces: at most the workers it had, and
        // rising with them.
        double previous = 0;
        for (const auto &d : j["point_details"]) {
            const double c = d["concurrency"].get<double>();
            QVERIFY(c > previous);
            QVERIFY(c <= 8);
            previous = c;
            QVERIFY(d["items"].get<int>() > 0);
        }
        QVERIFY(j.contains("fit"));
        QCOMPARE(j.contains("nat"), false);
        // A calculator run cannot be mixed with trace runs.
        QCOMPARE(cli({"sizing", "--workspace", ws}).exit, 2);
        for (const auto &d : j["point_details"])
            QCOMPARE(d["concurrency_from"].get<std::string>(), std::string("in-flight-p95"));
    }

    // NAT eval folders of a load test say the concurrency they were run at (the sizing
    // calculator's override of eval.general.max_concurrency in config_metadata.json): that is
    // the point's concurrency, not the overlap its requests happen to show.
    void sizingFromNatEvalRunsUsesTheirConfiguredConcurrency() {
        const QString ws = path("nateval.spanscope");
        for (int c : {2, 4, 8}) {
            const QString out = path(QStringLiteral("eval-c%1").arg(c));
            QCOMPARE(cli({"generate", "--format", "nat-eval", "--spans", "2000", "--concurrency",
                          QString::number(c), "--seed", QString::number(c), out})
                         .exit,
                     0);
            QVERIFY(testsupport::writeFile(
                QDir(out).filePath(QStringLiteral("config_metadata.json")),
                QStringLiteral(R"({"overrides": [{"path": "eval.general.max_concurrency",
                    "value": "%1"}, {"path": "eval.general.workflow_alias",
                    "value": "wf_concurrency_%1"}]})")
                    .arg(c * 4)
                    .toUtf8()));
            QCOMPARE(cli({"import", out, "--workspace", ws}).exit, 0);
        }
        const json j =
            cli({"sizing", "1", "2", "3", "--budget", "60", "--format", "json", "--workspace", ws})
                .parsed();
        QCOMPARE(j["point_details"].size(), std::size_t(3));
        int expected = 8;
        for (const auto &d : j["point_details"]) {
            QCOMPARE(d["concurrency"].get<double>(), double(expected));
            QCOMPARE(d["concurrency_from"].get<std::string>(), std::string("nat-config"));
            expected *= 2;
        }
    }
};

QTEST_GUILESS_MAIN(TstCliCompare)
#include "tst_clicompare.moc"

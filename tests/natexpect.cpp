#include "natexpect.h"

#include "core/category.h"
#include "ingest/decimaltime.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTest>
#include <set>

using namespace spanscope;
using json = nlohmann::json;

namespace testsupport {

namespace {

std::string runReport(Workspace &ws, std::int64_t run) {
    Statement r(ws.handle(), "SELECT report FROM runs WHERE id = ?");
    r.bind(1, run);
    return r.step() ? r.text(0) : std::string();
}

} // namespace

void checkAgainstNatExpect(Workspace &ws, std::int64_t run, const json &exp) {
    if (exp.contains("requests")) {
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", run),
                 exp["requests"].get<std::int64_t>());
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans WHERE run_id = ?", run),
                 exp["spans"].get<std::int64_t>());
        QCOMPARE(
            testsupport::scalar(ws, "SELECT sum(source_steps) FROM traces WHERE run_id = ?", run),
            exp["events"].get<std::int64_t>());
        QCOMPARE(testsupport::scalar(
                     ws, "SELECT count(*) FROM spans WHERE run_id = ? AND flags & 2", run),
                 exp["unfinished"].get<std::int64_t>());
        for (const auto &[kind, n] : exp["spans_by_kind"].items()) {
            Category c;
            QVERIFY2(categoryFromNatKind(kind, c), kind.c_str());
            Statement st(ws.handle(),
                         "SELECT count(*) FROM spans WHERE run_id = ? AND category = ?");
            st.bind(1, run).bind(2, static_cast<int>(c));
            QVERIFY(st.step());
            QCOMPARE(st.int64(0), n.get<std::int64_t>());
        }
        const std::string finishedLlm =
            " FROM spans WHERE run_id = ? AND category = 4 AND NOT flags & 2";
        QCOMPARE(testsupport::scalar(ws, "SELECT sum(input_tokens)" + finishedLlm, run),
                 exp["prompt_tokens"].get<std::int64_t>());
        QCOMPARE(testsupport::scalar(ws, "SELECT sum(output_tokens)" + finishedLlm, run),
                 exp["completion_tokens"].get<std::int64_t>());
        std::set<std::string> models;
        Statement st(ws.handle(), "SELECT DISTINCT model" + finishedLlm);
        st.bind(1, run);
        while (st.step())
            models.insert(st.text(0));
        QCOMPARE(models, exp["models"].get<std::set<std::string>>());
        // Time range, to the microsecond (the reference's floats hold no more).
        const auto ns = [](const json &v) { return *decimalSecondsToNs(v.dump()); };
        QVERIFY(std::llabs(testsupport::scalar(
                               ws, "SELECT min(start_ns) FROM spans WHERE run_id = ?", run) -
                           ns(exp["first_start"])) < 1000);
        QVERIFY(std::llabs(
                    testsupport::scalar(ws, "SELECT max(end_ns) FROM spans WHERE run_id = ?", run) -
                    ns(exp["last_end"])) < 1000);
        const std::string report = runReport(ws, run);
        QCOMPARE(json::parse(report)["warnings"].size(), std::size_t(exp["warnings"].get<int>()));
    }
    if (exp.contains("evaluators")) {
        for (const auto &[name, e] : exp["evaluators"].items()) {
            if (name == "calc_runner")
                continue; // nat-expect reads calc_runner_output.json as an evaluator; it is
                          // sizing data
            Statement st(ws.handle(),
                         "SELECT count(*) FROM eval_scores WHERE run_id = ? AND evaluator = ?");
            st.bind(1, run).bind(2, std::string_view(name));
            QVERIFY(st.step());
            QCOMPARE(st.int64(0), e["items"].get<std::int64_t>());
            Statement avg(ws.handle(),
                          "SELECT value FROM run_metrics WHERE run_id = ? AND name = ?");
            avg.bind(1, run).bind(2, "eval." + name + ".average_score");
            QVERIFY2(avg.step(), name.c_str());
            QCOMPARE(avg.real(0), e["average_score"].get<double>());
        }
    }
    if (exp.contains("eval_items"))
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM eval_items WHERE run_id = ?", run),
                 exp["eval_items"].get<std::int64_t>());
    if (exp.contains("sizing_points")) {
        for (const auto &[conc, metrics] : exp["sizing_points"].items())
            for (const auto &[metricP95, value] : metrics.items()) {
                const std::string metric = metricP95.substr(0, metricP95.size() - 4);
                Statement st(ws.handle(), "SELECT p95 FROM sizing_points WHERE run_id = ? AND "
                                          "concurrency = ? AND metric = ?");
                st.bind(1, run).bind(2, std::stoi(conc)).bind(3, std::string_view(metric));
                QVERIFY2(st.step(), (conc + " " + metric).c_str());
                QCOMPARE(st.real(0), value.get<double>());
            }
        Statement gpu(ws.handle(), "SELECT value FROM run_metrics WHERE run_id = ? AND name = "
                                   "'sizing.gpu_estimate_by_wf_runtime'");
        gpu.bind(1, run);
        QVERIFY(gpu.step());
        QCOMPARE(gpu.real(0), exp["gpu_estimate_by_wf_runtime"].get<double>());
    }

    // The keys nat-expect prints for frameworks other than LangChain (formats/nat.md, Newer NAT).
    if (exp.contains("frameworks")) {
        std::set<std::string> frameworks;
        Statement st(
            ws.handle(),
            "SELECT DISTINCT json_extract(span_attributes(attributes), '$.framework') FROM "
            "spans WHERE run_id = ? AND json_extract(span_attributes(attributes), "
            "'$.framework') IS NOT NULL");
        st.bind(1, run);
        while (st.step())
            frameworks.insert(st.text(0));
        QCOMPARE(frameworks, exp["frameworks"].get<std::set<std::string>>());
        QCOMPARE(scalar(ws, "SELECT count(*) FROM spans WHERE run_id = ? AND flags & 1", run),
                 exp["error_spans"].get<std::int64_t>());
        QCOMPARE(scalar(ws, "SELECT count(*) FROM spans WHERE run_id = ? AND flags & 64", run),
                 exp["start_unknown"].get<std::int64_t>());
        const std::string report = runReport(ws, run);
        const json dropped = json::parse(report)["warnings"].value("crewai-end-dropped", json());
        QCOMPARE(dropped.is_object() ? dropped.value("count", std::int64_t{0}) : std::int64_t{0},
                 exp["dropped_ends"].get<std::int64_t>());
    }
}

} // namespace testsupport

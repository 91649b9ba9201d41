// ATIF trajectories (formats/atof-atif.md section 3): NAT's example pairs give the same tree as
// their ATOF streams and the guide's step counts; NAT's eval file shape, the timing in either of
// the places NAT writes it, and the quirks and bad inputs of the guide, on files the tests write.
#include "core/category.h"
#include "core/records.h"
#include "store/evalqueries.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <set>

using namespace spanscope;
using nlohmann::json;

namespace {

// A run's spans as "name<parent" lines in start order (ties by name), and by name.
struct Tree {
    std::vector<std::string> lines;
    std::map<std::string, std::int64_t> id, flags, start, end, in, out;
    std::map<std::string, std::string> model;
};

Tree treeOf(Workspace &ws, std::int64_t run) {
    Tree t;
    Statement st(ws.handle(),
                 "SELECT s.name, coalesce(p.name, '-'), s.id, s.flags, s.start_ns, s.end_ns, "
                 "coalesce(s.input_tokens, -1), coalesce(s.output_tokens, -1), "
                 "coalesce(s.model, '') FROM spans s LEFT JOIN spans p ON p.id = s.parent_id "
                 "WHERE s.run_id = ? ORDER BY s.name, p.name");
    st.bind(1, run);
    while (st.step()) {
        const std::string n = st.text(0);
        t.lines.push_back(n + "<" + st.text(1));
        t.id[n] = st.int64(2);
        t.flags[n] = st.int64(3);
        t.start[n] = st.int64(4);
        t.end[n] = st.int64(5);
        t.in[n] = st.int64(6);
        t.out[n] = st.int64(7);
        t.model[n] = st.text(8);
    }
    return t;
}

QString write(const QTemporaryDir &tmp, const char *name, const QByteArray &bytes) {
    const QString path = tmp.filePath(QLatin1String(name));
    return testsupport::writeFile(path, bytes) ? path : QString();
}

// NAT's eval file: an item whose agent step called a tool, with the per-tool ancestry and times
// on the step (as nat eval writes them), a second step without any time, and a second item.
json evalFile() {
    const json invocation = {{"start_timestamp", 1767225601.0},
                             {"end_timestamp", 1767225603.5},
                             {"invocation_id", "llm-a"},
                             {"status", "completed"}};
    const json step2 = {
        {"step_id", 2},
        {"timestamp", "2026-01-01T00:00:03.500000+00:00"},
        {"source", "agent"},
        {"model_name", "nvidia/nemotron"},
        {"message", json::array({{{"type", "text"}, {"text", "Let me search."}}})},
        {"tool_calls",
         {{{"tool_call_id", "call_1"}, {"function_name", "search"}, {"arguments", {{"q", "x"}}}},
          {{"tool_call_id", "call_2"}, {"function_name", "lookup"}, {"arguments", nullptr}}}},
        {"observation",
         {{"results",
           {{{"source_call_id", "call_1"}, {"content", "found"}},
            {{"source_call_id", "call_404"}, {"content", "dangling"}}}}}},
        {"metrics", {{"prompt_tokens", 120}, {"completion_tokens", 30}, {"cached_tokens", 100}}},
        {"llm_call_count", 1},
        {"extra",
         {{"ancestry",
           {{"function_id", "fn-agent"},
            {"function_name", "react_agent"},
            {"parent_id", "root"},
            {"parent_name", "wf"}}},
          {"invocation", invocation},
          {"tool_ancestry",
           {{{"function_id", "fn-search"}, {"function_name", "search"}, {"parent_id", "llm-a"}}}},
          {"tool_invocations",
           {{{"start_timestamp", 1767225604.0}, {"end_timestamp", 1767225606.0}}}}}}};
    const json step5 = {{"step_id", 5},       {"timestamp", nullptr},
                        {"source", "agent"},  {"model_name", "nvidia/nemotron"},
                        {"message", "Done."}, {"metrics", {{"prompt_tokens", nullptr}}}};
    const json t1 = {{"schema_version", "ATIF-v1.6"},
                     {"session_id", "builtins.int:1"},
                     {"agent", {{"name", "wf"}, {"version", "0.0.0"}}},
                     {"steps",
                      {{{"step_id", 1},
                        {"timestamp", "2026-01-01T00:00:00+00:00"},
                        {"source", "user"},
                        {"message", "Find x"}},
                       step2,
                       step5}}};
    json t2 = t1;
    t2["session_id"] = "builtins.int:2";
    t2["steps"] = json::array();
    return json::array({{{"item_id", 1},
                         {"trajectory", t1},
                         {"expected_output_obj", "x"},
                         {"output_obj", "Done."},
                         {"metadata", nullptr}},
                        {{"item_id", 2}, {"trajectory", t2}, {"output_obj", nullptr}}});
}

} // namespace

class TstAtif : public QObject {
    Q_OBJECT
private slots:
    // NAT's example pairs: the ATIF document NAT's converter made from an ATOF stream gives the
    // stream's tree of names and parents, and the guide's step counts and models.
    void examplePairsGiveTheSameTree_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("steps"); // user/system/agent, the guide's section 6
        QTest::addColumn<QString>("models");
        QTest::newRow("exmp01") << "exmp01"
                                << "1/3/1"
                                << "";
        QTest::newRow("exmp02") << "exmp02"
                                << "1/0/2"
                                << "gpt-4.1 gpt-4.1";
        QTest::newRow("exmp03") << "exmp03"
                                << "1/1/1"
                                << "gpt-4.1";
    }
    void examplePairsGiveTheSameTree() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, name);
        QFETCH(QString, steps);
        QFETCH(QString, models);
        const QString dir = testsupport::samplesDir() + "/nat/atof-examples/";
        // Counted from the file, independently of the reader.
        const json doc = testsupport::readJson(dir + name + "_atif.json");
        std::map<std::string, int> bySource;
        QStringList agentModels;
        for (const json &s : doc["steps"]) {
            ++bySource[s["source"].get<std::string>()];
            if (s["source"] == "agent" && s.contains("model_name"))
                agentModels << QString::fromStdString(s["model_name"].get<std::string>());
        }
        QCOMPARE(QStringLiteral("%1/%2/%3")
                     .arg(bySource["user"])
                     .arg(bySource["system"])
                     .arg(bySource["agent"]),
                 steps);
        QCOMPARE(agentModels.join(QLatin1Char(' ')), models);
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto atif = testsupport::importPath(ws, dir + name + "_atif.json");
        const auto atof = testsupport::importPath(ws, dir + name + "_atof.jsonl");
        QCOMPARE(atif.size(), std::size_t(1));
        QCOMPARE(ws.run(atif[0].runId)->kind, std::string("atif"));
        const Tree a = treeOf(ws, atif[0].runId), b = treeOf(ws, atof[0].runId);
        QCOMPARE(a.lines, b.lines);
        for (const auto &[span, m] : b.model)
            QCOMPARE(a.model.at(span), m);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM spans WHERE run_id = ? AND flags != 0",
                                     atif[0].runId),
                 0);
    }

    // NAT's eval file: a request per item keyed by item_id, the LLM span over its invocation
    // with its model and tokens (cached ones kept apart), tool calls timed from the step's
    // tool_invocations with the parent their ancestry names (else the calling step), a step
    // without time an instant flagged start unknown, the conversation in the payloads.
    void natEvalFile() {
        QTemporaryDir tmp;
        const QString path =
            write(tmp, "workflow_output_atif.json", QByteArray::fromStdString(evalFile().dump(2)));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, path);
        QCOMPARE(runs.size(), std::size_t(1));
        const std::int64_t run = runs[0].runId;
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", run), 2);
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT count(*) FROM traces WHERE run_id = ? AND "
                                     "item_key = '1'",
                                     run),
                 1);
        const auto items = EvalQueries(ws).items(run);
        QCOMPARE(items.size(), std::size_t(2));
        QCOMPARE(items[0].generated, std::string("Done."));
        const Tree t = treeOf(ws, run);
        QVERIFY(std::find(t.lines.begin(), t.lines.end(), "search<react_agent") != t.lines.end());
        QVERIFY(std::find(t.lines.begin(), t.lines.end(), "lookup<react_agent") != t.lines.end());
        QCOMPARE(t.end.at("react_agent") - t.start.at("react_agent"), 2'500'000'000LL);
        QCOMPARE(t.end.at("search") - t.start.at("search"), 2'000'000'000LL);
        QCOMPARE(t.in.at("react_agent"), 120);
        QCOMPARE(t.out.at("react_agent"), 30);
        QCOMPARE(t.model.at("react_agent"), std::string("nvidia/nemotron"));
        QVERIFY(t.flags.at("lookup") & SpanStartUnknown); // no time of its own
        QVERIFY(t.flags.at("nvidia/nemotron") & SpanStartUnknown);
        QCOMPARE(t.in.at("nvidia/nemotron"), -1); // null: no count, not zero
        QCOMPARE(testsupport::scalar(
                     ws,
                     "SELECT json_extract(span_attributes(attributes), '$.cached_tokens') "
                     "FROM spans WHERE run_id = ? AND name = 'react_agent'",
                     run),
                 100);
        const json llm = json::parse(RunQueries(ws).spanPayload(t.id.at("react_agent")));
        QCOMPARE(llm["messages"][0]["content"].get<std::string>(), std::string("Find x"));
        QCOMPARE(llm["output"]["content"].get<std::string>(), std::string("Let me search."));
        const json search = json::parse(RunQueries(ws).spanPayload(t.id.at("search")));
        QCOMPARE(search["output"].get<std::string>(), std::string("found"));
        const json next = json::parse(RunQueries(ws).spanPayload(t.id.at("nvidia/nemotron")));
        QCOMPARE(next["messages"][0]["role"].get<std::string>(), std::string("tool"));
    }

    // A results folder holds more than NAT wrote: a README, notes, a plot, unrelated JSON and
    // NAT's ATIF file beside the profiler traces. It imports with the same spans as without
    // them; the files no reader claims are named in a counted warning.
    void aFolderWithMoreThanNatWroteImports() {
        QTemporaryDir tmp;
        const QDir plain(tmp.filePath(QStringLiteral("plain"))),
            busy(tmp.filePath(QStringLiteral("busy")));
        for (const QDir &d : {plain, busy}) {
            QVERIFY(QDir().mkpath(d.path()));
            QVERIFY(QFile::copy(testsupport::fixture(QStringLiteral(
                                    "nat/legacy-stream/all_requests_profiler_traces.json")),
                                d.filePath(QStringLiteral("all_requests_profiler_traces.json"))));
        }
        const std::map<QString, QByteArray> extra = {
            {QStringLiteral("README.md"), "# our eval of 2026-11-20\n"},
            {QStringLiteral("notes.txt"), "latency looked high\n"},
            {QStringLiteral("plot.png"), "\x89PNG\r\n"},
            {QStringLiteral("colleague.json"), R"({"owner": "ana", "tickets": [1, 2]})"},
            {QStringLiteral("workflow_output_atif.json"),
             QByteArray::fromStdString(evalFile().dump())}};
        for (const auto &[name, bytes] : extra)
            QVERIFY(testsupport::writeFile(busy.filePath(name), bytes));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto a = testsupport::importPath(ws, plain.path());
        const auto b = testsupport::importPath(ws, busy.path());
        QCOMPARE(a.size(), std::size_t(1));
        QCOMPARE(b.size(), std::size_t(1));
        QCOMPARE(treeOf(ws, b[0].runId).lines, treeOf(ws, a[0].runId).lines);
        const std::string report = ws.run(b[0].runId)->reportJson;
        QVERIFY2(report.find("unclaimed-files") != std::string::npos &&
                     report.find("README.md") != std::string::npos &&
                     report.find("notes.txt") != std::string::npos &&
                     report.find("colleague.json") != std::string::npos &&
                     report.find("plot.png") == std::string::npos,
                 report.c_str());
        QVERIFY(ws.run(a[0].runId)->reportJson.find("unclaimed-files") == std::string::npos);
    }

    // An eval folder with both: the profiler's spans stay, and the ATIF conversation and tool
    // arguments land on the matching LLM and tool spans (by item, then by call order).
    void natFolderSpansGetTheConversation() {
        QTemporaryDir tmp;
        const QDir dir(tmp.filePath(QStringLiteral("eval")));
        QVERIFY(QDir().mkpath(dir.path()));
        QVERIFY(QFile::copy(testsupport::fixture(QStringLiteral(
                                "nat/legacy-stream/all_requests_profiler_traces.json")),
                            dir.filePath(QStringLiteral("all_requests_profiler_traces.json"))));
        const json items = json::array({{{"id", 1},
                                         {"question", "Find x"},
                                         {"answer", "x"},
                                         {"generated_answer", "Done."},
                                         {"intermediate_steps", json::array()}}});
        json atif = evalFile();
        atif.erase(1); // the one item the profiler saw
        for (const auto &[name, doc] : {std::pair{"workflow_output.json", items},
                                        std::pair{"workflow_output_atif.json", atif}})
            QVERIFY(testsupport::writeFile(dir.filePath(QLatin1String(name)),
                                           QByteArray::fromStdString(doc.dump())));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, dir.path());
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(ws.run(runs[0].runId)->kind, std::string("nat-eval"));
        const Tree t = treeOf(ws, runs[0].runId);
        QCOMPARE(t.lines.size(), std::size_t(4)); // the profiler's spans, none added
        const json llm = json::parse(RunQueries(ws).spanPayload(t.id.at("big-model")));
        QCOMPARE(llm["atif_messages"][0]["content"].get<std::string>(), std::string("Find x"));
        QCOMPARE(llm["atif_output"]["content"].get<std::string>(), std::string("Let me search."));
        QVERIFY(llm.contains("chunks")); // NAT's own payload kept
        const json tool = json::parse(RunQueries(ws).spanPayload(t.id.at("calculator")));
        QCOMPARE(tool["atif_input"]["q"].get<std::string>(), std::string("x"));
        // The trajectory had 2 calls of a model and 2 tool calls, the profiler 1 of each.
        QVERIFY(ws.run(runs[0].runId)->reportJson.find("atif-call-count-mismatch") !=
                std::string::npos);
    }

    // Other shapes and bad input: a bare array of trajectories with a subagent (a request of its
    // own), an unknown version (warned), steps that are not objects (skipped), and files that
    // cannot be read: a Git LFS pointer, a trajectory without steps.
    void shapesAndBadInput() {
        QTemporaryDir tmp;
        const json sub = {{"schema_version", "ATIF-v1.7"},
                          {"session_id", "sub-1"},
                          {"agent", {{"name", "helper"}}},
                          {"steps",
                           {{{"step_id", 1},
                             {"source", "agent"},
                             {"model_name", "m"},
                             {"timestamp", "2026-01-01T00:00:01Z"}}}}};
        const json top = {{"schema_version", "ATIF-v2.0"},
                          {"session_id", "top-1"},
                          {"agent", {{"name", "lead"}}},
                          {"steps",
                           {17,
                            {{"step_id", 3},
                             {"source", "agent"},
                             {"model_name", "m"},
                             {"timestamp", "2026-01-01T00:00:02Z"}}}},
                          {"subagent_trajectories", {sub}}};
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(
            ws, write(tmp, "many.json", QByteArray::fromStdString(json::array({top}).dump())));
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(
            testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", runs[0].runId),
            2);
        const std::string report = ws.run(runs[0].runId)->reportJson;
        QVERIFY2(report.find("atif-version") != std::string::npos &&
                     report.find("atif-bad-step") != std::string::npos,
                 report.c_str());
        const QString wsFile = tmp.filePath(QStringLiteral("w.spanscope"));
        const QString lfs = testsupport::importFailure(
            wsFile, write(tmp, "lfs_atif.json",
                          "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 9\n"));
        QVERIFY2(lfs.contains(QStringLiteral("Git LFS pointer")), qPrintable(lfs));
        const QString noSteps = testsupport::importFailure(
            wsFile, write(tmp, "nosteps.json",
                          R"({"schema_version": "ATIF-v1.7", "session_id": "s", "steps": 4})"));
        QVERIFY2(noSteps.contains(QStringLiteral("nosteps.json")) &&
                     noSteps.contains(QStringLiteral("steps")),
                 qPrintable(noSteps));
    }
};

QTEST_GUILESS_MAIN(TstAtif)
#include "tst_atif.moc"

// ATOF event streams (formats/atof-atif.md): NAT's example streams against the guide's counts
// (and the same counts computed here from the files), and streams written by the tests for each
// quirk and bad input the guide lists.
#include "core/category.h"
#include "core/records.h"
#include "ingest/isotime.h"
#include "ingest/providerusage.h"
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

json atofEvent(const char *kind, const char *uuid, const json &parent, const json &time,
               const char *category = "function", const char *scope = nullptr) {
    json e = {{"kind", kind},          {"atof_version", "0.1"}, {"uuid", uuid},
              {"parent_uuid", parent}, {"timestamp", time},     {"name", uuid},
              {"category", category}};
    if (scope) e["scope_category"] = scope;
    return e;
}
json start(const char *uuid, const json &parent, const json &time, const char *cat = "function") {
    return atofEvent("scope", uuid, parent, time, cat, "start");
}
json end(const char *uuid, const json &parent, const json &time, const char *cat = "function") {
    return atofEvent("scope", uuid, parent, time, cat, "end");
}

QString writeLines(const QTemporaryDir &tmp, const char *name, const std::vector<json> &lines,
                   const QByteArray &extra = {}) {
    const QString path = tmp.filePath(QLatin1String(name));
    QByteArray bytes;
    for (const json &l : lines)
        bytes += QByteArray::fromStdString(l.dump()) + '\n';
    return testsupport::writeFile(path, bytes + extra) ? path : QString();
}

// Spans of a run as "name<parent name" lines, and the report.
struct Imported {
    std::vector<std::string> spans; // "name<parent" in start order
    std::map<std::string, std::int64_t> flags, start, end;
    std::string report;
    std::int64_t events = 0;
};

Imported imported(Workspace &ws, std::int64_t run) {
    Imported out;
    Statement st(ws.handle(),
                 "SELECT s.name, coalesce(p.name, '-'), s.flags, s.start_ns, s.end_ns FROM spans s "
                 "LEFT JOIN spans p ON p.id = s.parent_id WHERE s.run_id = ? ORDER BY s.start_ns, "
                 "s.id");
    st.bind(1, run);
    while (st.step()) {
        out.spans.push_back(st.text(0) + "<" + st.text(1));
        out.flags[st.text(0)] = st.int64(2);
        out.start[st.text(0)] = st.int64(3);
        out.end[st.text(0)] = st.int64(4);
    }
    out.report = ws.run(run)->reportJson;
    out.events = testsupport::scalar(ws,
                                     "SELECT count(*) FROM events e JOIN spans s ON s.id = "
                                     "e.span_id WHERE s.run_id = ?",
                                     run);
    return out;
}

constexpr std::int64_t s1 = 1'000'000'000;
const std::int64_t t0 = 1767225600LL * s1; // 2026-01-01T00:00:00Z

} // namespace

class TstAtof : public QObject {
    Q_OBJECT
private slots:
    void rfc3339Times() {
        QCOMPARE(isotime::parse("2026-01-01T00:00:00Z")->ns, t0);
        QCOMPARE(isotime::parse("2026-01-01t00:00:00.123456789123z")->ns, t0 + 123456789);
        QCOMPARE(isotime::parse("2026-01-01 01:30:00.5+01:30")->ns, t0 + s1 / 2);
        QCOMPARE(isotime::parse("2025-12-31T19:00:00-0500")->ns, t0);
        QVERIFY(isotime::parse("2026-01-01T00:00:00")->zoneless);
        QVERIFY(isotime::parse("2024-02-29T00:00:00Z"));
        for (const char *bad : {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "yesterday",
                                "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00+5", ""})
            QVERIFY2(!isotime::parse(bad), bad);
        // Epoch numbers: the unit by size (seconds, ms, us, ns).
        QCOMPARE(*isotime::epochToNs(std::int64_t(1767225600)), t0);
        QCOMPARE(*isotime::epochToNs(std::int64_t(1767225600000)), t0);
        QCOMPARE(*isotime::epochToNs(std::int64_t(1767225600000000)), t0);
        QCOMPARE(*isotime::epochToNs(t0), t0);
        QCOMPARE(*isotime::epochToNs(1767225600.25), t0 + s1 / 4);
        QVERIFY(!isotime::epochToNs(std::int64_t(-1)));
    }

    void providerUsage() {
        const auto openai = providerusage::find(
            json::parse(R"({"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 5,
                           "total_tokens": 17}})"));
        QCOMPARE(*openai->input, std::int64_t(12));
        QCOMPARE(*openai->output, std::int64_t(5));
        const auto anthropic = providerusage::find(
            json::parse(R"({"message": {"usage": {"input_tokens": 7, "output_tokens": 3}}})"));
        QCOMPARE(*anthropic->total, std::int64_t(10)); // summed: none given
        const auto gemini = providerusage::find(json::parse(
            R"({"usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 2}})"));
        QCOMPARE(*gemini->output, std::int64_t(2));
        QVERIFY(!providerusage::find(json::parse(R"({"usage": {"note": "none"}})")));
    }

    // NAT's example streams: the guide's counts (section 6), the same counts computed here from
    // the lines, and the import.
    void examplesImportWithTheGuidesCounts_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("scopes");
        QTest::addColumn<int>("marks");
        QTest::addColumn<int>("llm");
        QTest::addColumn<int>("depth");
        QTest::newRow("exmp01") << "exmp01" << 8 << 4 << 0 << 0 << 2;
        QTest::newRow("exmp02") << "exmp02" << 8 << 4 << 0 << 2 << 2;
        QTest::newRow("exmp03") << "exmp03" << 5 << 2 << 1 << 1 << 2;
    }
    void examplesImportWithTheGuidesCounts() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, name);
        QFETCH(int, events);
        QFETCH(int, scopes);
        QFETCH(int, marks);
        QFETCH(int, llm);
        QFETCH(int, depth);
        const QString file =
            testsupport::samplesDir() + "/nat/atof-examples/" + name + "_atof.jsonl";
        // Counted from the lines, independently of the reader.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int nEvents = 0, nStarts = 0, nMarks = 0, nLlm = 0;
        std::map<std::string, std::string> parentOf;
        std::set<std::string> ended;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty()) continue;
            const json e = json::parse(line.toStdString());
            ++nEvents;
            if (e["kind"] == "mark") {
                ++nMarks;
                continue;
            }
            if (e["scope_category"] == "start") {
                ++nStarts;
                nLlm += e["category"] == "llm";
                parentOf[e["uuid"]] = e["parent_uuid"].is_string() ? e["parent_uuid"] : "";
            } else {
                ended.insert(e["uuid"].get<std::string>());
            }
        }
        int nDepth = 0;
        for (const auto &[uuid, parent] : parentOf) {
            int d = 1;
            for (std::string p = parent; !p.empty() && parentOf.count(p); p = parentOf[p])
                ++d;
            nDepth = std::max(nDepth, d);
        }
        QCOMPARE(nEvents, events);
        QCOMPARE(nStarts, scopes);
        QCOMPARE(int(ended.size()), scopes); // unmatched 0
        QCOMPARE(nMarks, marks);
        QCOMPARE(nLlm, llm);
        QCOMPARE(nDepth, depth);
        // The import.
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, file);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(ws.run(runs[0].runId)->kind, std::string("atof"));
        const Imported got = imported(ws, runs[0].runId);
        QCOMPARE(int(got.spans.size()), scopes);
        QCOMPARE(int(got.events), marks);
        QCOMPARE(int(testsupport::scalar(ws,
                                         "SELECT count(*) FROM spans WHERE run_id = ? AND "
                                         "category = " +
                                             std::to_string(int(Category::Llm)),
                                         runs[0].runId)),
                 llm);
        QCOMPARE(
            testsupport::scalar(ws, "SELECT count(*) FROM traces WHERE run_id = ?", runs[0].runId),
            1); // one root
        for (const auto &[span, flags] : got.flags)
            QCOMPARE(flags, std::int64_t(0));
    }

    // The folder NAT ships them in imports as a run per file, ATOF and ATIF (its SOURCES.md
    // skipped and named): before, it failed as a whole.
    void theExamplesFolderImports() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs =
            testsupport::importPath(ws, testsupport::samplesDir() + "/nat/atof-examples");
        QCOMPARE(runs.size(), std::size_t(6));
        std::multiset<std::string> kinds;
        for (const auto &r : runs)
            kinds.insert(r.kind);
        QCOMPARE(kinds.count("atof"), std::size_t(3));
        QCOMPARE(kinds.count("atif"), std::size_t(3));
        QVERIFY(ws.run(runs.front().runId)->reportJson.find("SOURCES.md") != std::string::npos);
    }

    // Out-of-order lines, times of both kinds in one file, a scope that never ended, a mark,
    // tokens and the model from the provider payload, blank and broken lines.
    void streamQuirks() {
        QTemporaryDir tmp;
        json llmEnd = end("llm-1", "agent", "2026-01-01T00:00:03.5Z", "llm");
        llmEnd["category_profile"] = {{"model_name", "gpt-4.1"}};
        llmEnd["data"] = {{"content", "hi"},
                          {"model", "gpt-4.1-2025-04-14"},
                          {"usage", {{"prompt_tokens", 30}, {"completion_tokens", 4}}}};
        llmEnd["data_schema"] = {{"name", "openai/chat-completions"}, {"version", "1"}};
        json mark = atofEvent("mark", "guard", "agent", (t0 + 2 * s1) / 1000, "guardrail");
        const QString path =
            writeLines(tmp, "events.jsonl",
                       {start("agent", nullptr, "2026-01-01T00:00:00Z", "agent"), llmEnd,
                        start("llm-1", "agent", (t0 + 3 * s1) / 1000, "llm"), // integer epoch us
                        mark, start("tool-1", "agent", "2026-01-01T00:00:04Z", "tool"),
                        end("agent", nullptr, "2026-01-01T00:00:06Z", "agent")},
                       "\n{not json}\n\r\n");
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, path);
        QCOMPARE(runs.size(), std::size_t(1));
        const Imported got = imported(ws, runs[0].runId);
        QCOMPARE(got.spans, (std::vector<std::string>{"agent<-", "llm-1<agent", "tool-1<agent"}));
        QCOMPARE(got.end.at("llm-1") - got.start.at("llm-1"), s1 / 2);
        QVERIFY(got.flags.at("tool-1") & SpanUnfinished); // ends with its request
        QCOMPARE(got.end.at("tool-1"), t0 + 6 * s1);
        QCOMPARE(got.events, std::int64_t(1));
        QCOMPARE(testsupport::scalar(ws,
                                     "SELECT input_tokens * 100 + output_tokens FROM spans "
                                     "WHERE run_id = ? AND name = 'llm-1'",
                                     runs[0].runId),
                 3004);
        QVERIFY(got.report.find("atof-bad-line") != std::string::npos);
        QVERIFY(got.report.find("line 8") != std::string::npos);
    }

    // Bad input the guide lists: each warns and the rest imports.
    void badEventsWarnAndTheRestImports() {
        QTemporaryDir tmp;
        json boolTime = start("bad-time", "root", true);
        json changed = end("child", "other", "2026-01-01T00:00:03Z");
        const QString path = writeLines(
            tmp, "bad.jsonl",
            {start("root", nullptr, "2026-01-01T00:00:00Z", "agent"),
             start("child", "root", "2026-01-01T00:00:01Z"), changed,
             start("late", "root", "2026-01-01T00:00:05Z"),
             end("late", "root", "2026-01-01T00:00:04Z"),    // ends before its start
             start("child", "root", "2026-01-01T00:00:06Z"), // uuid used again
             end("child", "root", "2026-01-01T00:00:07Z"),
             end("orphan", "root", "2026-01-01T00:00:07Z"), // no start
             start("a", "b", "2026-01-01T00:00:02Z"), end("a", "b", "2026-01-01T00:00:03Z"),
             start("b", "a", "2026-01-01T00:00:02Z"), end("b", "a", "2026-01-01T00:00:03Z"),
             boolTime, start("negative", "root", -5),
             start("zoneless", "root", "2026-01-01T00:00:02"),
             end("zoneless", "root", "2026-01-01T00:00:03"),
             json{{"kind", "span"}, {"uuid", "x"}, {"timestamp", "2026-01-01T00:00:00Z"}},
             end("root", nullptr, "2026-01-01T00:00:08Z", "agent")});
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, path);
        QCOMPARE(runs.size(), std::size_t(1));
        const Imported got = imported(ws, runs[0].runId);
        for (const char *kind : {"atof-end-before-start", "atof-uuid-reused",
                                 "atof-end-without-start", "atof-parent-cycle", "atof-bad-time",
                                 "atof-zoneless-time", "atof-unknown-kind", "atof-parent-changed"})
            QVERIFY2(got.report.find(kind) != std::string::npos, kind);
        QCOMPARE(got.end.at("late"), got.start.at("late"));
        QCOMPARE(std::count(got.spans.begin(), got.spans.end(), "child<root"), 2L); // reused
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans WHERE span_key = 'child#2'"),
                 1);
        QCOMPARE(got.spans.size(), std::size_t(7)); // root, child x2, late, a, b, zoneless
        QVERIFY(!got.flags.count("bad-time") && !got.flags.count("negative"));
    }

    // A stream with nothing usable fails, naming the file, and leaves the workspace as it was;
    // a payload nested 10^5 deep is cut, not a crash.
    void unusableStreamsFailAndDeepDataIsCut() {
        QTemporaryDir tmp;
        const QString path =
            writeLines(tmp, "none.jsonl", {json{{"kind", "scope"}, {"atof_version", "0.1"}}});
        const QString wsFile = tmp.filePath(QStringLiteral("w.spanscope"));
        {
            Workspace created(wsFile); // exists before the failed import
        }
        const QString failure = testsupport::importFailure(wsFile, path);
        QVERIFY2(failure.contains(QStringLiteral("none.jsonl")) &&
                     failure.contains(QStringLiteral("no ATOF scope or mark")),
                 qPrintable(failure));
        Workspace ws(wsFile);
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        json s = start("deep", nullptr, "2026-01-01T00:00:00Z");
        s["data"] = "@";
        std::string line = s.dump();
        line.replace(line.find("\"@\""), 3, deep);
        const QString deepFile =
            writeLines(tmp, "deep.jsonl", {end("deep", nullptr, "2026-01-01T00:00:01Z")},
                       QByteArray::fromStdString(line) + '\n');
        const auto runs = testsupport::importPath(ws, deepFile);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(
            testsupport::scalar(ws, "SELECT count(*) FROM spans WHERE run_id = ?", runs[0].runId),
            1);
    }
};

QTEST_GUILESS_MAIN(TstAtof)
#include "tst_atof.moc"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "ingest/natspanbuilder.h"

#include <QTest>

using namespace spanscope;
using json = nlohmann::json;

namespace {

constexpr std::int64_t s = 1'000'000'000;

struct Step {
    std::string type, uuid;
    std::int64_t ts;
    std::string parent = "";      // step-level parent_id; "" = absent (older NAT)
    std::string functionId = "f"; // function_ancestry.function_id
    std::string functionParent = "root";
    std::string name = "n";
    json usage = nullptr;
    json data = nullptr;
    std::int64_t spanTs = -1;
    std::string framework = ""; // payload.framework; "" = absent
    json metadata = nullptr;
};

json make(const Step &st) {
    json step = {{"function_ancestry",
                  {{"function_id", st.functionId},
                   {"function_name", "fn"},
                   {"parent_id", st.functionParent},
                   {"parent_name", "root"}}},
                 {"payload",
                  {{"event_type", st.type},
                   {"event_timestamp", st.ts},
                   {"name", st.name},
                   {"UUID", st.uuid},
                   {"usage_info", st.usage},
                   {"data", st.data},
                   {"span_event_timestamp", st.spanTs < 0 ? json() : json(st.spanTs)}}}};
    if (!st.parent.empty()) step["parent_id"] = st.parent;
    if (!st.framework.empty()) step["payload"]["framework"] = st.framework;
    if (!st.metadata.is_null()) step["payload"]["metadata"] = st.metadata;
    return step;
}

TraceRecord build(const std::vector<Step> &steps, ImportReport &report) {
    NatSpanBuilder b("t.json", report, 0);
    for (std::size_t i = 0; i < steps.size(); ++i)
        b.addStep(make(steps[i]), i);
    return b.finish();
}

const SpanRecord &byKey(const TraceRecord &t, const std::string &key) {
    for (const auto &sp : t.spans)
        if (sp.key == key) return sp;
    throw std::runtime_error("no span " + key);
}

json tokens(int prompt, int completion) {
    return {{"token_usage", {{"prompt_tokens", prompt}, {"completion_tokens", completion}}}};
}

} // namespace

class TstNatSpanBuilder : public QObject {
    Q_OBJECT
private slots:
    void pairsStartAndEndByUuid() {
        ImportReport r;
        const auto t = build({{"FUNCTION_START", "f", 0, "root"},
                              {"LLM_START", "a", 1 * s, "f", "f", "root", "m"},
                              {"TOOL_START", "b", 2 * s, "f"},
                              {"TOOL_END", "b", 3 * s, "f"},
                              {"LLM_END", "a", 4 * s, "f", "f", "root", "m", tokens(10, 5)},
                              {"FUNCTION_END", "f", 5 * s, "root"}},
                             r);
        QCOMPARE(t.spans.size(), std::size_t(3));
        const auto &llm = byKey(t, "a");
        QCOMPARE(llm.category, Category::Llm);
        QCOMPARE(llm.startNs, 1 * s);
        QCOMPARE(llm.endNs, 4 * s);
        QCOMPARE(*llm.inputTokens, 10);
        QCOMPARE(*llm.outputTokens, 5);
        QCOMPARE(llm.model, std::string("m"));
        QCOMPARE(t.spans[static_cast<std::size_t>(llm.parentIndex)].key, std::string("f"));
        QCOMPARE(byKey(t, "f").parentIndex, -1);
        QCOMPARE(t.key, std::string("f"));
        QCOMPARE(r.warningCount(), 0);
    }

    void parentsFromAncestryNotEventOrder() {
        // Older NAT: no parent_id. Two parallel tools inside function g; the second tool
        // starts while the first is open, which event-order nesting would get wrong.
        ImportReport r;
        const auto t = build({{"FUNCTION_START", "f", 0, "", "f", "root"},
                              {"FUNCTION_START", "g", 1, "", "g", "f"},
                              {"TOOL_START", "t1", 2, "", "g"},
                              {"TOOL_START", "t2", 3, "", "g"},
                              {"TOOL_END", "t1", 4, "", "g"},
                              {"TOOL_END", "t2", 5, "", "g"},
                              {"FUNCTION_END", "g", 6, "", "g", "f"},
                              {"FUNCTION_END", "f", 7, "", "f", "root"}},
                             r);
        const auto parentKey = [&](const std::string &k) {
            const int p = byKey(t, k).parentIndex;
            return p < 0 ? std::string("-") : t.spans[static_cast<std::size_t>(p)].key;
        };
        QCOMPARE(parentKey("f"), std::string("-"));
        QCOMPARE(parentKey("g"), std::string("f"));
        QCOMPARE(parentKey("t1"), std::string("g"));
        QCOMPARE(parentKey("t2"), std::string("g"));
    }

    void startWithoutEndIsUnfinishedToLastTimestamp() {
        ImportReport r;
        const auto t = build({{"FUNCTION_START", "f", 0, "root"},
                              {"LLM_START", "timeout", 1 * s, "f"},
                              {"LLM_START", "retry", 31 * s, "f"},
                              {"LLM_END", "retry", 35 * s, "f", "f", "root", "m", tokens(3, 4)},
                              {"FUNCTION_END", "f", 40 * s, "root"}},
                             r);
        const auto &u = byKey(t, "timeout");
        QVERIFY(u.flags & SpanUnfinished);
        QCOMPARE(u.endNs, 40 * s);
        QVERIFY(!(byKey(t, "retry").flags & SpanUnfinished));
    }

    void endWithoutStartUsesSpanEventTimestamp() {
        ImportReport r;
        Step end{"LLM_END", "x", 9 * s, "missing-function"};
        end.spanTs = 7 * s;
        Step tool{"TOOL_END", "y", 12 * s, "missing-function"};
        const auto t = build({end, tool}, r);
        QCOMPARE(byKey(t, "x").startNs, 7 * s);
        QCOMPARE(byKey(t, "y").startNs, 12 * s);   // no span_event_timestamp: its own time
        QVERIFY(byKey(t, "x").flags & SpanOrphan); // workflow_output.json: parents are absent
        QCOMPARE(r.warningCount(), 0);             // expected there, so not a warning
        QCOMPARE(r.noteCount("spans whose parent is not in the request"), 2);
    }

    // NAT 1.4-1.8 (issue 17): an END alone starts at its span_event_timestamp only where the
    // framework writes the call's start there; elsewhere it is zero-length at its end and its
    // start is flagged unknown.
    void endAloneStartsWhereItsFrameworkSays_data() {
        QTest::addColumn<QString>("framework");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("known");
        QTest::newRow("langchain llm") << "langchain"
                                       << "LLM_END" << true;
        QTest::newRow("llama_index tool") << "llama_index"
                                          << "TOOL_END" << true;
        QTest::newRow("strands llm") << "strands"
                                     << "LLM_END" << true;
        QTest::newRow("semantic_kernel tool") << "semantic_kernel"
                                              << "TOOL_END" << true;
        QTest::newRow("semantic_kernel llm") << "semantic_kernel"
                                             << "LLM_END" << false;
        QTest::newRow("adk llm") << "adk"
                                 << "LLM_END" << false;
        QTest::newRow("agno llm") << "agno"
                                  << "LLM_END" << false;
        QTest::newRow("autogen tool") << "autogen"
                                      << "TOOL_END" << false;
    }
    void endAloneStartsWhereItsFrameworkSays() {
        QFETCH(QString, framework);
        QFETCH(QString, type);
        QFETCH(bool, known);
        ImportReport r;
        Step end{type.toStdString(), "x", 9 * s, "missing-function"};
        end.spanTs = 7 * s;
        end.framework = framework.toStdString();
        const auto t = build({end}, r);
        const SpanRecord &x = byKey(t, "x");
        QCOMPARE(x.startNs, known ? 7 * s : 9 * s);
        QCOMPARE(bool(x.flags & SpanStartUnknown), !known);
        QCOMPARE(r.warningCount(), 0);
    }

    // CrewAI gives START and END different UUIDs and NAT drops the ENDs: an END alone is
    // dropped (never paired by guess), the STARTs stay unfinished with one warning kind that
    // says why, and they are not called timeouts.
    void crewaiStartsStayOpenAndEndsAloneAreDropped() {
        ImportReport r;
        Step f{"FUNCTION_START", "f", 0, "root"};
        Step a{"LLM_START", "a", 1 * s, "f"}, b{"TOOL_START", "b", 2 * s, "f"};
        Step stray{"LLM_END", "other", 3 * s, "f"};
        Step fEnd{"FUNCTION_END", "f", 5 * s, "root"};
        for (Step *st : {&f, &a, &b, &stray, &fEnd})
            st->framework = "crewai";
        const auto t = build({f, a, b, stray, fEnd}, r);
        QCOMPARE(t.spans.size(), std::size_t(3)); // the stray END made no span
        QCOMPARE(r.warningCount("crewai-end-dropped"), 1);
        for (const char *k : {"a", "b"}) {
            const SpanRecord &sp = byKey(t, k);
            QVERIFY(sp.flags & SpanUnfinished);
            QCOMPARE(sp.endNs, 5 * s);
            QVERIFY(json::parse(sp.attributesJson).contains("nat.unfinished_reason"));
        }
        QCOMPARE(r.warningCount("crewai-without-end"), 2);
        QVERIFY(QString::fromStdString(r.warnings().at("crewai-without-end").examples.front())
                    .contains("not timeouts"));
    }

    // The errors NAT records besides a tool's text: AutoGen's metadata.error, and a function
    // that raised ends with its output null. An output merely absent is no error.
    void errorsNatRecordsAreErrors() {
        ImportReport r;
        Step llmEnd{"LLM_END", "l", 2 * s, "f"};
        llmEnd.framework = "autogen";
        llmEnd.metadata = {{"error", "TimeoutError: the model did not answer"}};
        Step okEnd{"LLM_END", "k", 3 * s, "f"};
        okEnd.metadata = {{"error", nullptr}};
        Step raised{"FUNCTION_END", "g", 4 * s, "f", "g", "f"};
        raised.data = {{"output", nullptr}};
        Step quiet{"FUNCTION_END", "h", 5 * s, "f", "h", "f"};
        quiet.data = {{"input", "x"}};
        const auto t = build({{"FUNCTION_START", "f", 0, "root"},
                              {"LLM_START", "l", 1 * s, "f"},
                              {"LLM_START", "k", 1 * s, "f"},
                              {"FUNCTION_START", "g", 1 * s, "f", "g", "f"},
                              {"FUNCTION_START", "h", 1 * s, "f", "h", "f"},
                              llmEnd,
                              okEnd,
                              raised,
                              quiet,
                              {"FUNCTION_END", "f", 6 * s, "root"}},
                             r);
        QVERIFY(byKey(t, "l").flags & SpanError);
        QVERIFY(!(byKey(t, "k").flags & SpanError));
        QVERIFY(byKey(t, "g").flags & SpanError);
        QVERIFY(!(byKey(t, "h").flags & SpanError));
        QVERIFY(!(byKey(t, "f").flags & SpanError));
    }

    // A top parent_id other than "root" is a caller's id (NAT 1.5+): the span is the request's
    // root, not an orphan, and its children nest under it. Remote evaluation writes "remote"
    // everywhere with function_id the step's own UUID: roots, no orphans, no warnings.
    void callerAndRemoteParentIdsMakeRoots() {
        ImportReport r;
        const auto t = build({{"WORKFLOW_START", "w", 0, "caller-7f3a"},
                              {"LLM_START", "a", 1 * s, "w"},
                              {"LLM_END", "a", 2 * s, "w"},
                              {"WORKFLOW_END", "w", 3 * s, "caller-7f3a"}},
                             r);
        QCOMPARE(byKey(t, "w").parentIndex, -1);
        QVERIFY(!(byKey(t, "w").flags & SpanOrphan));
        QCOMPARE(t.spans[static_cast<std::size_t>(byKey(t, "a").parentIndex)].key,
                 std::string("w"));
        QCOMPARE(t.key, std::string("w"));
        ImportReport remote;
        const auto rt = build({{"LLM_START", "a", 1 * s, "remote", "a"},
                               {"TOOL_START", "b", 1 * s, "remote", "b"},
                               {"TOOL_END", "b", 2 * s, "remote", "b"},
                               {"LLM_END", "a", 3 * s, "remote", "a"}},
                              remote);
        for (const auto &sp : rt.spans) {
            QCOMPARE(sp.parentIndex, -1);
            QVERIFY(!(sp.flags & SpanOrphan));
        }
        QCOMPARE(remote.warningCount(), 0);
    }

    // Cached and reasoning tokens are parts of the prompt and completion tokens: kept beside
    // them, never added.
    void cachedAndReasoningTokensAreNotAdded() {
        ImportReport r;
        json usage = {{"token_usage",
                       {{"prompt_tokens", 100},
                        {"completion_tokens", 30},
                        {"cached_tokens", 40},
                        {"reasoning_tokens", 12},
                        {"total_tokens", 130}}}};
        const auto t = build({{"LLM_START", "a", 1 * s, "root"},
                              {"LLM_END", "a", 2 * s, "root", "f", "root", "m", usage}},
                             r);
        const SpanRecord &a = byKey(t, "a");
        QCOMPARE(*a.inputTokens, 100);
        QCOMPARE(*a.outputTokens, 30);
        const json attrs = json::parse(a.attributesJson);
        QCOMPARE(attrs["cached_tokens"].get<int>(), 40);
        QCOMPARE(attrs["reasoning_tokens"].get<int>(), 12);
    }

    // Test-time compute (TTC_*, NAT 1.4+): spans of their own category that say their turn,
    // candidate and score; a generator's SPAN_CHUNK and an LLM_NEW_TOKEN are chunks of their span.
    void ttcStepsAreSpansWithTheirTurnAndScore() {
        ImportReport r;
        Step start{"TTC_START", "c", 1 * s, "root"};
        start.metadata = {{"turn_id", "t-1"}, {"turn_index", 0}, {"candidate_index", 2}};
        Step end{"TTC_END", "c", 3 * s, "root"};
        end.metadata = {
            {"turn_id", "t-1"}, {"turn_index", 0}, {"candidate_index", 2}, {"score", 0.75}};
        const auto t = build({start,
                              {"SPAN_START", "g", 1 * s, "root"},
                              {"SPAN_CHUNK", "g", 2 * s, "root"},
                              {"SPAN_END", "g", 4 * s, "root"},
                              end},
                             r);
        const SpanRecord &c = byKey(t, "c");
        QCOMPARE(c.category, Category::Ttc);
        const json attrs = json::parse(c.attributesJson);
        QCOMPARE(attrs["turn_id"].get<std::string>(), std::string("t-1"));
        QCOMPARE(attrs["candidate_index"].get<int>(), 2);
        QCOMPARE(attrs["score"].get<double>(), 0.75);
        QCOMPARE(byKey(t, "g").chunkCount, 1);
        QCOMPARE(r.warningCount(), 0);
    }

    void duplicateStartKeepsBothAndWarns() {
        ImportReport r;
        const auto t = build({{"TOOL_START", "d", 1, "root"},
                              {"TOOL_END", "d", 2, "root"},
                              {"TOOL_START", "d", 3, "root"},
                              {"TOOL_END", "d", 4, "root"}},
                             r);
        QCOMPARE(t.spans.size(), std::size_t(2));
        QCOMPARE(byKey(t, "d#1").startNs, 3);
        QCOMPARE(byKey(t, "d#1").endNs, 4);
        QCOMPARE(r.warningCount("duplicate-uuid"), 1);
    }

    void streamingTokenSumsAreCorrected() {
        // Three chunks with cumulative usage {P=100, k}; END reports the sums 300 and 0+1+2.
        ImportReport r;
        const auto t = build(
            {{"LLM_START", "l", 0, "root"},
             {"LLM_NEW_TOKEN", "l", 1, "root", "f", "root", "m", tokens(100, 0), {{"chunk", "a"}}},
             {"LLM_NEW_TOKEN", "l", 2, "root", "f", "root", "m", tokens(100, 1), {{"chunk", "b"}}},
             {"LLM_NEW_TOKEN", "l", 5, "root", "f", "root", "m", tokens(100, 2), {{"chunk", "c"}}},
             {"LLM_END", "l", 6, "root", "f", "root", "m", tokens(300, 3)}},
            r);
        const auto &l = byKey(t, "l");
        QCOMPARE(*l.inputTokens, 100);
        QCOMPARE(*l.outputTokens, 3);
        QCOMPARE(l.chunkCount, 3);
        QCOMPARE(l.firstChunkNs, 1);
        QCOMPARE(l.lastChunkNs, 5);
        const json payload = json::parse(l.payloadJson);
        QVERIFY((payload["chunks"]) == (json::parse(R"(["a","b","c"])")));
        QVERIFY((payload["chunk_offsets_ns"]) == (json::parse("[1,2,5]")));
        QCOMPARE(json::parse(l.attributesJson)["nat.reported_prompt_tokens"].get<int>(), 300);
    }

    void failedToolIsAnError() {
        ImportReport r;
        const auto t = build({{"TOOL_START", "t", 1, "root"},
                              {"TOOL_END",
                               "t",
                               2,
                               "root",
                               "f",
                               "root",
                               "search",
                               nullptr,
                               {{"output", "Error: Read timed out."}}},
                              {"TOOL_START", "ok", 3, "root"},
                              {"TOOL_END",
                               "ok",
                               4,
                               "root",
                               "f",
                               "root",
                               "search",
                               nullptr,
                               {{"output", "results"}}}},
                             r);
        QVERIFY(byKey(t, "t").flags & SpanError);
        QVERIFY(!(byKey(t, "ok").flags & SpanError));
    }

    void parentCycleIsBroken() {
        ImportReport r;
        const auto t = build({{"TOOL_START", "a", 1, "b"},
                              {"TOOL_START", "b", 2, "a"},
                              {"TOOL_END", "a", 3, "b"},
                              {"TOOL_END", "b", 4, "a"}},
                             r);
        QCOMPARE(r.warningCount("parent-cycle"), 1);
        int roots = 0;
        for (const auto &sp : t.spans)
            roots += sp.parentIndex < 0;
        QCOMPARE(roots, 1);
    }

    void endBeforeStartIsClamped() {
        ImportReport r;
        const auto t = build({{"TOOL_START", "a", 10, "root"}, {"TOOL_END", "a", 5, "root"}}, r);
        QCOMPARE(byKey(t, "a").endNs, 10);
        QVERIFY(byKey(t, "a").flags & SpanClamped);
        QCOMPARE(r.warningCount("end-before-start"), 1);
    }

    void unknownTypesAreSkippedWithOneWarningKind() {
        ImportReport r;
        const auto t = build({{"TOOL_START", "a", 1, "root"},
                              {"LLM_REASONING_DELTA", "a", 2, "root"},
                              {"LLM_REASONING_DELTA", "a", 3, "root"},
                              {"TOOL_END", "a", 4, "root"}},
                             r);
        QCOMPARE(t.spans.size(), std::size_t(1));
        QCOMPARE(r.warnings().size(), std::size_t(1));
        QCOMPARE(r.warningCount(), 2);
    }

    void negativeTokensAreDropped() {
        ImportReport r;
        const auto t = build({{"LLM_START", "l", 1, "root"},
                              {"LLM_END", "l", 2, "root", "f", "root", "m", tokens(-5, 3)}},
                             r);
        QVERIFY(!byKey(t, "l").inputTokens.has_value());
        QCOMPARE(*byKey(t, "l").outputTokens, 3);
        QCOMPARE(r.warningCount("bad-token-count"), 1);
    }

    void badStepsAreErrorsWithTheirPlace_data() {
        QTest::addColumn<QByteArray>("step");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an object")
            << QByteArray("[1]") << "t.json: request 0, step 0: a step is an array";
        QTest::newRow("no payload")
            << QByteArray("{}") << "t.json: request 0, step 0: step has no 'payload'";
        QTest::newRow("string time")
            << QByteArray(
                   R"({"payload": {"event_type": "LLM_START", "UUID": "u", "event_timestamp": "now"}})")
            << "t.json: request 0, step 0: payload.event_timestamp is a string (\"now\")";
        QTest::newRow("no uuid")
            << QByteArray(R"({"payload": {"event_type": "LLM_START", "event_timestamp": 5}})")
            << "t.json: request 0, step 0: payload.UUID is missing";
    }
    void badStepsAreErrorsWithTheirPlace() {
        QFETCH(QByteArray, step);
        QFETCH(QString, message);
        ImportReport r;
        NatSpanBuilder b("t.json", r, 0);
        try {
            b.addStep(json::parse(step.constData()), 0);
            QFAIL("no error");
        } catch (const IngestError &e) {
            QVERIFY2(QString::fromStdString(e.what()).startsWith(message), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TstNatSpanBuilder)
#include "tst_natspanbuilder.moc"

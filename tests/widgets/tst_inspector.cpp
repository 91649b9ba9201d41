// The inspector's Input / output tab offscreen: an LLM call of an ATOF stream or an ATIF
// trajectory reads as a conversation (role, text, tool calls), not as raw JSON; other payloads
// stay as they were. Saves inspector-chat-*.png in the working folder to look at.
#include "inspector/chatrender.h"
#include "inspector/inspectorview.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QFile>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace spanscope;
using nlohmann::json;

namespace {

std::int64_t spanNamed(Workspace &ws, std::int64_t run, const char *name, int nth = 0) {
    Statement st(ws.handle(), "SELECT id FROM spans WHERE run_id = ? AND name = ? ORDER BY "
                              "start_ns LIMIT 1 OFFSET ?");
    st.bind(1, run).bind(2, std::string(name)).bind(3, nth);
    return st.step() ? st.int64(0) : 0;
}

QString payloadOf(Workspace &ws, std::int64_t span, const char *png) {
    InspectorView inspector;
    inspector.resize(520, 640);
    inspector.setWorkspace(&ws);
    inspector.showSpan(span);
    inspector.tabs()->setCurrentIndex(2);
    inspector.show();
    inspector.grab().save(QLatin1String(png));
    return inspector.payloadText();
}

} // namespace

class TstInspector : public QObject {
    Q_OBJECT
private slots:
    // Provider shapes: OpenAI's tool call, Anthropic's parts, Gemini's contents and candidates.
    void providerShapesReadAsMessages() {
        std::set<std::string> used;
        const auto openai =
            chatHtml(json::parse(R"({"input": {"messages": [{"role": "user", "content": "3 + 4?"}]},
                "output": {"choices": [{"message": {"role": "assistant", "content": null,
                "tool_calls": [{"id": "call_1", "type": "function", "function":
                {"name": "add", "arguments": {"a": 3}}}]}}]}})"),
                     &used);
        QVERIFY(openai && openai->contains(QStringLiteral("<b>add</b>")));
        QCOMPARE(used, (std::set<std::string>{"input", "output"}));
        const auto anthropic =
            chatHtml(json::parse(R"({"input": {"messages": [{"role": "user", "content":
                [{"type": "text", "text": "time?"}]}]}, "output": {"content":
                [{"type": "tool_use", "id": "tu_1", "name": "clock", "input": {}}]}})"),
                     nullptr);
        QVERIFY(anthropic && anthropic->contains(QStringLiteral("<b>clock</b>")) &&
                anthropic->contains(QStringLiteral("time?")));
        const auto gemini = chatHtml(
            json::parse(R"({"input": {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]},
                "output": {"candidates": [{"content": {"role": "model", "parts":
                [{"text": "hello"}]}}]}})"),
            nullptr);
        QVERIFY(gemini && gemini->contains(QStringLiteral("assistant")) &&
                gemini->contains(QStringLiteral("hello")));
        QVERIFY(!chatHtml(json::parse(R"({"input": "plain", "output": "text"})"), nullptr));
        // An ATIF conversation attached to a NAT span, beside NAT's own payload.
        used.clear();
        const auto attached = chatHtml(
            json::parse(R"({"output": "raw", "atif_messages": [{"role": "user", "content": "q"}],
                "atif_output": {"role": "assistant", "content": "a"}})"),
            &used);
        QVERIFY(attached && attached->contains(QStringLiteral("user")));
        QCOMPARE(used, (std::set<std::string>{"atif_messages", "atif_output"}));
    }

    // NAT's ATOF example: the second model call shows the question, the tool call it made, the
    // tool's result and its answer; the tool span's payload stays plain.
    void atofCallsReadAsAConversation() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, testsupport::samplesDir() +
                                                          "/nat/atof-examples/exmp02_atof.jsonl");
        QCOMPARE(runs.size(), std::size_t(1));
        const QString chat =
            payloadOf(ws, spanNamed(ws, runs[0].runId, "gpt-4.1", 1), "inspector-chat-atof.png");
        for (const char *part : {"user", "What is 3 + 4?", "assistant", "calculator__add", "tool",
                                 "call_abc", "3 + 4 = 7"})
            QVERIFY2(chat.contains(QLatin1String(part)), part);
        QVERIFY(!chat.contains(QStringLiteral("\"role\""))); // not raw JSON
        const QString tool =
            payloadOf(ws, spanNamed(ws, runs[0].runId, "calculator__add"), "inspector-tool.png");
        QVERIFY(tool.contains(QStringLiteral("── input ──")));
    }

    // An ATIF trajectory's call: the messages since the last call, then the answer with its
    // tool calls.
    void atifCallsReadAsAConversation() {
        QTemporaryDir tmp;
        const json t = {{"schema_version", "ATIF-v1.7"},
                        {"session_id", "s"},
                        {"agent", {{"name", "helper"}}},
                        {"steps",
                         {{{"step_id", 1},
                           {"source", "user"},
                           {"timestamp", "2026-01-01T00:00:00Z"},
                           {"message", "Weather in Paris?"}},
                          {{"step_id", 2},
                           {"source", "agent"},
                           {"model_name", "gpt-4o"},
                           {"timestamp", "2026-01-01T00:00:02Z"},
                           {"message", "Checking."},
                           {"reasoning_content", "The user wants the weather."},
                           {"tool_calls",
                            {{{"tool_call_id", "c1"},
                              {"function_name", "weather"},
                              {"arguments", {{"city", "Paris"}}}}}}}}}};
        const QString file = tmp.filePath(QStringLiteral("t.json"));
        QVERIFY(testsupport::writeFile(file, QByteArray::fromStdString(t.dump())));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, file);
        const QString chat =
            payloadOf(ws, spanNamed(ws, runs[0].runId, "gpt-4o"), "inspector-chat-atif.png");
        for (const char *part :
             {"Weather in Paris?", "Checking.", "weather", "Paris", "The user wants the weather."})
            QVERIFY2(chat.contains(QLatin1String(part)), part);
    }
};

QTEST_MAIN(TstInspector)
#include "tst_inspector.moc"

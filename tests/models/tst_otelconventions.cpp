// The attribute conventions (formats/otel.md section 6) and the OTLP/JSON field forms, one
// test each, through the real parser.
#include "core/importreport.h"
#include "ingest/otlpjsonparser.h"

#include <QTest>
#include <nlohmann/json.hpp>

// Declared before the helpers: moc does not follow the raw string literals below.
class TstOtelConventions : public QObject {
    Q_OBJECT
private slots:
    void openInference();
    void openInferenceKinds();
    void genAi();
    void traceloop();
    void vendorKindsBeatGenAiOperation();
    void nat();
    void langfuseSessions();
    void modelAloneMeansLlm();
    void everyAnyValueForm();
    void idsTimesAndEnumForms();
    void legacyInstrumentationLibrary();
    void badSpansAreSkippedAndCounted();
    void keyValueFieldsInAnyOrder();
};

using namespace spanscope;
using json = nlohmann::json;

namespace {

// One span with these attributes (given as OTLP KeyValue JSON) in an OTLP request.
std::string request(const std::string &attributes, const std::string &extra = "") {
    return R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
      "scopeSpans":[{"scope":{"name":"lib"},"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10",
      "spanId":"1112131415161718","name":"op","startTimeUnixNano":"100","endTimeUnixNano":"200",
      "attributes":[)" +
           attributes + "]" + extra + "}]}]}]}";
}

std::string kv(const std::string &key, const std::string &value) {
    return R"({"key":")" + key + R"(","value":)" + value + "}";
}
// A KeyValue written value first.
std::string vk(const std::string &key, const std::string &value) {
    return R"({"value":)" + value + R"(,"key":")" + key + R"("})";
}
std::string s(const std::string &v) {
    return R"({"stringValue":")" + v + R"("})";
}
std::string i(long long v) {
    return R"({"intValue":")" + std::to_string(v) + R"("})";
}

std::vector<LooseSpanRecord> parse(const std::string &text, ImportReport *reportOut = nullptr) {
    ImportReport report;
    OtlpJsonParser parser("t.json", report);
    std::string padded = text + std::string(OtlpMessages::padding, '\0');
    OtlpMessages::Message m{std::string_view(padded.data(), text.size()), 1, 0, false, false};
    std::vector<LooseSpanRecord> out;
    parser.parse(m, out);
    if (reportOut) *reportOut = report;
    return out;
}

LooseSpanRecord one(const std::string &attributes, const std::string &extra = "") {
    auto spans = parse(request(attributes, extra));
    if (spans.size() != 1) throw std::runtime_error("expected one span");
    return spans.front();
}

} // namespace

void TstOtelConventions::openInference() {
    const auto r =
        one(kv("openinference.span.kind", s("LLM")) + "," + kv("llm.model_name", s("gpt-x")) + "," +
            kv("llm.token_count.prompt", i(12)) + "," + kv("llm.token_count.completion", i(5)) +
            "," + kv("session.id", s("sess-1")) + "," + kv("user.id", s("u-9")) + "," +
            kv("input.value", s("hello")) + "," + kv("output.value", s("world")));
    QCOMPARE(r.span.category, Category::Llm);
    QCOMPARE(r.span.model, std::string("gpt-x"));
    QCOMPARE(*r.span.inputTokens, 12);
    QCOMPARE(*r.span.outputTokens, 5);
    QCOMPARE(r.sessionKey, std::string("sess-1"));
    QCOMPARE(r.userKey, std::string("u-9"));
    const json payload = json::parse(r.span.payloadJson);
    QCOMPARE(payload["input.value"].get<std::string>(), std::string("hello"));
    QCOMPARE(payload["output.value"].get<std::string>(), std::string("world"));
    const json attrs = json::parse(r.span.attributesJson);
    QVERIFY(!attrs.contains("input.value")); // payloads live in the payload column only
    QCOMPARE(attrs["service.name"].get<std::string>(), std::string("svc"));
    QCOMPARE(attrs["otel.scope.name"].get<std::string>(), std::string("lib"));
}

void TstOtelConventions::openInferenceKinds() {
    const std::pair<const char *, Category> cases[] = {
        {"TOOL", Category::Tool},          {"agent", Category::Agent},
        {"CHAIN", Category::Chain},        {"RETRIEVER", Category::Retriever},
        {"RERANKER", Category::Retriever}, {"EMBEDDING", Category::Embedding},
        {"GUARDRAIL", Category::Other},    {"PROMPT", Category::Other}};
    for (const auto &[kind, category] : cases)
        QCOMPARE(one(kv("openinference.span.kind", s(kind))).span.category, category);
}

void TstOtelConventions::genAi() {
    const auto r = one(
        kv("gen_ai.operation.name", s("chat")) + "," + kv("gen_ai.request.model", s("asked")) +
        "," + kv("gen_ai.response.model", s("served")) + "," +
        kv("gen_ai.usage.input_tokens", i(100)) + "," + kv("gen_ai.usage.output_tokens", i(20)) +
        "," + kv("gen_ai.conversation.id", s("conv-3")));
    QCOMPARE(r.span.category, Category::Llm);
    QCOMPARE(r.span.model, std::string("served")); // the response model wins
    QCOMPARE(*r.span.inputTokens, 100);
    QCOMPARE(*r.span.outputTokens, 20);
    QCOMPARE(r.sessionKey, std::string("conv-3"));
    QCOMPARE(one(kv("gen_ai.operation.name", s("execute_tool"))).span.category, Category::Tool);
    QCOMPARE(one(kv("gen_ai.operation.name", s("invoke_agent"))).span.category, Category::Agent);
    QCOMPARE(one(kv("gen_ai.operation.name", s("embeddings"))).span.category, Category::Embedding);
    // The older token names.
    const auto old =
        one(kv("gen_ai.operation.name", s("chat")) + "," + kv("gen_ai.usage.prompt_tokens", i(7)) +
            "," + kv("gen_ai.usage.completion_tokens", i(3)));
    QCOMPARE(*old.span.inputTokens, 7);
    QCOMPARE(*old.span.outputTokens, 3);
}

void TstOtelConventions::traceloop() {
    QCOMPARE(one(kv("traceloop.span.kind", s("workflow"))).span.category, Category::Chain);
    QCOMPARE(one(kv("traceloop.span.kind", s("task"))).span.category, Category::Chain);
    QCOMPARE(one(kv("traceloop.span.kind", s("tool"))).span.category, Category::Tool);
    const auto r =
        one(kv("llm.request.type", s("chat")) + "," + kv("gen_ai.request.model", s("m")) + "," +
            kv("gen_ai.usage.prompt_tokens", i(9)) + "," + kv("traceloop.entity.input", s("in")));
    QCOMPARE(r.span.category, Category::Llm);
    QCOMPARE(*r.span.inputTokens, 9);
    QVERIFY(json::parse(r.span.payloadJson).contains("traceloop.entity.input"));
    QCOMPARE(one(kv("llm.request.type", s("rerank"))).span.category, Category::Retriever);
}

void TstOtelConventions::vendorKindsBeatGenAiOperation() {
    // LangSmith writes gen_ai.operation.name = "chain" on its llm spans.
    const auto r =
        one(kv("gen_ai.operation.name", s("chain")) + "," + kv("langsmith.span.kind", s("llm")));
    QCOMPARE(r.span.category, Category::Llm);
}

void TstOtelConventions::nat() {
    QCOMPARE(one(kv("nat.span.kind", s("FUNCTION"))).span.category, Category::Chain);
    QCOMPARE(one(kv("nat.span.kind", s("EMBEDDER"))).span.category, Category::Embedding);
    QCOMPARE(one(kv("nat.span.kind", s("LLM"))).span.category, Category::Llm);
    // NAT writes "unknown" for a conversation it does not know.
    const auto r =
        one(kv("nat.span.kind", s("TOOL")) + "," + kv("nat.conversation.id", s("unknown")));
    QVERIFY(r.sessionKey.empty());
    QCOMPARE(one(kv("nat.conversation.id", s("c-1"))).sessionKey, std::string("c-1"));
    // The same attributes under the toolkit's former name, AgentIQ.
    QCOMPARE(one(kv("aiq.span.kind", s("FUNCTION"))).span.category, Category::Chain);
    QCOMPARE(one(kv("aiq.conversation.id", s("c-2"))).sessionKey, std::string("c-2"));
}

void TstOtelConventions::langfuseSessions() {
    // Langfuse's exporter writes its own keys (and often session.id beside them).
    const auto r =
        one(kv("langfuse.session.id", s("lf-1")) + "," + kv("langfuse.user.id", s("u-2")));
    QCOMPARE(r.sessionKey, std::string("lf-1"));
    QCOMPARE(r.userKey, std::string("u-2"));
    QCOMPARE(
        one(kv("langfuse.session.id", s("lf-1")) + "," + kv("session.id", s("s-0"))).sessionKey,
        std::string("s-0"));
    QCOMPARE(
        one(kv("gen_ai.conversation.id", s("c-9")) + "," + kv("langfuse.session.id", s("lf-1")))
            .sessionKey,
        std::string("lf-1"));
}

void TstOtelConventions::modelAloneMeansLlm() {
    QCOMPARE(one(kv("gen_ai.request.model", s("m"))).span.category, Category::Llm);
    QCOMPARE(one(kv("http.method", s("GET"))).span.category, Category::Other);
}

void TstOtelConventions::everyAnyValueForm() {
    const auto r =
        one(kv("a", R"({"arrayValue":{"values":[{"intValue":1},{"stringValue":"x"}]}})") + "," +
            kv("k", R"({"kvlistValue":{"values":[{"key":"n","value":{"doubleValue":1.5}}]}})") +
            "," + kv("b", R"({"boolValue":true})") + "," + kv("y", R"({"bytesValue":"AQI="})") +
            "," + kv("big", R"({"intValue":"9007199254740993"})") + "," + kv("none", "{}") + "," +
            kv("q", R"({"stringValue":"say \"hi\"\n"})"));
    const json a = json::parse(r.span.attributesJson);
    QVERIFY((a["a"] == json::parse(R"([1,"x"])")));
    QVERIFY((a["k"] == json::parse(R"({"n":1.5})")));
    QVERIFY(a["b"] == json(true));
    QCOMPARE(a["y"].get<std::string>(), std::string("AQI="));
    QCOMPARE(a["big"].get<std::int64_t>(), std::int64_t(9007199254740993)); // beyond a double
    QVERIFY(a["none"].is_null());
    QCOMPARE(a["q"].get<std::string>(), std::string("say \"hi\"\n"));
}

void TstOtelConventions::idsTimesAndEnumForms() {
    // proto3 JSON: base64 ids, enum names, snake_case names, times as numbers.
    const std::string text =
        R"({"resource_spans":[{"scope_spans":[{"spans":[{"trace_id":"AQIDBAUGBwgJCgsMDQ4PEA==",
        "span_id":"ERITFBUWFxg=","parent_span_id":"AAAAAAAAAAE=","name":"x","kind":"SPAN_KIND_CLIENT",
        "start_time_unix_nano":1544712660000000000,"end_time_unix_nano":"1544712661000000001",
        "status":{"code":"STATUS_CODE_ERROR","message":"boom"}}]}]}]})";
    const auto spans = parse(text);
    QCOMPARE(spans.size(), std::size_t(1));
    const auto &r = spans.front();
    QCOMPARE(r.traceKey, std::string("0102030405060708090a0b0c0d0e0f10"));
    QCOMPARE(r.span.key, std::string("1112131415161718"));
    QCOMPARE(r.parentKey, std::string("0000000000000001"));
    QCOMPARE(r.span.startNs, std::int64_t(1544712660000000000));
    QCOMPARE(r.span.endNs, std::int64_t(1544712661000000001));
    QVERIFY(r.span.flags & SpanError);
    QCOMPARE(json::parse(r.span.attributesJson)["otel.span_kind"].get<std::string>(),
             std::string("CLIENT"));
    // Upper-case hex is lower-cased; a numeric kind and status code work too.
    const auto upper = parse(
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5B8EFFF798038103D269B633813FC60C",
        "spanId":"EEE19B7EC3C1B174","name":"y","kind":2,"startTimeUnixNano":"1","endTimeUnixNano":"2","status":{"code":1}}]}]}]})");
    QCOMPARE(upper.front().traceKey, std::string("5b8efff798038103d269b633813fc60c"));
    QVERIFY(!(upper.front().span.flags & SpanError));
}

void TstOtelConventions::legacyInstrumentationLibrary() {
    const std::string span =
        R"({"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718",
        "name":"z","startTimeUnixNano":"1","endTimeUnixNano":"2"})";
    const auto old = parse(
        R"({"resourceSpans":[{"instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"old"},"spans":[)" +
        span + "]}]}]}");
    QCOMPARE(old.size(), std::size_t(1));
    QCOMPARE(json::parse(old.front().span.attributesJson)["otel.scope.name"].get<std::string>(),
             std::string("old"));
    // Both names in one resource: the spans are read once, from scopeSpans.
    const auto both = parse(R"({"resourceSpans":[{"instrumentationLibrarySpans":[{"spans":[)" +
                            span + R"(]}],"scopeSpans":[{"spans":[)" + span + "]}]}]}");
    QCOMPARE(both.size(), std::size_t(1));
    // In either order; the old name alone after the resource gets the resource's service.
    const auto reversed =
        parse(R"({"resourceSpans":[{"scopeSpans":[{"spans":[)" + span +
              R"(]}],"instrumentationLibrarySpans":[{"spans":[)" + span + "]}]}]}");
    QCOMPARE(reversed.size(), std::size_t(1));
    const auto withResource = parse(
        R"({"resourceSpans":[{"instrumentationLibrarySpans":[{"spans":[)" + span +
        R"(]}],"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]}}]})");
    QCOMPARE(withResource.size(), std::size_t(1));
    QCOMPARE(
        json::parse(withResource.front().span.attributesJson)["service.name"].get<std::string>(),
        std::string("svc"));
}

void TstOtelConventions::badSpansAreSkippedAndCounted() {
    ImportReport report;
    const auto spans = parse(
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz","spanId":"1112131415161718",
        "name":"bad","startTimeUnixNano":"1","endTimeUnixNano":"2"},{"traceId":"0102030405060708090a0b0c0d0e0f10",
        "spanId":"1112131415161718","name":"backwards","startTimeUnixNano":"5","endTimeUnixNano":"2"}]}]}]})",
        &report);
    QCOMPARE(spans.size(), std::size_t(1));
    QCOMPARE(report.warningCount("bad-span"), 1);
    QCOMPARE(report.warningCount("end-before-start"), 1);
    QCOMPARE(spans.front().span.endNs, std::int64_t(5)); // zero width, not swapped
    QVERIFY(spans.front().span.flags & SpanClamped);
}

// The reader decides from the key, when it comes first, where a value goes: straight to the
// payload, to the conventions, or to the attributes alone. A value before its key, a value
// nested in a payload, and a KeyValue with two values (the first kept) all land where the same
// KeyValue in the usual order would.
void TstOtelConventions::keyValueFieldsInAnyOrder() {
    const std::string nested = R"({"kvlistValue":{"values":[{"key":"role","value":)" + s("user") +
                               R"(},{"key":"n","value":)" + i(2) + "}]}}";
    const auto r =
        one(vk("input.value", s("asked \\\"q\\\"")) + "," + vk("llm.model_name", s("m-1")) + "," +
            vk("llm.token_count.prompt", i(7)) + "," + vk("plain.first", s("p1")) + "," +
            kv("output.value", nested) + "," + kv("plain.after", i(3)) + "," +
            R"({"key":"two.values","value":)" + s("kept") + R"(,"value":)" + s("dropped") + "}," +
            R"({"key":"traceloop.entity.input","value":)" + s("first") + R"(,"value":)" +
            s("second") + "}");
    QCOMPARE(r.span.model, std::string("m-1"));
    QCOMPARE(*r.span.inputTokens, 7);
    const json payload = json::parse(r.span.payloadJson);
    QCOMPARE(payload["input.value"].get<std::string>(), std::string("asked \"q\""));
    QVERIFY((payload["output.value"] == json::parse(R"({"role":"user","n":2})")));
    QCOMPARE(payload["traceloop.entity.input"].get<std::string>(), std::string("first"));
    QCOMPARE(payload.size(), std::size_t(3));
    const json attrs = json::parse(r.span.attributesJson);
    QCOMPARE(attrs["llm.model_name"].get<std::string>(), std::string("m-1"));
    QCOMPARE(attrs["plain.first"].get<std::string>(), std::string("p1"));
    QCOMPARE(attrs["plain.after"].get<int>(), 3);
    QCOMPARE(attrs["two.values"].get<std::string>(), std::string("kept"));
    QVERIFY(!attrs.contains("input.value") && !attrs.contains("output.value"));
}

QTEST_GUILESS_MAIN(TstOtelConventions)
#include "tst_otelconventions.moc"

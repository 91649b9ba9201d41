// Binary OTLP (OtlpProtoParser) against OTLP/JSON (OtlpJsonParser): the same request in both
// encodings must give the same records, and hostile protobuf must fail or degrade cleanly.
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "ingest/otlpjsonparser.h"
#include "ingest/otlpprotoparser.h"
#include "testsupport.h"

#include <QtTest>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

using namespace spanscope;
namespace pb = opentelemetry::proto;

namespace {

std::string bytesOf(std::initializer_list<int> values) {
    std::string s;
    for (int v : values)
        s += static_cast<char>(v);
    return s;
}
const std::string traceId = bytesOf({0x0a, 0xf7, 0x65, 0x19, 0x16, 0xcd, 0x43, 0xdd, 0x84, 0x48,
                                     0xeb, 0x21, 0x1c, 0x80, 0x31, 0x9c});
const std::string rootId = bytesOf({0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7});
const std::string childId = bytesOf({0xb7, 0xad, 0x6b, 0x71, 0x69, 0x20, 0x33, 0x31});
const std::string otherId = bytesOf({0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88});

void attr(google::protobuf::RepeatedPtrField<pb::common::v1::KeyValue> *list,
          const std::string &key, const std::function<void(pb::common::v1::AnyValue *)> &set) {
    auto *kv = list->Add();
    kv->set_key(key);
    set(kv->mutable_value());
}

// The request of the equivalence test, built with the generated classes.
std::string protoRequest() {
    pb::collector::trace::v1::ExportTraceServiceRequest req;
    auto *rs = req.add_resource_spans();
    attr(rs->mutable_resource()->mutable_attributes(), "service.name",
         [](auto *v) { v->set_string_value("agent \"one\""); });
    auto *ss = rs->add_scope_spans();
    ss->mutable_scope()->set_name("nat");
    auto *child = ss->add_spans();
    child->set_trace_id(traceId);
    child->set_span_id(childId);
    child->set_parent_span_id(rootId);
    child->set_name("llm call");
    child->set_kind(pb::trace::v1::Span::SPAN_KIND_CLIENT);
    child->set_start_time_unix_nano(1700000000100000000ull);
    child->set_end_time_unix_nano(1700000000200000000ull);
    auto *a = child->mutable_attributes();
    attr(a, "gen_ai.request.model", [](auto *v) { v->set_string_value("gpt-4o"); });
    attr(a, "gen_ai.usage.input_tokens", [](auto *v) { v->set_int_value(120); });
    attr(a, "gen_ai.usage.output_tokens", [](auto *v) { v->set_int_value(30); });
    attr(a, "session.id", [](auto *v) { v->set_string_value("s-1"); });
    attr(a, "temperature", [](auto *v) { v->set_double_value(0.25); });
    attr(a, "stream", [](auto *v) { v->set_bool_value(true); });
    attr(a, "blob", [](auto *v) { v->set_bytes_value("\x01\x02\xff"); });
    attr(a, "tags", [](auto *v) {
        v->mutable_array_value()->add_values()->set_string_value("a");
        v->mutable_array_value()->add_values()->set_int_value(2);
    });
    attr(a, "meta", [](auto *v) {
        auto *kv = v->mutable_kvlist_value()->add_values();
        kv->set_key("k");
        kv->mutable_value()->set_string_value("v\n2");
    });
    attr(a, "input.value", [](auto *v) { v->set_string_value("What is 2+2?"); });
    auto *ev = child->add_events();
    ev->set_time_unix_nano(1700000000150000000ull);
    ev->set_name("first token");
    attr(ev->mutable_attributes(), "index", [](auto *v) { v->set_int_value(0); });
    child->mutable_status()->set_code(pb::trace::v1::Status::STATUS_CODE_ERROR);
    child->mutable_status()->set_message("rate limited");
    auto *link = child->add_links();
    link->set_trace_id(traceId);
    link->set_span_id(otherId);

    auto *root = ss->add_spans();
    root->set_trace_id(traceId);
    root->set_span_id(rootId);
    root->set_name("workflow");
    root->set_start_time_unix_nano(1700000000000000000ull);
    root->set_end_time_unix_nano(1700000000300000000ull);

    auto *open = ss->add_spans(); // no end: unfinished
    open->set_trace_id(traceId);
    open->set_span_id(otherId);
    open->set_parent_span_id(rootId);
    open->set_name("still running");
    open->set_start_time_unix_nano(1700000000250000000ull);
    return req.SerializeAsString();
}

// The same request as an OTLP/HTTP JSON exporter writes it (hex ids, int64 as strings).
std::string jsonRequest() {
    QFile f(testsupport::fixture(QStringLiteral("otlp/proto-equivalent.json")));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

std::vector<LooseSpanRecord> fromJson(const std::string &text, ImportReport &report) {
    std::string padded = text + std::string(OtlpMessages::padding, '\0');
    OtlpMessages::Message m;
    m.text = std::string_view(padded.data(), text.size());
    std::vector<LooseSpanRecord> out;
    OtlpJsonParser("json", report).parse(m, out);
    return out;
}

std::vector<LooseSpanRecord> fromProto(const std::string &bytes, ImportReport &report,
                                       std::int64_t *seen = nullptr) {
    std::vector<LooseSpanRecord> out;
    OtlpProtoParser parser("proto", report);
    parser.parse(bytes, out);
    if (seen) *seen = parser.spansSeen();
    return out;
}

} // namespace

class TestOtlpProto : public QObject {
    Q_OBJECT
private slots:
    void protobufAndJsonGiveTheSameRecords() {
        ImportReport jr, pr;
        const auto json = fromJson(jsonRequest(), jr);
        const auto proto = fromProto(protoRequest(), pr);
        QCOMPARE(proto.size(), std::size_t(3));
        QCOMPARE(proto.size(), json.size());
        for (std::size_t i = 0; i < proto.size(); ++i) {
            const LooseSpanRecord &p = proto[i], &j = json[i];
            QCOMPARE(p.traceKey, j.traceKey);
            QCOMPARE(p.parentKey, j.parentKey);
            QCOMPARE(p.sessionKey, j.sessionKey);
            QCOMPARE(p.span.key, j.span.key);
            QCOMPARE(p.span.name, j.span.name);
            QCOMPARE(p.span.category, j.span.category);
            QCOMPARE(p.span.startNs, j.span.startNs);
            QCOMPARE(p.span.endNs, j.span.endNs);
            QCOMPARE(int(p.span.flags), int(j.span.flags));
            QCOMPARE(p.span.model, j.span.model);
            QCOMPARE(p.span.inputTokens, j.span.inputTokens);
            QCOMPARE(p.span.outputTokens, j.span.outputTokens);
            QCOMPARE(nlohmann::json::parse(p.span.attributesJson),
                     nlohmann::json::parse(j.span.attributesJson));
            QCOMPARE(p.span.payloadJson, j.span.payloadJson);
            QCOMPARE(p.events.size(), j.events.size());
            for (std::size_t e = 0; e < p.events.size(); ++e) {
                QCOMPARE(p.events[e].timeNs, j.events[e].timeNs);
                QCOMPARE(p.events[e].name, j.events[e].name);
                QCOMPARE(p.events[e].attributesJson, j.events[e].attributesJson);
            }
        }
        // What the records hold, beyond agreeing with each other.
        const LooseSpanRecord &llm = proto[0];
        QCOMPARE(llm.traceKey, std::string("0af7651916cd43dd8448eb211c80319c"));
        QCOMPARE(llm.parentKey, std::string("00f067aa0ba902b7"));
        QCOMPARE(llm.span.model, std::string("gpt-4o"));
        QCOMPARE(llm.span.inputTokens.value_or(-1), 120);
        QCOMPARE(llm.sessionKey, std::string("s-1"));
        QVERIFY(llm.span.flags & SpanError);
        QCOMPARE(llm.span.payloadJson, std::string(R"({"input.value":"What is 2+2?"})"));
        const auto attrs = nlohmann::json::parse(llm.span.attributesJson);
        QCOMPARE(attrs["blob"], nlohmann::json("AQL/"));
        QCOMPARE(attrs["meta"]["k"], nlohmann::json("v\n2"));
        QCOMPARE(attrs["otel.span_kind"], nlohmann::json("CLIENT"));
        QCOMPARE(attrs["service.name"], nlohmann::json("agent \"one\""));
        QCOMPARE(attrs["otel.links"][0]["spanId"], nlohmann::json("1122334455667788"));
        QVERIFY(proto[2].span.flags & SpanUnfinished);
        QCOMPARE(pr.warningCount(), 0);
    }

    void brokenProtobufIsRefusedWithItsSize() {
        const std::string good = protoRequest();
        ImportReport report;
        for (const std::string &bad :
             {good.substr(0, good.size() / 2), std::string("\xff\xff\xff\xff\xff", 5),
              std::string("{\"resourceSpans\":[]}")}) {
            try {
                fromProto(bad, report);
                QFAIL("accepted a broken message");
            } catch (const IngestError &e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(
                             QStringLiteral("not a valid OTLP protobuf")),
                         e.what());
                QVERIFY(QString::fromStdString(e.what()).contains(QString::number(bad.size())));
            }
        }
        QCOMPARE(fromProto(std::string(), report).size(), std::size_t(0)); // empty: no spans
    }

    void spansWithInvalidIdsAreRejectedOneByOne() {
        pb::collector::trace::v1::ExportTraceServiceRequest req;
        auto *ss = req.add_resource_spans()->add_scope_spans();
        const auto span = [&](const std::string &t, const std::string &s, const std::string &p) {
            auto *sp = ss->add_spans();
            sp->set_trace_id(t);
            sp->set_span_id(s);
            sp->set_parent_span_id(p);
            sp->set_name("s");
            sp->set_start_time_unix_nano(1);
            sp->set_end_time_unix_nano(2);
        };
        span(traceId, rootId, "");                   // fine
        span(traceId.substr(0, 8), childId, "");     // 8-byte trace id
        span(traceId, "", "");                       // no span id
        span(std::string(16, '\0'), childId, "");    // all-zero trace id
        span(traceId, childId, rootId.substr(0, 3)); // 3-byte parent
        ImportReport report;
        std::int64_t seen = 0;
        const auto out = fromProto(req.SerializeAsString(), report, &seen);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(seen, 5);
        QCOMPARE(report.warningCount("bad-span"), 4);
    }

    void textThatIsNotUtf8IsRepairedNotFatal() {
        pb::collector::trace::v1::ExportTraceServiceRequest req;
        auto *sp = req.add_resource_spans()->add_scope_spans()->add_spans();
        sp->set_trace_id(traceId);
        sp->set_span_id(rootId);
        sp->set_name(std::string("bad \xff name"));
        attr(sp->mutable_attributes(), "note",
             [](auto *v) { v->set_string_value(std::string("a\xc3(b")); });
        ImportReport report;
        const auto out = fromProto(req.SerializeAsString(), report);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].span.name, std::string("bad \xEF\xBF\xBD name"));
        QCOMPARE(nlohmann::json::parse(out[0].span.attributesJson)["note"],
                 nlohmann::json("a\xEF\xBF\xBD(b"));
        QCOMPARE(report.warningCount("bad-utf8"), 2);
        QVERIFY(out[0].span.flags & SpanUntimed); // no start time at all
    }

    // libprotobuf stops at 100 levels of nested messages, which keeps the recursion bounded:
    // deeper is a bad request, not a crash. Within it, values are kept.
    void deepValuesAndImpossibleTimesDegrade() {
        const auto request = [](int levels) {
            pb::collector::trace::v1::ExportTraceServiceRequest req;
            auto *sp = req.add_resource_spans()->add_scope_spans()->add_spans();
            sp->set_trace_id(traceId);
            sp->set_span_id(rootId);
            sp->set_name("deep");
            sp->set_start_time_unix_nano(~0ull); // past int64
            sp->set_end_time_unix_nano(5);
            auto *kv = sp->mutable_attributes()->Add();
            kv->set_key("deep");
            pb::common::v1::AnyValue *v = kv->mutable_value();
            for (int i = 0; i < levels; ++i) // two messages a level: AnyValue, ArrayValue
                v = v->mutable_array_value()->add_values();
            v->set_int_value(1);
            return req.SerializeAsString();
        };
        ImportReport report;
        const auto out = fromProto(request(40), report);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(report.warningCount("bad-time"), 1);
        QVERIFY(out[0].span.flags & SpanUntimed);
        const auto attrs = nlohmann::json::parse(out[0].span.attributesJson);
        nlohmann::json inner = attrs["deep"];
        for (int i = 0; i < 40; ++i)
            inner = inner.at(0);
        QCOMPARE(inner, nlohmann::json(1));
        QVERIFY_THROWS_EXCEPTION(IngestError, fromProto(request(60), report));
    }
};

QTEST_GUILESS_MAIN(TestOtlpProto)
#include "tst_otlpproto.moc"

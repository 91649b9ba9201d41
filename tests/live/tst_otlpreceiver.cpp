// The OTLP/HTTP receiver over real sockets: the answers the OTLP specification asks for, hostile
// requests (a gzip bomb, a slow sender, 10^5 spans at once, 50 senders at once), and the
// OpenTelemetry JavaScript SDK's exporters as real clients.
#include "live/livewriter.h"
#include "live/otlpreceiver.h"
#include "otlpbuilder.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>
#include <arpa/inet.h>
#include <google/rpc/status.pb.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <zlib.h>

using namespace spanscope;
using opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse;

namespace {

// Peak resident memory of this process (the receiver runs in it), in MB.
long peakMb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong() / 1024;
    return -1;
}

// `zeros` bytes of zeros, gzipped a chunk at a time: a small body that decompresses to a lot.
std::string gzipZeros(std::size_t zeros) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
    std::string out, chunk(1 << 20, '\0');
    std::vector<unsigned char> buf(1 << 16);
    for (std::size_t done = 0; done < zeros;) {
        const std::size_t n = std::min(chunk.size(), zeros - done);
        done += n;
        z.next_in = reinterpret_cast<Bytef *>(chunk.data());
        z.avail_in = static_cast<uInt>(n);
        const int flush = done == zeros ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = buf.data();
            z.avail_out = static_cast<uInt>(buf.size());
            deflate(&z, flush);
            out.append(reinterpret_cast<char *>(buf.data()), buf.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

std::string gzip(const std::string &data) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

struct Live {
    std::unique_ptr<LiveWriter> writer;
    std::unique_ptr<OtlpReceiver> receiver;
    std::unique_ptr<httplib::Client> client;

    Live(const QString &file, OtlpReceiver::Options options = {}) {
        options.port = 0;
        LiveWriter::Options wo;
        wo.workspacePath = file;
        writer = std::make_unique<LiveWriter>(wo);
        receiver = std::make_unique<OtlpReceiver>(options);
        receiver->start(*writer);
        client = std::make_unique<httplib::Client>("127.0.0.1", receiver->port());
        client->set_read_timeout(60, 0);
    }
    httplib::Result post(const std::string &body, const std::string &type,
                         const httplib::Headers &headers = {}) {
        return client->Post("/v1/traces", headers, body, type.c_str());
    }
    std::int64_t spans() {
        writer->flush();
        return writer->stats().committed;
    }
};

const std::string protobuf = "application/x-protobuf";

} // namespace

class TestOtlpReceiver : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    QString file() { return m_dir.filePath(QStringLiteral("r%1.spanscope").arg(++m_n)); }

private slots:
    // First, while this process's peak memory is still low.
    void aGzipBombStopsAtTheSizeLimit() {
        Live live(file());
        const std::string bomb = gzipZeros(std::size_t(1) << 30); // 1 GB of zeros, about 1 MB
        QVERIFY(bomb.size() < (std::size_t(2) << 20));
        const long before = peakMb();
        const auto res = live.post(bomb, protobuf, {{"Content-Encoding", "gzip"}});
        QVERIFY(res);
        QCOMPARE(res->status, 413);
        google::rpc::Status status;
        QVERIFY(status.ParseFromString(res->body));
        QVERIFY2(QString::fromStdString(status.message()).contains(QStringLiteral("16 MB")),
                 status.message().c_str());
        // Read up to the limit and no further: far below the gigabyte the body expands to.
        const long grown = peakMb() - before;
        QVERIFY2(grown < 200, qPrintable(QStringLiteral("peak memory grew %1 MB").arg(grown)));
        QCOMPARE(live.receiver->stats().errors, 1);
    }

    void protobufJsonAndGzipAreAccepted() {
        Live live(file());
        const auto req = otlpbuilder::request(1, 10, 5);
        auto res = live.post(req.SerializeAsString(), protobuf);
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        QCOMPARE(res->get_header_value("Content-Type"), protobuf);
        ExportTraceServiceResponse answer;
        QVERIFY(answer.ParseFromString(res->body));
        QVERIFY(!answer.has_partial_success());

        const std::string json =
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":)"
            R"("5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",)"
            R"("name":"json","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})";
        res = live.post(json, "application/json; charset=utf-8");
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        QCOMPARE(res->body, std::string("{}"));

        res = live.post(gzip(otlpbuilder::request(2, 10, 5).SerializeAsString()), protobuf,
                        {{"Content-Encoding", "gzip"}});
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        QCOMPARE(live.spans(), 101);
        QCOMPARE(live.receiver->stats().requests, 3);
    }

    void badRequestsGetTheirStatus() {
        Live live(file());
        auto res = live.post("hello", "text/plain");
        QVERIFY(res);
        QCOMPARE(res->status, 415);
        res = live.post("x", protobuf, {{"Content-Encoding", "br"}});
        QCOMPARE(res->status, 415);
        const std::string good = otlpbuilder::request(3, 4, 4).SerializeAsString();
        res = live.post(good.substr(0, good.size() - 7), protobuf);
        QCOMPARE(res->status, 400);
        google::rpc::Status status;
        QVERIFY(status.ParseFromString(res->body));
        QCOMPARE(status.code(), 3); // INVALID_ARGUMENT
        QVERIFY(QString::fromStdString(status.message()).contains(QStringLiteral("protobuf")));
        res = live.post("{\"resourceSpans\": [", "application/json");
        QCOMPARE(res->status, 400);
        QVERIFY(QString::fromStdString(res->body).contains(QStringLiteral("truncated")));
        res = live.post(std::string((16 << 20) + 1, 'x'), protobuf);
        QCOMPARE(res->status, 413);
        QCOMPARE(live.client->Get("/v1/traces")->status, 405);
        QCOMPARE(live.client->Post("/v1/metrics", good, protobuf.c_str())->status, 404);
        // Nothing of the above reached the run; a good request still does.
        res = live.post(good, protobuf);
        QCOMPARE(res->status, 200);
        QCOMPARE(live.spans(), 16);
    }

    void invalidIdsArePartialSuccess() {
        Live live(file());
        auto req = otlpbuilder::request(4, 2, 3);
        auto *spans = req.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_spans();
        spans->Mutable(0)->set_span_id("short");
        spans->Mutable(1)->set_trace_id(std::string(16, '\0'));
        const auto res = live.post(req.SerializeAsString(), protobuf);
        QCOMPARE(res->status, 200);
        ExportTraceServiceResponse answer;
        QVERIFY(answer.ParseFromString(res->body));
        QCOMPARE(answer.partial_success().rejected_spans(), 2);
        QVERIFY(QString::fromStdString(answer.partial_success().error_message())
                    .contains(QStringLiteral("span_id")));
        QCOMPARE(live.spans(), 4);
        QCOMPARE(live.receiver->stats().spansRejected, 2);
    }

    void aTokenIsNeededOffThisMachine() {
        OtlpReceiver::Options open;
        open.bind = "0.0.0.0";
        QVERIFY_THROWS_EXCEPTION(ReceiverError, OtlpReceiver(open).bind());
        OtlpReceiver::Options guarded;
        guarded.token = OtlpReceiver::newToken();
        QCOMPARE(guarded.token.size(), std::size_t(64));
        Live live(file(), guarded);
        const std::string body = otlpbuilder::request(5, 1, 2).SerializeAsString();
        QCOMPARE(live.post(body, protobuf)->status, 401);
        QCOMPARE(live.post(body, protobuf, {{"Authorization", "Bearer wrong"}})->status, 401);
        QCOMPARE(live.post(body, protobuf, {{"Authorization", "Bearer " + guarded.token}})->status,
                 200);
        QCOMPARE(live.spans(), 2);
    }

    void aTakenPortIsNamed() {
        Live first(file());
        OtlpReceiver::Options same;
        same.port = first.receiver->port();
        try {
            OtlpReceiver(same).bind();
            QFAIL("bound a taken port");
        } catch (const ReceiverError &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(QString::number(same.port)),
                     e.what());
            QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("in use")), e.what());
        }
    }

    void aHundredThousandSpansInOneRequest() {
        Live live(file());
        const std::string body = otlpbuilder::request(6, 10'000, 10).SerializeAsString();
        QVERIFY(body.size() < (std::size_t(16) << 20));
        const auto res = live.post(body, protobuf);
        QVERIFY(res);
        QCOMPARE(res->status, 200);
        QCOMPARE(live.spans(), 100'000);
        const auto stats = live.writer->stop();
        QCOMPARE(stats.traces, 10'000);
        Workspace ws(live.writer->workspacePath());
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans WHERE parent_id IS NULL"),
                 10'000);
    }

    // A sender that stops halfway through its body is cut off at the read timeout; the others
    // are served meanwhile.
    void aSlowSenderTimesOutAlone() {
        OtlpReceiver::Options o;
        o.readTimeout = std::chrono::milliseconds(300);
        Live live(file(), o);
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(live.receiver->port()));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const std::string head = "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                 "application/x-protobuf\r\nContent-Length: 1000\r\n\r\n0123456789";
        QCOMPARE(::send(fd, head.data(), head.size(), 0), static_cast<ssize_t>(head.size()));
        QCOMPARE(live.post(otlpbuilder::request(7, 2, 2).SerializeAsString(), protobuf)->status,
                 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
        char buf[512];
        ssize_t n = 0;
        std::string answer;
        while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
            answer.append(buf, static_cast<std::size_t>(n));
        ::close(fd);
        QVERIFY2(answer.empty() || answer.rfind("HTTP/1.1 400", 0) == 0, answer.c_str());
        QCOMPARE(live.spans(), 4);
    }

    void fiftySendersAtOnce() {
        Live live(file());
        constexpr int senders = 50, requests = 2;
        std::atomic<int> failures{0}, retries{0};
        std::vector<std::thread> threads;
        for (int s = 0; s < senders; ++s)
            threads.emplace_back([&, s] {
                httplib::Client c("127.0.0.1", live.receiver->port());
                c.set_read_timeout(60, 0);
                for (int r = 0; r < requests; ++r) {
                    const std::string body =
                        otlpbuilder::request(100 + static_cast<std::uint64_t>(s * requests + r), 25,
                                             4)
                            .SerializeAsString();
                    for (int attempt = 0;; ++attempt) {
                        const auto res = c.Post("/v1/traces", body, "application/x-protobuf");
                        if (res && res->status == 200) break;
                        if (!res || res->status != 503 || attempt > 100) {
                            ++failures;
                            break;
                        }
                        ++retries;
                        std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    }
                }
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(live.spans(), senders * requests * 100);
        QCOMPARE(live.writer->stats().traces, senders * requests * 25);
    }

    // The OpenTelemetry JS SDK, with its protobuf and its JSON exporter, sends known agent
    // traces (nested, concurrent siblings, GenAI attributes and events, an error); the run must
    // hold exactly those spans.
    void theJavaScriptSdkIsReceivedExactly() {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed: the OpenTelemetry JS client test needs it");
        const QString dir = QStringLiteral(SPANSCOPE_SOURCE_DIR "/tests/live/otlpjs");
        if (!QFileInfo::exists(dir + QStringLiteral("/node_modules/@opentelemetry/sdk-trace-node")))
            QSKIP("tests/live/otlpjs/node_modules is missing: run `npm ci --prefix "
                  "tests/live/otlpjs` (scripts/test.sh does)");
        Live live(file());
        nlohmann::json sent = nlohmann::json::array();
        for (const auto &[protocol, traces] :
             {std::pair{QStringLiteral("proto"), 3}, std::pair{QStringLiteral("json"), 2}}) {
            const QString out = m_dir.filePath(protocol + QStringLiteral(".json"));
            QProcess p;
            p.setWorkingDirectory(dir);
            p.start(node, {QStringLiteral("send.mjs"), QStringLiteral("--url"),
                           QString::fromStdString(live.receiver->endpoint()),
                           QStringLiteral("--protocol"), protocol, QStringLiteral("--traces"),
                           QString::number(traces), QStringLiteral("--seed"),
                           QString::number(traces), QStringLiteral("--out"), out});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            for (auto &s : testsupport::readJson(out))
                sent.push_back(s);
        }
        QCOMPARE(sent.size(), std::size_t(45)); // 9 spans a trace
        live.writer->stop();
        Workspace ws(live.writer->workspacePath());
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans"), 45);
        Statement st(ws.handle(),
                     "SELECT t.trace_key, coalesce(p.span_key, ''), s.name, s.flags & 1, "
                     "coalesce(s.attributes, '{}'), coalesce(s.model, ''), "
                     "coalesce(s.input_tokens, -1), coalesce(s.output_tokens, -1), "
                     "(SELECT count(*) FROM events e WHERE e.span_id = s.id), "
                     "(SELECT e.name FROM events e WHERE e.span_id = s.id LIMIT 1), "
                     "(SELECT e.attributes FROM events e WHERE e.span_id = s.id LIMIT 1) "
                     "FROM spans s JOIN traces t ON t.id = s.trace_id "
                     "LEFT JOIN spans p ON p.id = s.parent_id WHERE s.span_key = ?");
        for (const auto &s : sent) {
            const std::string id = s["spanId"];
            st.bind(1, std::string_view(id));
            QVERIFY2(st.step(), id.c_str());
            QCOMPARE(st.text(0), s["traceId"].get<std::string>());
            QCOMPARE(st.text(1), s["parentSpanId"].get<std::string>());
            QCOMPARE(st.text(2), s["name"].get<std::string>());
            QCOMPARE(st.int64(3) != 0, s["error"].get<bool>());
            const auto attrs = nlohmann::json::parse(st.text(4));
            for (const auto &[key, value] : s["attributes"].items())
                QVERIFY2(attrs.value(key, nlohmann::json()) == value,
                         (id + " " + key + ": " + attrs.dump()).c_str());
            const auto &a = s["attributes"];
            if (a.contains("gen_ai.request.model")) {
                QCOMPARE(st.text(5), a["gen_ai.request.model"].get<std::string>());
                QCOMPARE(st.int64(6), a["gen_ai.usage.input_tokens"].get<std::int64_t>());
                QCOMPARE(st.int64(7), a["gen_ai.usage.output_tokens"].get<std::int64_t>());
            }
            QCOMPARE(st.int64(8), static_cast<std::int64_t>(s["events"].size()));
            if (!s["events"].empty()) {
                const auto &e = s["events"][0];
                QCOMPARE(st.text(9), e["name"].get<std::string>());
                QCOMPARE(nlohmann::json::parse(st.text(10)), e["attributes"]);
            }
            st.reset();
        }
        std::int64_t tokens = 0;
        for (const auto &s : sent)
            tokens += s["attributes"].value("gen_ai.usage.input_tokens", std::int64_t(0));
        QVERIFY(tokens > 0);
        QCOMPARE(testsupport::scalar(ws, "SELECT sum(input_tokens) FROM traces"), tokens);
    }
};

QTEST_GUILESS_MAIN(TestOtlpReceiver)
#include "tst_otlpreceiver.moc"

// Live receiving speed (issue: live traces): spans per second from a sender's POST to a committed
// row, and each request's latency, on loopback. Senders: C++ threads with keep-alive HTTP
// clients posting protobuf requests of 512 spans (the OpenTelemetry SDKs' default batch), and,
// when node and tests/live/otlpjs/node_modules are there, the OpenTelemetry JS SDK with its
// default BatchSpanProcessor. Baseline in the same run: the same spans written as an OTLP JSON
// lines file and imported with `spanscope-cli import`'s code path.
// Usage: spanscope-bench-receive [SPANS] [SENDERS]     (default 500000 spans, 4 senders)
#include "../live/otlpbuilder.h"
#include "core/importprogress.h"
#include "live/livewriter.h"
#include "live/otlpreceiver.h"
#include "store/importer.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <httplib.h>
#include <thread>

using namespace spanscope;

namespace {

constexpr int tracesPerRequest = 64, spansPerTrace = 8; // 512 spans a request

// One request as an OTLP/JSON line, as a collector's file exporter writes it.
std::string
jsonLine(const opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest &r) {
    std::string s = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name",)"
                    R"("value":{"stringValue":"load"}}]},"scopeSpans":[{"spans":[)";
    bool first = true;
    for (const auto &sp : r.resource_spans(0).scope_spans(0).spans()) {
        if (!first) s += ',';
        first = false;
        s += "{\"traceId\":\"" + oteljson::hex(sp.trace_id()) + "\",\"spanId\":\"" +
             oteljson::hex(sp.span_id()) + "\"";
        if (!sp.parent_span_id().empty())
            s += ",\"parentSpanId\":\"" + oteljson::hex(sp.parent_span_id()) + "\"";
        s += ",\"name\":\"" + sp.name() + "\",\"startTimeUnixNano\":\"" +
             std::to_string(sp.start_time_unix_nano()) + "\",\"endTimeUnixNano\":\"" +
             std::to_string(sp.end_time_unix_nano()) + "\",\"attributes\":[";
        for (int i = 0; i < sp.attributes_size(); ++i) {
            const auto &kv = sp.attributes(i);
            s += std::string(i ? "," : "") + "{\"key\":\"" + kv.key() + "\",\"value\":" +
                 (kv.value().has_int_value()
                      ? "{\"intValue\":\"" + std::to_string(kv.value().int_value()) + "\"}"
                      : "{\"stringValue\":\"" + kv.value().string_value() + "\"}") +
                 "}";
        }
        s += "]}";
    }
    return s + "]}]}]}\n";
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Live {
    std::unique_ptr<LiveWriter> writer;
    std::unique_ptr<OtlpReceiver> receiver;
    explicit Live(const QString &file) {
        LiveWriter::Options wo;
        wo.workspacePath = file;
        writer = std::make_unique<LiveWriter>(wo);
        OtlpReceiver::Options ro;
        ro.port = 0;
        receiver = std::make_unique<OtlpReceiver>(ro);
        receiver->start(*writer);
    }
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int spans = argc > 1 ? std::atoi(argv[1]) : 500000;
    const int senders = argc > 2 ? std::atoi(argv[2]) : 4;
    const int requests = std::max(1, spans / (tracesPerRequest * spansPerTrace));
    const int total = requests * tracesPerRequest * spansPerTrace;
    QTemporaryDir tmp;
    std::vector<std::string> bodies;
    QFile lines(tmp.filePath(QStringLiteral("same-spans.jsonl")));
    if (!lines.open(QIODevice::WriteOnly)) return 1;
    for (int r = 0; r < requests; ++r) {
        const auto req = otlpbuilder::request(static_cast<std::uint64_t>(r) + 1, tracesPerRequest,
                                              spansPerTrace);
        bodies.push_back(req.SerializeAsString());
        const std::string line = jsonLine(req);
        lines.write(line.data(), static_cast<qint64>(line.size()));
    }
    lines.close();
    std::printf("%d spans in %d requests of %d spans (%d traces of %d), %d senders\n", total,
                requests, tracesPerRequest * spansPerTrace, tracesPerRequest, spansPerTrace,
                senders);

    // Baseline: the same spans from a file.
    double fileRate = 0;
    {
        Workspace ws(tmp.filePath(QStringLiteral("file.spanscope")));
        ImportProgress progress;
        QElapsedTimer t;
        t.start();
        const auto runs = Importer(ws).importPath(lines.fileName(), {}, progress);
        const double s = static_cast<double>(t.nsecsElapsed()) / 1e9;
        fileRate = static_cast<double>(runs.at(0).spans) / s;
        std::printf("file import (baseline)    %8.0f spans/s  (%lld spans, %.2f s)\n", fileRate,
                    static_cast<long long>(runs.at(0).spans), s);
    }

    // C++ senders: keep-alive clients, each its share of the requests, as fast as answered.
    {
        Live live(tmp.filePath(QStringLiteral("live.spanscope")));
        std::atomic<int> next{0}, retried{0}, failed{0};
        std::vector<std::vector<double>> latencies(static_cast<std::size_t>(senders));
        QElapsedTimer t;
        t.start();
        std::vector<std::thread> threads;
        for (int s = 0; s < senders; ++s)
            threads.emplace_back([&, s] {
                httplib::Client c("127.0.0.1", live.receiver->port());
                c.set_keep_alive(true);
                c.set_tcp_nodelay(true);
                for (int i; (i = next++) < requests;) {
                    for (;;) {
                        const auto start = std::chrono::steady_clock::now();
                        const auto res = c.Post("/v1/traces", bodies[static_cast<std::size_t>(i)],
                                                "application/x-protobuf");
                        latencies[static_cast<std::size_t>(s)].push_back(
                            std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - start)
                                .count());
                        if (res && res->status == 200) break;
                        if (!res || res->status != 503) {
                            ++failed;
                            break;
                        }
                        ++retried;
                        std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    }
                }
            });
        for (auto &th : threads)
            th.join();
        const double sentS = static_cast<double>(t.nsecsElapsed()) / 1e9;
        live.writer->flush();
        const double committedS = static_cast<double>(t.nsecsElapsed()) / 1e9;
        const auto stats = live.writer->stats();
        std::vector<double> all;
        for (const auto &l : latencies)
            all.insert(all.end(), l.begin(), l.end());
        const double rate = static_cast<double>(stats.committed) / committedS;
        std::printf("C++ senders, protobuf     %8.0f spans/s  (%lld committed in %.2f s, all sent "
                    "after %.2f s; %d retried after 503, %d failed)\n",
                    rate, static_cast<long long>(stats.committed), committedS, sentS,
                    retried.load(), failed.load());
        std::printf(
            "  request latency         p50 %.1f ms, p99 %.1f ms, max %.1f ms; %lld commits\n",
            percentile(all, 0.5), percentile(all, 0.99), percentile(all, 1.0),
            static_cast<long long>(stats.commits));
        std::printf("  ratio to file import    %.2f\n", rate / fileRate);
        const auto final = live.writer->stop();
        std::printf("  stop (final link)       %.2f s after the last commit\n",
                    static_cast<double>(t.nsecsElapsed()) / 1e9 - committedS);
        if (final.committed != total)
            std::printf("  MISMATCH: %lld spans stored\n", static_cast<long long>(final.committed));
    }

    // The OpenTelemetry JS SDK with its default batching (512 spans, 5 s or a full batch).
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString js = QStringLiteral(SPANSCOPE_SOURCE_DIR "/tests/live/otlpjs");
    if (node.isEmpty() ||
        !QFile::exists(js + QStringLiteral("/node_modules/@opentelemetry/sdk-trace-node"))) {
        std::printf("OpenTelemetry JS SDK      skipped: needs node and npm ci --prefix "
                    "tests/live/otlpjs\n");
        return 0;
    }
    Live live(tmp.filePath(QStringLiteral("js.spanscope")));
    QProcess p;
    p.setWorkingDirectory(js);
    QElapsedTimer t;
    t.start();
    p.start(node, {QStringLiteral("load.mjs"), QStringLiteral("--url"),
                   QString::fromStdString(live.receiver->endpoint()), QStringLiteral("--spans"),
                   QString::number(total / 5)});
    p.waitForFinished(-1);
    live.writer->flush();
    const double s = static_cast<double>(t.nsecsElapsed()) / 1e9;
    const auto stats = live.writer->stats();
    const auto received = live.receiver->stats();
    std::printf("OpenTelemetry JS SDK      %8.0f spans/s  (%lld committed in %.2f s, node "
                "included; it reports: %s; the receiver refused %lld spans in 503 answers, the "
                "rest of what it made the SDK dropped from its own queue)\n",
                static_cast<double>(stats.committed) / s, static_cast<long long>(stats.committed),
                s, p.readAllStandardOutput().trimmed().constData(),
                static_cast<long long>(received.spansRefused));
    return 0;
}

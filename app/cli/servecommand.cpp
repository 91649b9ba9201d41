#include "servecommand.h"

#include "clicommands.h"
#include "clisupport.h"
#include "live/livewriter.h"
#include "live/otlpreceiver.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QFile>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <pthread.h>

namespace spanscope::cli {

namespace {

nlohmann::json statsJson(const LiveWriter::Stats &w, const OtlpReceiver::Stats &r) {
    return {{"runId", w.runId},
            {"requests", r.requests},
            {"spans", w.committed},
            {"traces", w.traces},
            {"rejected", r.spansRejected},
            {"refused", r.spansRefused},
            {"errors", r.errors},
            {"bytes", r.bytes},
            {"commits", w.commits}};
}

} // namespace

int runServe(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("port"),
                 QStringLiteral("TCP port (default 4318, OTLP/HTTP's; 0 picks a free one)."),
                 QStringLiteral("PORT"), QStringLiteral("4318")});
    p.addOption({QStringLiteral("bind"),
                 QStringLiteral("Address to listen on (default 127.0.0.1, this machine only). Any "
                                "other address needs a token: --token-file, or one is made and "
                                "printed."),
                 QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("token-file"),
                 QStringLiteral("File holding the bearer token senders must send "
                                "(Authorization: Bearer TOKEN)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("label"),
                 QStringLiteral("Label of the live run (default: live HH:MM)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("max-body"),
                 QStringLiteral("Largest request body in MB, after decompression (default 16)."),
                 QStringLiteral("MB"), QStringLiteral("16")});
    p.addOption({QStringLiteral("for"),
                 QStringLiteral("Stop after SECONDS, as on SIGTERM (default: until a signal)."),
                 QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("text or json: how the endpoint and the final counts are printed "
                                "on stdout."),
                 QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    bool portOk = false, bodyOk = false, forOk = true;
    OtlpReceiver::Options options;
    options.port = p.value(QStringLiteral("port")).toInt(&portOk);
    options.bind = p.value(QStringLiteral("bind")).toStdString();
    const int bodyMb = p.value(QStringLiteral("max-body")).toInt(&bodyOk);
    double forSeconds = 0;
    if (p.isSet(QStringLiteral("for")))
        forSeconds = p.value(QStringLiteral("for")).toDouble(&forOk);
    const QString format = p.value(QStringLiteral("format"));
    if (!portOk || options.port < 0 || options.port > 65535 || !bodyOk || bodyMb < 1 || !forOk ||
        forSeconds < 0 || (format != QLatin1String("text") && format != QLatin1String("json"))) {
        err("spanscope-cli serve: --port takes 0..65535, --max-body a number of MB, --for "
            "seconds, --format text or json");
        return Usage;
    }
    options.maxBodyBytes = static_cast<std::size_t>(bodyMb) << 20;
    bool tokenMade = false;
    if (p.isSet(QStringLiteral("token-file"))) {
        QFile f(p.value(QStringLiteral("token-file")));
        if (!f.open(QIODevice::ReadOnly)) {
            err("error: " + f.fileName().toStdString() + ": " + f.errorString().toStdString());
            return BadInput;
        }
        options.token = f.readAll().trimmed().toStdString();
        if (options.token.empty()) {
            err("error: " + f.fileName().toStdString() + ": the token file is empty");
            return BadInput;
        }
    } else if (!OtlpReceiver::isLoopback(options.bind)) {
        options.token = OtlpReceiver::newToken();
        tokenMade = true;
    }

    // SIGINT and SIGTERM are taken by this thread alone (sigtimedwait below): blocked before
    // the writer's and the server's threads start, so they inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    LiveWriter::Options wo;
    wo.workspacePath = workspacePath(p);
    wo.label =
        p.isSet(QStringLiteral("label"))
            ? p.value(QStringLiteral("label")).toStdString()
            : "live " +
                  QDateTime::currentDateTime().toString(QStringLiteral("HH:mm")).toStdString();
    std::unique_ptr<LiveWriter> writer;
    std::unique_ptr<OtlpReceiver> receiver;
    try {
        receiver = std::make_unique<OtlpReceiver>(options);
        receiver->bind();
        wo.source = receiver->endpoint();
        writer = std::make_unique<LiveWriter>(wo);
        receiver->start(*writer);
    } catch (const std::exception &e) {
        if (writer) writer->stop();
        err(std::string("error: ") + e.what());
        return BadInput;
    }
    const bool json = format == QLatin1String("json");
    if (json) {
        nlohmann::json start = {{"endpoint", receiver->endpoint()},
                                {"runId", writer->runId()},
                                {"workspace", wo.workspacePath.toStdString()}};
        if (tokenMade) start["token"] = options.token;
        out(start.dump() + "\n");
    } else {
        out("receiving OTLP/HTTP traces at " + receiver->endpoint() + "\n");
        out("live run " + std::to_string(writer->runId()) + " in " +
            wo.workspacePath.toStdString() + "\n");
        if (tokenMade) out("token (send Authorization: Bearer TOKEN): " + options.token + "\n");
        out("stop with Ctrl+C\n");
    }
    std::fflush(stdout);

    const auto started = std::chrono::steady_clock::now();
    std::int64_t lastSpans = 0;
    for (;;) {
        timespec wait{1, 0};
        if (forSeconds > 0) {
            const double left =
                forSeconds -
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (left <= 0) break;
            if (left < 1) wait = {0, static_cast<long>(left * 1e9)};
        }
        if (sigtimedwait(&stopSignals, nullptr, &wait) > 0) break;
        const auto w = writer->stats();
        const auto r = receiver->stats();
        if (!w.error.empty()) {
            err("error: the live run stopped: " + w.error);
            break;
        }
        if (!json && w.committed != lastSpans)
            err(std::to_string(w.committed) + " spans in " + std::to_string(w.traces) +
                " traces (" + std::to_string(w.committed - lastSpans) + "/s), " +
                std::to_string(r.spansRejected) + " rejected\n");
        lastSpans = w.committed;
    }
    // Senders answered 200 have their spans queued: stop taking more, then commit them all.
    receiver->stop();
    const LiveWriter::Stats w = writer->stop();
    const OtlpReceiver::Stats r = receiver->stats();
    if (json) {
        nlohmann::json done = statsJson(w, r);
        if (!w.error.empty()) done["error"] = w.error;
        out(done.dump() + "\n");
    } else {
        out("stopped: " + std::to_string(w.committed) + " spans in " + std::to_string(w.traces) +
            " traces committed to run " + std::to_string(w.runId) + "; " +
            std::to_string(r.spansRejected) + " rejected, " + std::to_string(r.errors) +
            " requests refused\n");
    }
    return w.error.empty() ? Ok : BadInput;
}

} // namespace spanscope::cli

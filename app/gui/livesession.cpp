#include "livesession.h"

#include "live/livewriter.h"
#include "live/otlpreceiver.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace spanscope {

LiveSession::LiveSession(const QString &workspacePath, int port, QObject *parent)
    : QObject(parent) {
    OtlpReceiver::Options options;
    options.port = port;
    m_receiver = std::make_unique<OtlpReceiver>(options);
    m_receiver->bind();
    LiveWriter::Options wo;
    wo.workspacePath = workspacePath;
    wo.label = tr("live %1")
                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm")))
                   .toStdString();
    wo.source = m_receiver->endpoint();
    m_writer = std::make_unique<LiveWriter>(wo);
    m_receiver->start(*m_writer);
    m_endpoint = QString::fromStdString(m_receiver->endpoint());
    m_runId = m_writer->runId();
    m_last.runId = m_runId;
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &LiveSession::poll);
    m_timer.start();
}

LiveSession::~LiveSession() {
    stop();
    m_stopping.waitForFinished(); // everything accepted is committed before the window goes
}

namespace {
LiveSession::Counts countsOf(std::int64_t runId, const LiveWriter::Stats &w,
                             const OtlpReceiver::Stats &r) {
    LiveSession::Counts c;
    c.runId = runId;
    c.spans = w.committed;
    c.traces = w.traces;
    c.rejected = r.spansRejected;
    c.errors = r.errors;
    c.refused = r.spansRefused;
    c.error = QString::fromStdString(w.error);
    return c;
}
} // namespace

void LiveSession::poll() {
    if (!m_receiver) return;
    Counts c = countsOf(m_runId, m_writer->stats(), m_receiver->stats());
    c.spansPerSecond =
        static_cast<double>(c.spans - m_last.spans) * 1000.0 / std::max(1, m_timer.interval());
    const bool grew = c.spans != m_last.spans;
    m_last = c;
    emit tick(c, grew);
}

// The last commit and the run's final link take a moment on a large run: done on a worker, the
// window stays responsive and says "stopping" meanwhile.
void LiveSession::stop() {
    if (!m_receiver) return;
    m_timer.stop();
    std::shared_ptr<OtlpReceiver> receiver(m_receiver.release());
    std::shared_ptr<LiveWriter> writer(m_writer.release());
    using Result = std::pair<LiveWriter::Stats, OtlpReceiver::Stats>;
    QFuture<Result> future = QtConcurrent::run([receiver, writer] {
        // Requests answered 200 are queued: stop taking more, then commit them all.
        receiver->stop();
        const LiveWriter::Stats w = writer->stop();
        return Result{w, receiver->stats()};
    });
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const auto [w, r] = watcher->result();
        watcher->deleteLater();
        m_last = countsOf(m_runId, w, r);
        emit stopped(m_last);
    });
    watcher->setFuture(future);
    m_stopping = QFuture<void>(future);
}

} // namespace spanscope

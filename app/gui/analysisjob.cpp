#include "analysisjob.h"

#include "store/runanalysis.h"
#include "store/workspace.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace spanscope {

AnalysisJob::AnalysisJob(QString workspacePath, QObject *parent)
    : QObject(parent), m_path(std::move(workspacePath)) {}

AnalysisJob::~AnalysisJob() {
    for (QFuture<void> &f : m_pending)
        f.waitForFinished();
}

void AnalysisJob::clear() {
    ++m_generation;
}

void AnalysisJob::start(std::int64_t runId, std::shared_ptr<const TimelineSpans> spans) {
    const std::uint64_t generation = ++m_generation;
    if (!spans) return;
    struct Outcome {
        std::shared_ptr<const RunAnalysis> analysis;
        QString error;
    };
    auto future = QtConcurrent::run([path = m_path, runId, spans] {
        Outcome o;
        try {
            Workspace ws(path);
            o.analysis = analyseRun(ws, runId, spans);
        } catch (const std::exception &e) {
            o.error = QString::fromUtf8(e.what());
        }
        return o;
    });
    m_pending.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_pending.push_back(QFuture<void>(future));
    ++m_running;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const Outcome o = watcher->result();
        watcher->deleteLater();
        --m_running;
        if (generation != m_generation) return;
        if (o.analysis)
            emit ready(o.analysis);
        else
            emit failed(o.error);
    });
    watcher->setFuture(future);
}

} // namespace spanscope

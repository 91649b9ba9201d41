#include "importcontroller.h"

#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "storeerror.h"
#include "workspace.h"

#include <QtConcurrent/QtConcurrentRun>

namespace spanscope {

ImportController::ImportController(QString workspacePath, QObject *parent)
    : QObject(parent), m_workspacePath(std::move(workspacePath)) {
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ImportController::poll);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_timer.stop();
        poll();
        m_running = false;
        const bool cancelled = m_progress && m_progress->cancelled();
        emit finished(cancelled);
    });
}

ImportController::~ImportController() {
    if (m_progress) m_progress->cancel();
    m_watcher.waitForFinished();
}

bool ImportController::start(const QStringList &paths, const ImportOptions &options) {
    if (m_running) return false;
    m_running = true;
    m_progress = std::make_shared<ImportProgress>();
    const auto progress = m_progress;
    const QString workspacePath = m_workspacePath;
    // Outcomes are queued to this object's thread: the worker never touches `this` directly.
    const auto report = [this](auto &&fn) {
        QMetaObject::invokeMethod(this, std::forward<decltype(fn)>(fn), Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([=, this] {
        std::unique_ptr<Workspace> ws;
        for (const QString &path : paths) {
            if (progress->cancelled()) break;
            QString error;
            try {
                if (!ws) ws = std::make_unique<Workspace>(workspacePath);
                Importer importer(*ws);
                const auto runs = importer.importPath(path, options, *progress);
                QList<qint64> ids;
                int unchanged = 0;
                for (const ImportedRun &r : runs) {
                    ids.push_back(r.runId);
                    unchanged += r.unchanged ? 1 : 0;
                }
                report([this, path, ids, unchanged] { emit pathImported(path, ids, unchanged); });
                continue;
            } catch (const ImportCancelled &) {
                break;
            } catch (const IngestError &e) {
                error = QString::fromUtf8(e.what());
            } catch (const StoreError &e) {
                error = QStringLiteral("workspace %1: %2")
                            .arg(workspacePath, QString::fromUtf8(e.what()));
            } catch (const std::exception &e) {
                error = QString::fromUtf8(e.what());
            }
            report([this, path, error] { emit pathFailed(path, error); });
        }
    }));
    m_timer.start();
    return true;
}

void ImportController::cancel() {
    if (m_progress) m_progress->cancel();
}

void ImportController::poll() {
    if (!m_progress) return;
    emit progressChanged(m_progress->done(), m_progress->total(),
                         QString::fromUtf8(m_progress->phase()));
}

} // namespace spanscope

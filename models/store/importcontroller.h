#pragma once

#include "importer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace spanscope {

class ImportProgress;

// Runs imports off the caller's thread (DESIGN.md section 4) for the desktop app: the paths of
// one request are imported one after another on a worker with its own workspace connection,
// so the UI keeps reading the workspace (WAL) while the import writes. Progress is polled from
// the shared ImportProgress ten times a second; each path's outcome is reported once its
// transaction has committed or rolled back. Paths after a failed one are still imported; a
// cancel stops the current path (rolled back) and skips the rest.
class ImportController : public QObject {
    Q_OBJECT
public:
    explicit ImportController(QString workspacePath, QObject *parent = nullptr);
    ~ImportController() override; // cancels a running import and waits for it

    bool busy() const { return m_running; }
    // Starts importing; false (nothing started) while an import is running.
    bool start(const QStringList &paths, const ImportOptions &options = {});
    void cancel();

signals:
    void progressChanged(qint64 done, qint64 total, const QString &phase);
    // A path committed: the runs it made (unchanged inputs name the earlier run).
    void pathImported(const QString &path, const QList<qint64> &runIds, int unchanged);
    // A path failed and was rolled back: the reader's or the store's message, naming the file
    // and the place.
    void pathFailed(const QString &path, const QString &message);
    void finished(bool cancelled);

private:
    void poll();

    QString m_workspacePath;
    std::shared_ptr<ImportProgress> m_progress;
    QFutureWatcher<void> m_watcher;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace spanscope

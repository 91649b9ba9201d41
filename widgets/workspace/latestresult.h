#pragma once

#include "store/workspace.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <functional>

namespace spanscope {

// Runs workspace reads on a worker thread, each with its own connection, and hands only the
// newest request's result back on the owner's thread: older results are dropped, so a view
// never shows a run the user has already left.
template <typename T> class LatestResult {
public:
    LatestResult(QObject *owner, QString workspacePath)
        : m_owner(owner), m_path(std::move(workspacePath)) {}
    ~LatestResult() {
        for (QFuture<Outcome> &f : m_pending)
            f.waitForFinished();
    }
    LatestResult(const LatestResult &) = delete;
    LatestResult &operator=(const LatestResult &) = delete;

    void run(std::function<T(const Workspace &)> work, std::function<void(const T &)> done,
             std::function<void(const QString &)> failed) {
        const std::uint64_t generation = ++m_generation;
        QFuture<Outcome> future = QtConcurrent::run([path = m_path, work = std::move(work)] {
            Outcome o;
            try {
                const Workspace ws(path);
                o.value = work(ws);
                o.ok = true;
            } catch (const std::exception &e) {
                o.error = QString::fromUtf8(e.what());
            }
            return o;
        });
        m_pending.removeIf([](const QFuture<Outcome> &f) { return f.isFinished(); });
        m_pending.push_back(future);
        auto *watcher = new QFutureWatcher<Outcome>(m_owner);
        QObject::connect(
            watcher, &QFutureWatcherBase::finished, m_owner,
            [this, watcher, generation, done = std::move(done), failed = std::move(failed)] {
                const Outcome o = watcher->result();
                watcher->deleteLater();
                if (generation != m_generation) return;
                if (o.ok)
                    done(o.value);
                else if (failed)
                    failed(o.error);
            });
        watcher->setFuture(future);
    }
    void clear() { ++m_generation; }
    bool busy() const {
        for (const QFuture<Outcome> &f : m_pending)
            if (!f.isFinished()) return true;
        return false;
    }

private:
    struct Outcome {
        T value{};
        bool ok = false;
        QString error;
    };
    QObject *m_owner;
    QString m_path;
    std::uint64_t m_generation = 0;
    QList<QFuture<Outcome>> m_pending;
};

} // namespace spanscope

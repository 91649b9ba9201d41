// MainWindow: receiving live traces (File > Receive live traces, spanscope --listen): the
// session, its dock, and the live run's views refreshed at most once a second.
#include "item/runlistmodel.h"
#include "item/tracetablemodel.h"
#include "live/livepanel.h"
#include "livesession.h"
#include "mainwindow.h"
#include "timeline/timelinepane.h"
#include "workspace/requestspanel.h"
#include "workspace/runspanel.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

namespace spanscope {

bool MainWindow::startLive(int port) {
    if (m_live && m_live->running()) {
        statusBar()->showMessage(tr("Already receiving at %1").arg(m_live->endpoint()), 5000);
        return false;
    }
    delete m_live;
    m_live = nullptr;
    try {
        m_live = new LiveSession(workspace().path(), port, this);
    } catch (const std::exception &e) {
        m_lastError = tr("Cannot receive live traces: %1").arg(QString::fromUtf8(e.what()));
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Receive live traces"), m_lastError,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    if (!m_liveDock) {
        m_livePanel = new LivePanel;
        m_liveDock = new QDockWidget(tr("Live traces"), this);
        m_liveDock->setObjectName(QStringLiteral("liveDock"));
        m_liveDock->setWidget(m_livePanel);
        addDockWidget(Qt::RightDockWidgetArea, m_liveDock);
        connect(m_livePanel, &LivePanel::stopRequested, this, &MainWindow::stopLive);
    }
    m_livePanel->setEndpoint(m_live->endpoint());
    m_liveDock->show();
    m_liveDock->raise();
    // Tall enough for its wrapped lines: under the inspector a new dock gets a sliver.
    resizeDocks({m_liveDock}, {m_livePanel->heightForWidth(m_liveDock->width()) + 40},
                Qt::Vertical);
    const std::int64_t runId = m_live->runId();
    connect(m_live, &LiveSession::tick, this,
            [this, runId](const LiveSession::Counts &c, bool grew) {
                m_livePanel->setCounts(c.spans, c.traces, c.spansPerSecond, c.rejected, c.errors,
                                       c.error);
                if (!grew) return;
                m_runModel->refreshRun(runId);
                if (m_timeline->runId() == runId) {
                    m_timeline->refreshRun();
                    m_requestsPanel->refreshRun();
                }
            });
    connect(m_live, &LiveSession::stopped, this, [this, runId](const LiveSession::Counts &c) {
        m_livePanel->setStopped(c.spans, c.traces);
        m_runModel->refreshRun(runId);
        if (m_timeline->runId() == runId) {
            m_timeline->setLive(false);
            m_timeline->refreshRun(); // the final link may have placed spans
            m_requestsPanel->refreshRun();
        }
        statusBar()->showMessage(tr("Stopped receiving: %L1 spans kept.").arg(c.spans), 8000);
    });
    m_runModel->reload();
    m_runsPanel->selectRun(runId); // shows it, following (showRun)
    statusBar()->showMessage(tr("Receiving live traces at %1").arg(m_live->endpoint()), 8000);
    return true;
}

void MainWindow::stopLive() {
    if (!m_live || !m_live->running()) return;
    m_livePanel->setStopping();
    m_live->stop();
}

void MainWindow::chooseLivePort() {
    bool ok = false;
    const int port = QInputDialog::getInt(
        this, tr("Receive live traces"),
        tr("Port on this machine to receive OTLP/HTTP traces on (4318 is OTLP/HTTP's; 0 picks a "
           "free one):"),
        4318, 0, 65535, 1, &ok);
    if (ok) startLive(port);
}

bool MainWindow::isLiveRun(std::int64_t runId) const {
    return m_live && m_live->running() && m_live->runId() == runId;
}

} // namespace spanscope

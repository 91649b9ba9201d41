#pragma once

#include <QMainWindow>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QDockWidget;
class QLabel;
class QMenu;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace spanscope {

class AnalysisJob;
class DecisionTabs;
class ImportController;
class InspectorView;
class LivePanel;
class LiveSession;
class RequestsPanel;
class RunListModel;
class RunsPanel;
class SessionsPane;
class StacksPane;
class TokensPane;
struct RunAnalysis;
class TimelinePane;
class TraceTableModel;
class Workspace;

// The desktop app's window over one workspace: runs and requests docks on the left, the
// timeline in the middle, the inspector on the right, imports in the background with progress
// and Cancel in the status bar. Opening another workspace opens another window.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Opens (creating if needed) the workspace; throws StoreError when it cannot.
    explicit MainWindow(const QString &workspacePath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Imports files and folders in the background; false when an import is already running.
    bool importPaths(const QStringList &paths);
    // Writes the demo data (a NAT eval run and an OTLP rollout dump of a synthetic agent) into
    // `folder` and imports it.
    void importDemo(const QString &folder);

    Workspace &workspace() const { return *m_ws; }
    ImportController *importController() const { return m_import; }
    RunListModel *runModel() const { return m_runModel; }
    TraceTableModel *requestModel() const { return m_requestModel; }
    RunsPanel *runsPanel() const { return m_runsPanel; }
    RequestsPanel *requestsPanel() const { return m_requestsPanel; }
    TimelinePane *timeline() const { return m_timeline; }
    InspectorView *inspector() const { return m_inspector; }
    QTabWidget *centreTabs() const { return m_centre; }
    StacksPane *stacks() const { return m_stacks; }
    SessionsPane *sessions() const { return m_sessions; }
    TokensPane *tokens() const { return m_tokens; }
    DecisionTabs *decisions() const { return m_decisions; }
    // Opens a request's waterfall with its critical path outlined (the slow-request views).
    void openRequest(std::int32_t trace);
    // Opens a request of any run (workspace ids): selects the run first when it is not shown.
    void openRunRequest(std::int64_t runId, std::int64_t traceId);
    // The critical path last opened: span index -> its time on the path (ns).
    const std::map<std::int32_t, std::int64_t> &criticalSpans() const { return m_critical; }
    AnalysisJob *analysisJob() const { return m_analysisJob; }
    // The selected run's analysis (null until it is computed).
    std::shared_ptr<const RunAnalysis> analysis() const { return m_analysis; }
    // Receives OTLP/HTTP traces on 127.0.0.1:port (0: a free port) into a live run of this
    // workspace, shown and followed (mainwindowlive.cpp); false, with the reason in a dialog and
    // lastErrorText(), when it cannot.
    bool startLive(int port);
    void stopLive();
    LiveSession *liveSession() const { return m_live; }
    LivePanel *livePanel() const { return m_livePanel; }
    // The text of the last import error dialog ("" when none was shown).
    QString lastErrorText() const { return m_lastError; }

signals:
    void importFinished(); // every path of the last request committed or rolled back
    void analysisReady();  // the selected run's analysis views are filled

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool m_docksSized = false; // by the window's width, once
    void buildMenus();
    void buildDocks();
    void buildAnalysis();
    void openCall(std::int32_t trace, std::int32_t span);
    void openSpanRow(std::int64_t spanRowId);
    void fillStep(std::uint64_t generation, std::vector<std::function<void()>> steps,
                  std::size_t next);
    void showRun(qint64 runId);
    void restyle(); // after a theme switch
    void onProgress(qint64 done, qint64 total, const QString &phase);
    void onImportFinished(bool cancelled);
    void openWorkspaceWindow(const QString &path);
    void chooseAndImport(bool folder);
    void chooseWorkspace(); // an existing workspace, in a window of its own
    void newWorkspace();    // a file name for a new one
    void quitAll();         // asks first when it would end more than this window's view
    void chooseLivePort();  // File > Receive live traces
    bool isLiveRun(std::int64_t runId) const;

    std::unique_ptr<Workspace> m_ws;
    RunListModel *m_runModel;
    TraceTableModel *m_requestModel;
    ImportController *m_import;
    RunsPanel *m_runsPanel = nullptr;
    RequestsPanel *m_requestsPanel = nullptr;
    TimelinePane *m_timeline = nullptr;
    InspectorView *m_inspector = nullptr;
    QTabWidget *m_centre = nullptr;
    StacksPane *m_stacks = nullptr;
    SessionsPane *m_sessions = nullptr;
    TokensPane *m_tokens = nullptr;
    DecisionTabs *m_decisions = nullptr;
    std::pair<std::int64_t, std::int64_t> m_pendingRequest{0, 0}; // run, trace to open
    std::map<std::int32_t, std::int64_t> m_critical;
    std::int64_t m_criticalLatencyNs = 0;
    std::uint64_t m_fillGeneration = 0;
    AnalysisJob *m_analysisJob = nullptr;
    std::shared_ptr<const RunAnalysis> m_analysis;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QString m_importNote; // during an import: what it is at, shown before its progress
    QPushButton *m_cancel;
    QStringList m_errors; // of the running import, shown together when it ends
    qint64 m_lastImported = 0;
    QString m_lastError;
    LiveSession *m_live = nullptr;
    QDockWidget *m_liveDock = nullptr;
    LivePanel *m_livePanel = nullptr;
};

} // namespace spanscope

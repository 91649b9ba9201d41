#pragma once

#include "analysis/timelinelayout.h"
#include "timelinepainter.h"

#include <QFuture>
#include <QList>
#include <QWidget>
#include <map>
#include <memory>
#include <unordered_map>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QScrollBar;
class QTimer;
class QToolButton;

namespace spanscope {

class ChunkMarksLoader;
class ConcurrencyTrack;
class ElidedLabel;
class TimelineMinimap;
struct RunAnalysis;
class TimelineView;
class Workspace;
struct LoadedRun;

// A run's timeline with its controls: layout switch (a lane group per request, packed by
// concurrency, or one request's waterfall), search, the canvas and the minimap. Owns the
// run's span columns and layouts; loads them, builds layouts and searches on worker threads
// with their own workspace connections, and swaps results in when they are ready.
class TimelinePane : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Requests, Packed, Waterfall };

    explicit TimelinePane(QWidget *parent = nullptr);
    ~TimelinePane() override;

    // The workspace the UI reads (tooltips); workers open their own connections to its file.
    void setWorkspace(Workspace *workspace);
    void showRun(std::int64_t runId); // 0 clears
    // Loads the shown run again (it grew: a live run), keeping the layout, the selection and
    // the time shown, or moving to the newest time when following. One refresh at a time.
    void refreshRun();
    // A live run: shows the Follow toggle and follows the newest time until the user scrolls
    // or zooms away from it.
    void setLive(bool live);
    void setFollow(bool follow);
    bool following() const { return m_follow; }
    QToolButton *followToggle() const { return m_followButton; }
    std::int64_t runId() const { return m_runId; }
    // One request (by its index in request order) as a waterfall.
    void openTrace(std::int32_t traceIndex);
    // Scrolls a request's lane group into view (a lane group per request; else nothing).
    void revealTrace(std::int32_t traceIndex);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Outlines the spans matching `text`; `step` also selects the first hit and shows it
    // (Enter), a live search while typing only counts and outlines.
    void search(const QString &text, bool step = true);
    // The run's analysis, for the concurrency track above the lanes (null clears it).
    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis);
    ConcurrencyTrack *concurrencyTrack() const { return m_track; }
    QSpinBox *thresholdBox() const { return m_threshold; }

    TimelineView *view() const { return m_view; }
    const TimelineSpans *spans() const { return m_spans.get(); }
    std::shared_ptr<const TimelineSpans> sharedSpans() const { return m_spans; }
    // Outlines these spans (indexes into spans()) like search hits, steps to the first, and
    // says `what` they are in the status line; empty clears.
    void showSpans(const std::vector<std::int32_t> &spans, const QString &what);
    std::int32_t traceShown() const { return m_trace; }
    // Keeps these requests (by index; empty: all) bright and draws the rest faint: what the
    // Requests dock's filter passed.
    void setShownRequests(const std::vector<bool> &shown);
    // Chunk arrivals read so far for the streamed spans drawn wide enough, by span.
    const std::unordered_map<std::int32_t, ChunkMarks> &chunkMarks() const;
    // A request's name (requestName()), by its index in request order.
    QString requestName(std::int32_t traceIndex) const;
    // Spans that started and never ended (NAT's LLM timeouts): shown, marked, or left out of
    // the lanes (the toolbar's "Unfinished" toggle, shown when the run has any).
    void setShowUnfinished(bool show);
    bool showsUnfinished() const { return !m_hideUnfinished; }
    QToolButton *unfinishedToggle() const { return m_unfinished; }
    QString statusText() const; // whole, also where the toolbar shows it cut short
    int matchCount() const { return static_cast<int>(m_matchOrder.size()); }
    bool busy() const;

signals:
    void loaded();        // a run's spans are shown
    void layoutChanged(); // a mode switch, a waterfall opened or collapsed
    void searchFinished(int hits);
    void spanSelected(qint64 spanRowId); // 0 when the selection was cleared
    void traceOpened(int traceIndex);
    void failed(const QString &message); // a load or search that could not read the workspace
    void sizingRequested();              // the empty canvas's link: the run is a sizing run

private:
    template <typename Work, typename Done> void runJob(std::uint64_t &kind, Work work, Done done);
    void applyLayout(std::shared_ptr<TimelineLayout> layout, bool fit);
    void rebuildLayout(bool fit);
    void toggleCollapse(std::int32_t span);
    std::uint8_t hiddenFlags() const; // SpanFlag bits the lanes leave out
    void updateStatus();
    void updateLegend();
    void loadRun(bool refresh);                  // m_runId's spans, on a worker, then applyLoaded
    void applyLoaded(LoadedRun r, bool refresh); // timelinepanelive.cpp
    void viewMovedByUser();
    void showNewest(std::int64_t width);
    QString tooltipDetail(std::int32_t span) const;

    Workspace *m_ws = nullptr;
    std::int64_t m_runId = 0;
    Mode m_mode = Mode::Requests;
    std::int32_t m_trace = -1;
    std::shared_ptr<TimelineSpans> m_spans;
    std::shared_ptr<TimelineLayout> m_layout;
    std::vector<bool> m_collapsed;
    std::vector<GroupLabel> m_requests; // by request index
    std::vector<bool> m_shownRequests;  // by request index, empty: all
    ChunkMarksLoader *m_chunks;         // streamed calls' chunk arrivals
    std::vector<bool> m_matchFlags;
    std::vector<std::int32_t> m_matchOrder;
    QString m_shownWhat; // what the outlined spans are, when not a search
    // Drop results overtaken by newer ones: a job's result is applied only if neither the run
    // nor a newer job of its kind (load, layout, search) came after it.
    std::uint64_t m_runGeneration = 0;
    std::map<std::int64_t, Mode> m_chosenMode; // a layout the user picked, per run
    std::uint64_t m_loadJobs = 0, m_layoutJobs = 0, m_searchJobs = 0;

    bool m_hideUnfinished = false;
    bool m_live = false, m_follow = false;
    bool m_movingView = false; // the pane, not the user, is moving the view
    int m_followWidth = 0;     // the view's width at its last change
    bool m_refreshing = false;
    QToolButton *m_followButton;
    QComboBox *m_modeBox;
    QToolButton *m_unfinished;
    QToolButton *m_back;
    QLineEdit *m_search;
    QScrollBar *m_lanesBar; // the lanes' vertical position
    QTimer *m_liveSearch;   // search as you type, once typing pauses
    QString m_searched;     // the query the hits are for
    ElidedLabel *m_status;
    QLabel *m_legend;
    TimelineView *m_view;
    TimelineMinimap *m_minimap;
    ConcurrencyTrack *m_track;
    QSpinBox *m_threshold;
    QList<QFuture<void>> m_pending; // worker jobs, waited for on destruction
    int m_inFlight = 0;
};

} // namespace spanscope

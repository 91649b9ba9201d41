#include "timelinepane.h"

#include "chunkmarksloader.h"
#include "common/elidedlabel.h"
#include "concurrencytrack.h"
#include "core/category.h"
#include "core/records.h"
#include "item/localformat.h"
#include "store/runanalysis.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "timelinecontrols.h"
#include "timelineminimap.h"
#include "timelinepainter.h"
#include "timelinerunloader.h"
#include "timelineview.h"

#include <QAction>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <optional>
#include <type_traits>

namespace spanscope {

namespace {

TimelineLayout::Mode layoutMode(TimelinePane::Mode m) {
    switch (m) {
    case TimelinePane::Mode::Packed:
        return TimelineLayout::Mode::GanttPacked;
    case TimelinePane::Mode::Waterfall:
        return TimelineLayout::Mode::Waterfall;
    default:
        return TimelineLayout::Mode::GanttPerTrace;
    }
}

} // namespace

// Runs `work` on the thread pool and `done(result)` back on this object's thread, unless a
// newer job of the pane has started since (its generation moved on).
template <typename Work, typename Done>
void TimelinePane::runJob(std::uint64_t &kind, Work work, Done done) {
    using R = std::invoke_result_t<Work>;
    struct Outcome {
        std::optional<R> value;
        QString error;
    };
    ++m_inFlight;
    // A result counts only if no newer job of its kind, and no other run, came after it.
    const std::uint64_t run = m_runGeneration, job = ++kind;
    auto future = QtConcurrent::run([work = std::move(work)]() mutable {
        Outcome o;
        try {
            o.value.emplace(work());
        } catch (const std::exception &e) {
            o.error = QString::fromUtf8(e.what());
        }
        return o;
    });
    m_pending.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_pending.push_back(QFuture<void>(future));
    // A watcher rather than QFuture::then: it reports a future that finished before it was
    // attached, which then(context) in Qt 6.4 did not always do under load.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run, job, &kind, done] {
        Outcome o = watcher->result();
        watcher->deleteLater();
        --m_inFlight;
        if (run == m_runGeneration && job == kind) {
            if (o.value)
                done(std::move(*o.value));
            else
                emit failed(o.error);
        }
        updateStatus();
    });
    watcher->setFuture(future);
    updateStatus();
}

TimelinePane::TimelinePane(QWidget *parent) : QWidget(parent) {
    // The toolbar's two rows (issue 13, item 22); the pane wires them below.
    const TimelineControls controls = TimelineControls::create();
    m_modeBox = controls.modeBox;
    m_back = controls.back;
    m_unfinished = controls.unfinished;
    m_followButton = controls.follow;
    m_search = controls.search;
    m_threshold = controls.threshold;
    m_status = controls.status;
    m_legend = controls.legend;
    m_view = new TimelineView;
    m_minimap = new TimelineMinimap(m_view);
    m_track = new ConcurrencyTrack(m_view);
    m_track->setVisible(false);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    box->addLayout(controls.rows);
    box->addWidget(m_track);
    // A scroll bar beside the lanes: where they are among a thousand requests' groups, and a
    // way there by mouse (issue 13, item 14).
    m_lanesBar = new QScrollBar(Qt::Vertical);
    auto *lanes = new QHBoxLayout;
    lanes->setSpacing(0);
    lanes->addWidget(m_view, 1);
    lanes->addWidget(m_lanesBar);
    box->addLayout(lanes, 1);
    box->addWidget(m_minimap);
    const auto syncLanesBar = [this] {
        const double count = m_view->layout() ? m_view->layout()->laneCount() : 0;
        const double shown = m_view->lanesShown();
        const QSignalBlocker block(m_lanesBar);
        m_lanesBar->setRange(0, static_cast<int>(std::ceil(std::max(0.0, count - shown))));
        m_lanesBar->setPageStep(std::max(1, static_cast<int>(shown)));
        m_lanesBar->setValue(static_cast<int>(std::lround(m_view->viewport().firstLane)));
        m_lanesBar->setVisible(m_lanesBar->maximum() > 0);
    };
    connect(m_view, &TimelineView::viewportChanged, this, syncLanesBar);
    connect(m_view, &TimelineView::viewportChanged, this, &TimelinePane::viewMovedByUser);
    connect(m_followButton, &QToolButton::toggled, this, &TimelinePane::setFollow);
    connect(this, &TimelinePane::failed, this, [this] { m_refreshing = false; });
    connect(m_lanesBar, &QScrollBar::valueChanged, this,
            [this](int lane) { m_view->setFirstLane(lane); });

    connect(m_modeBox, &QComboBox::activated, this,
            [this](int index) { setMode(static_cast<Mode>(index)); });
    connect(m_back, &QToolButton::clicked, this, [this] { setMode(Mode::Requests); });
    connect(m_unfinished, &QToolButton::toggled, this, &TimelinePane::setShowUnfinished);
    // Keyboard flow (issue 13, item 16): typing counts hits live, Enter shows the first (or
    // the next) and hands the keys to the canvas for N / Shift+N, Esc goes back without a jump.
    m_liveSearch = new QTimer(this);
    m_liveSearch->setSingleShot(true);
    m_liveSearch->setInterval(250);
    connect(m_liveSearch, &QTimer::timeout, this, [this] { search(m_search->text(), false); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_liveSearch->stop();
        if (m_searched == m_search->text().trimmed() && !m_matchOrder.empty() && m_inFlight == 0)
            m_view->stepMatch(1);
        else
            search(m_search->text(), true);
        m_view->setFocus();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (t.isEmpty()) {
            m_liveSearch->stop();
            search(QString());
        } else {
            m_liveSearch->start();
        }
    });
    auto *leave = new QAction(m_search);
    leave->setShortcut(Qt::Key_Escape);
    leave->setShortcutContext(Qt::WidgetShortcut);
    connect(leave, &QAction::triggered, this, [this] { m_view->setFocus(); });
    m_search->addAction(leave);
    connect(m_view, &TimelineView::noticeLinkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("sizing")) emit sizingRequested();
    });
    connect(m_view, &TimelineView::searchRequested, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_view, &TimelineView::collapseToggled, this, &TimelinePane::toggleCollapse);
    connect(m_view, &TimelineView::spanActivated, this, [this](std::int32_t span) {
        if (m_mode != Mode::Waterfall && m_spans)
            openTrace(m_spans->trace[static_cast<std::size_t>(span)]);
    });
    connect(m_view, &TimelineView::spanSelected, this, [this](std::int32_t span) {
        if (!m_matchOrder.empty()) updateStatus(); // "hit k of N"
        emit spanSelected(span >= 0 && m_spans ? m_spans->spanId[static_cast<std::size_t>(span)]
                                               : 0);
    });
    m_view->setTooltipDetail([this](std::int32_t span) { return tooltipDetail(span); });
    // Streamed calls' chunks, for the bars wide enough to show them (issue 13, item 10).
    m_chunks = new ChunkMarksLoader(m_view, this);
    m_view->setShownRequests(&m_shownRequests);
    connect(m_threshold, &QSpinBox::valueChanged, m_track, &ConcurrencyTrack::setThreshold);
    connect(m_track, &ConcurrencyTrack::spikeOpened, this, &TimelinePane::showSpans);
    updateStatus();
}

TimelinePane::~TimelinePane() {
    for (QFuture<void> &f : m_pending)
        f.waitForFinished();
}

void TimelinePane::setWorkspace(Workspace *workspace) {
    m_ws = workspace;
    showRun(0);
}

bool TimelinePane::busy() const {
    return m_inFlight > 0;
}

void TimelinePane::showRun(std::int64_t runId) {
    ++m_runGeneration;
    m_refreshing = false;
    setLive(false); // the window says so again for a live run
    m_runId = runId;
    m_trace = -1;
    m_mode = Mode::Requests;
    m_modeBox->setCurrentIndex(0);
    m_back->setVisible(false);
    m_unfinished->setVisible(false);
    m_matchFlags.clear();
    m_matchOrder.clear();
    m_shownWhat.clear();
    m_view->setData(nullptr, nullptr);
    m_view->setGroupLabels({});
    m_requests.clear();
    m_chunks->setRun(QString(), nullptr);
    m_shownRequests.clear(); // the Requests filter says again for this run
    // An empty workspace says what to open instead of an empty canvas (issue 13, item 23).
    m_view->setEmptyNotice(m_ws && runId == 0 && m_ws->runs().empty()
                               ? TimelineRunLoader::welcomeNotice()
                               : QString());
    m_minimap->setSpans(nullptr);
    setAnalysis(nullptr);
    m_legend->clear();
    m_spans.reset();
    m_layout.reset();
    if (!m_ws || runId == 0) return updateStatus();
    loadRun(false);
}

void TimelinePane::refreshRun() {
    if (!m_ws || m_runId == 0 || m_refreshing) return;
    m_refreshing = true;
    loadRun(true);
}

void TimelinePane::loadRun(bool refresh) {
    const QString path = m_ws->path();
    const std::int64_t runId = m_runId;
    // A run with more requests than rows on screen opens packed by concurrency: the whole run
    // at a glance, where a lane group per request would show its first few requests only.
    const int rowsShown = std::max(1, m_view->height() / m_view->viewport().laneHeightPx);
    const std::uint8_t hide = hiddenFlags();
    runJob(
        m_loadJobs,
        [path, runId, rowsShown, hide] {
            return TimelineRunLoader::load(path, runId, rowsShown, hide);
        },
        [this, refresh](LoadedRun r) {
            if (refresh) m_refreshing = false;
            applyLoaded(std::move(r), refresh);
        });
}

void TimelinePane::revealTrace(std::int32_t traceIndex) {
    const TimelineLayout *layout = m_view->layout();
    if (!layout || traceIndex < 0 ||
        static_cast<std::size_t>(traceIndex) >= layout->traceFirstLane().size())
        return;
    const double first = layout->traceFirstLane()[static_cast<std::size_t>(traceIndex)];
    const double shown = m_view->lanesShown();
    const double at = m_view->viewport().firstLane;
    if (first < at || first >= at + shown - 1) m_view->setFirstLane(first);
}

void TimelinePane::openTrace(std::int32_t traceIndex) {
    if (!m_spans || traceIndex < 0 || traceIndex >= m_spans->traceCount) return;
    m_trace = traceIndex;
    setMode(Mode::Waterfall);
    emit traceOpened(traceIndex);
}

void TimelinePane::setMode(Mode mode) {
    if (mode == Mode::Waterfall && m_trace < 0) {
        // A waterfall needs a request: the selected span's, else the first.
        const std::int32_t sel = m_view->selectedSpan();
        return openTrace(sel >= 0 && m_spans ? m_spans->trace[static_cast<std::size_t>(sel)] : 0);
    }
    const bool leavesWaterfall = m_mode == Mode::Waterfall && mode != Mode::Waterfall;
    m_mode = mode;
    if (mode != Mode::Waterfall && m_runId != 0) m_chosenMode[m_runId] = mode;
    m_modeBox->setCurrentIndex(static_cast<int>(mode));
    m_back->setVisible(mode == Mode::Waterfall);
    if (mode != Mode::Waterfall) m_trace = -1;
    // A waterfall fits its request; leaving it ("Whole run") fits the run again.
    rebuildLayout(mode == Mode::Waterfall || leavesWaterfall);
}

void TimelinePane::rebuildLayout(bool fit) {
    if (!m_spans) return;
    const auto spans = m_spans;
    const auto mode = layoutMode(m_mode);
    const std::int32_t trace = m_mode == Mode::Waterfall ? m_trace : -1;
    auto collapsed = std::make_shared<std::vector<bool>>(m_collapsed);
    const std::uint8_t hide = hiddenFlags();
    runJob(
        m_layoutJobs,
        [spans, mode, trace, collapsed, hide] {
            return std::make_shared<TimelineLayout>(
                TimelineLayout::build(*spans, mode, trace, collapsed.get(), hide));
        },
        [this, fit](std::shared_ptr<TimelineLayout> layout) { applyLayout(layout, fit); });
}

void TimelinePane::applyLayout(std::shared_ptr<TimelineLayout> layout, bool fit) {
    // The view keeps a pointer: swap it to the new layout before the old one goes.
    m_view->setLayout(layout.get());
    m_layout = std::move(layout);
    if (fit) m_view->zoomToFit();
    emit layoutChanged();
}

const std::unordered_map<std::int32_t, ChunkMarks> &TimelinePane::chunkMarks() const {
    return m_chunks->marks();
}

QString TimelinePane::statusText() const {
    return m_status->fullText();
}

void TimelinePane::setShownRequests(const std::vector<bool> &shown) {
    m_shownRequests = shown;
    m_view->update();
    updateStatus();
}

QString TimelinePane::requestName(std::int32_t traceIndex) const {
    return traceIndex >= 0 && static_cast<std::size_t>(traceIndex) < m_requests.size()
               ? m_requests[static_cast<std::size_t>(traceIndex)].name
               : QStringLiteral("#%1").arg(traceIndex + 1);
}

void TimelinePane::setShowUnfinished(bool show) {
    if (show == !m_hideUnfinished) return;
    m_hideUnfinished = !show;
    const QSignalBlocker block(m_unfinished);
    m_unfinished->setChecked(show);
    // A hidden span cannot stay selected: the inspector would show what the lanes do not.
    const std::int32_t sel = m_view->selectedSpan();
    if (!show && sel >= 0 && m_spans &&
        (m_spans->flags[static_cast<std::size_t>(sel)] & SpanUnfinished))
        m_view->setSelectedSpan(-1);
    rebuildLayout(false);
}

std::uint8_t TimelinePane::hiddenFlags() const {
    return m_hideUnfinished ? static_cast<std::uint8_t>(SpanUnfinished) : 0;
}

void TimelinePane::toggleCollapse(std::int32_t span) {
    const auto i = static_cast<std::size_t>(span);
    if (i >= m_collapsed.size()) return;
    m_collapsed[i] = !m_collapsed[i];
    rebuildLayout(false);
}

void TimelinePane::search(const QString &text, bool step) {
    if (m_search->text() != text) {
        const QSignalBlocker block(m_search); // no live search of what is searched here
        m_search->setText(text);
    }
    m_searched = text.trimmed();
    m_shownWhat.clear();
    m_matchFlags.clear();
    m_matchOrder.clear();
    m_view->setMatches(nullptr, {});
    if (text.trimmed().isEmpty() || !m_spans || !m_ws) {
        ++m_searchJobs; // a search still running is stale now
        emit searchFinished(0);
        return updateStatus();
    }
    const QString path = m_ws->path();
    const std::int64_t runId = m_runId;
    const auto spans = m_spans;
    const std::string needle = text.trimmed().toStdString();
    runJob(
        m_searchJobs,
        [path, runId, spans, needle] {
            return TimelineRunLoader::search(path, runId, *spans, needle);
        },
        [this, step](SearchHits h) {
            m_matchFlags = std::move(h.flags);
            m_matchOrder = std::move(h.order);
            m_view->setMatches(&m_matchFlags, m_matchOrder);
            if (step && !m_matchOrder.empty()) m_view->stepMatch(1);
            emit searchFinished(static_cast<int>(m_matchOrder.size()));
        });
}

void TimelinePane::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    const bool calls =
        analysis && !analysis->calls.empty() && analysis->spans.get() == m_spans.get();
    m_track->setAnalysis(calls ? analysis : nullptr);
    m_track->setVisible(calls);
    m_threshold->setVisible(calls);
    if (calls) {
        const QSignalBlocker block(m_threshold);
        m_threshold->setValue(m_track->threshold());
    }
}

void TimelinePane::showSpans(const std::vector<std::int32_t> &spans, const QString &what) {
    ++m_searchJobs; // a search still running would overwrite these
    if (!m_search->text().isEmpty()) {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    m_searched.clear();
    m_matchFlags.clear();
    m_matchOrder.clear();
    m_view->setMatches(nullptr, {});
    m_shownWhat.clear();
    if (m_spans && !spans.empty()) {
        m_matchFlags.assign(m_spans->size(), false);
        for (const std::int32_t i : spans)
            if (i >= 0 && static_cast<std::size_t>(i) < m_spans->size()) {
                m_matchFlags[static_cast<std::size_t>(i)] = true;
                m_matchOrder.push_back(i);
            }
        std::stable_sort(m_matchOrder.begin(), m_matchOrder.end(),
                         [&](std::int32_t a, std::int32_t b) {
                             return m_spans->start[static_cast<std::size_t>(a)] <
                                    m_spans->start[static_cast<std::size_t>(b)];
                         });
        m_view->setMatches(&m_matchFlags, m_matchOrder);
        m_shownWhat = what;
    }
    updateStatus();
}

void TimelinePane::updateLegend() {
    QString html;
    const std::uint32_t present = m_view->categoriesPresent();
    for (int c = 0; c < categoryCount; ++c)
        if (present & (1u << c))
            html += QStringLiteral("<span style='color:%1'>\u25a0</span>&nbsp;%2&nbsp;&nbsp; ")
                        .arg(TimelinePainter::categoryColour(static_cast<std::uint8_t>(c)).name(),
                             QString::fromUtf8(categoryName(static_cast<Category>(c)).data()));
    m_legend->setText(html);
    m_legend->setToolTip(
        tr("Span colours by kind: %1")
            .arg(QTextDocumentFragment::fromHtml(html).toPlainText().simplified()));
}

void TimelinePane::updateStatus() {
    QStringList parts;
    if (m_inFlight > 0) parts << tr("working\u2026");
    if (m_spans) {
        const auto count = static_cast<qint64>(m_spans->size());
        parts << (count == 1 ? tr("1 span") : tr("%L1 spans").arg(count)) + QLatin1Char(' ') +
                     (m_spans->traceCount == 1 ? tr("in 1 request")
                                               : tr("in %L1 requests").arg(m_spans->traceCount));
        if (m_mode == Mode::Waterfall && m_trace >= 0)
            parts << tr("request %1").arg(requestName(m_trace));
    }
    if (!m_shownRequests.empty()) {
        const auto kept = std::count(m_shownRequests.begin(), m_shownRequests.end(), true);
        parts << tr("%L1 of %L2 requests kept by the Requests filter")
                     .arg(kept)
                     .arg(m_shownRequests.size());
    }
    if (!m_shownWhat.isEmpty())
        parts << tr("%L1 spans of %2 outlined (N / Shift+N)")
                     .arg(m_matchOrder.size())
                     .arg(m_shownWhat);
    else if (!m_searched.isEmpty() && m_inFlight == 0) {
        const auto at = std::find(m_matchOrder.begin(), m_matchOrder.end(), m_view->selectedSpan());
        if (m_matchOrder.empty())
            parts << tr("no hits for \u201c%1\u201d").arg(m_searched);
        else if (at != m_matchOrder.end())
            parts << tr("hit %L1 of %L2 (N / Shift+N)")
                         .arg(at - m_matchOrder.begin() + 1)
                         .arg(m_matchOrder.size());
        else
            parts << (m_matchOrder.size() == 1
                          ? tr("1 hit (Enter, N)")
                          : tr("%L1 hits (Enter, N / Shift+N)").arg(m_matchOrder.size()));
    }
    m_status->setFullText(parts.join(QStringLiteral("  \u00b7  ")));
}

QString TimelinePane::tooltipDetail(std::int32_t span) const {
    if (!m_ws || !m_spans) return {};
    const auto d = RunQueries(*m_ws).spanDetail(m_spans->spanId[static_cast<std::size_t>(span)]);
    if (!d) return {};
    QString text;
    if (!d->model.empty())
        text +=
            QStringLiteral("<br>model %1").arg(QString::fromStdString(d->model).toHtmlEscaped());
    if (d->chunkCount > 0 && d->firstChunkNs > 0)
        text += tr("<br>streamed %L1 chunks, the first after %2")
                    .arg(d->chunkCount)
                    .arg(local::duration(d->firstChunkNs - d->startNs));
    if (d->inputTokens >= 0 || d->outputTokens >= 0)
        text += QStringLiteral("<br>tokens %L1 in, %L2 out")
                    .arg(std::max<std::int64_t>(0, d->inputTokens))
                    .arg(std::max<std::int64_t>(0, d->outputTokens));
    return text;
}

} // namespace spanscope

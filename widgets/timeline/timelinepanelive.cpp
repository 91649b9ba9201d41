// TimelinePane: applying a loaded run, the first time or again (a live run that grew), and
// following a live run's newest time.
#include "chunkmarksloader.h"
#include "store/workspace.h"
#include "timelineminimap.h"
#include "timelinepane.h"
#include "timelinerunloader.h"
#include "timelineview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <algorithm>

namespace spanscope {

void TimelinePane::applyLoaded(LoadedRun r, bool refresh) {
    const TimelineViewport before = m_view->viewport();
    const std::int32_t selected = m_view->selectedSpan();
    const std::int64_t selectedRow = refresh && m_spans && selected >= 0
                                         ? m_spans->spanId[static_cast<std::size_t>(selected)]
                                         : 0;
    // Collapsed spans stay collapsed in the grown run (found again by their row ids).
    std::vector<std::int64_t> collapsedRows;
    if (refresh && m_spans)
        for (std::size_t i = 0; i < m_collapsed.size(); ++i)
            if (m_collapsed[i]) collapsedRows.push_back(m_spans->spanId[i]);
    m_spans = std::move(r.spans);
    m_collapsed.assign(m_spans->size(), false);
    if (!collapsedRows.empty()) {
        std::sort(collapsedRows.begin(), collapsedRows.end());
        for (std::size_t i = 0; i < m_spans->size(); ++i)
            if (std::binary_search(collapsedRows.begin(), collapsedRows.end(), m_spans->spanId[i]))
                m_collapsed[i] = true;
    }
    m_layout = std::move(r.layout);
    const Mode loadedMode =
        m_layout->mode() == TimelineLayout::Mode::GanttPacked ? Mode::Packed : Mode::Requests;
    if (!refresh) m_mode = loadedMode;
    m_movingView = true;
    m_view->setData(m_spans.get(), m_layout.get(), &m_collapsed);
    m_view->setEmptyNotice(r.emptyNotice);
    m_minimap->setSpans(m_spans.get());
    m_requests = r.requests;
    m_chunks->setRun(m_ws->path(), m_spans);
    m_view->setGroupLabels(std::move(r.requests));
    m_unfinished->setText(tr("Unfinished (%L1)").arg(r.unfinished));
    m_unfinished->setVisible(r.unfinished > 0);
    updateLegend();
    if (refresh) {
        // The same view as before the run grew, or its newest time when following.
        // The loaded layout knows nothing of the collapsed spans or of the waterfall shown.
        if (m_mode != loadedMode || !collapsedRows.empty()) rebuildLayout(false);
        const std::int64_t width = before.t1() - before.t0;
        if (width > 0 && !m_follow) m_view->showTimeRange(before.t0, before.t1());
        m_view->setFirstLane(before.firstLane);
        if (m_follow) showNewest(width);
        if (selectedRow != 0) {
            const auto &ids = m_spans->spanId;
            if (const auto it = std::find(ids.begin(), ids.end(), selectedRow); it != ids.end())
                m_view->setSelectedSpan(static_cast<std::int32_t>(it - ids.begin()));
        }
    } else {
        m_modeBox->setCurrentIndex(static_cast<int>(m_mode));
        // A layout picked for this run before is kept (issue 13, item 17).
        if (const auto chosen = m_chosenMode.find(m_runId);
            chosen != m_chosenMode.end() && chosen->second != m_mode)
            setMode(chosen->second);
    }
    m_movingView = false;
    // The query still in the box is this run's too (issue 13, item 4).
    if (!m_search->text().trimmed().isEmpty()) search(m_search->text(), !refresh);
    updateStatus();
    emit loaded();
}

void TimelinePane::setLive(bool live) {
    m_live = live;
    m_followButton->setVisible(live);
    setFollow(live);
}

void TimelinePane::setFollow(bool follow) {
    m_follow = follow && m_live;
    m_followButton->setChecked(m_follow);
    if (!m_follow) return;
    const TimelineViewport v = m_view->viewport();
    showNewest(v.t1() - v.t0);
}

// The newest time at the right edge, the same width of time shown; with a lane group per
// request, the newest requests' groups (at the bottom) in view too, as a log's tail.
void TimelinePane::showNewest(std::int64_t width) {
    if (!m_spans || m_spans->size() == 0 || width <= 0) return;
    const std::int64_t end = timeRange(*m_spans).second;
    const bool moving = m_movingView;
    m_movingView = true;
    m_view->showTimeRange(end - width, end);
    if (m_mode == Mode::Requests && m_view->layout())
        m_view->setFirstLane(std::max(0.0, m_view->layout()->laneCount() - m_view->lanesShown()));
    m_movingView = moving;
}

// Scrolling or zooming away from the newest time stops following, as a terminal stops scrolling
// when one scrolls back. A view that only changed width (the window or a dock resized) keeps
// following: its right edge is put back on the newest time.
void TimelinePane::viewMovedByUser() {
    const TimelineViewport v = m_view->viewport();
    const int lastWidth = m_followWidth;
    m_followWidth = v.widthPx;
    if (m_movingView || !m_follow || !m_spans || m_spans->size() == 0) return;
    const std::int64_t end = timeRange(*m_spans).second;
    if (static_cast<double>(end - v.t1()) <= 3 * v.nsPerPixel) return;
    if (v.widthPx != lastWidth)
        setFollow(true);
    else
        setFollow(false);
}

} // namespace spanscope

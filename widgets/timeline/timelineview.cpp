#include "timelineview.h"

#include "analysis/timeaxis.h"
#include "common/theme.h"
#include "core/category.h"
#include "core/records.h"
#include "item/localformat.h"
#include "timelinekeys.h"
#include "timelinepainter.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <tuple>

namespace spanscope {

TimelineView::TimelineView(QWidget *parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
}

void TimelineView::setData(const TimelineSpans *spans, const TimelineLayout *layout,
                           const std::vector<bool> *collapsed) {
    m_spans = spans;
    m_layout = layout;
    m_collapsed = collapsed;
    m_matchFlags = nullptr;
    m_matches.clear();
    m_selected = -1;
    m_measureShown = false;
    m_categoriesPresent = 0;
    m_painter.clearCache();
    // The run's range, once: the axis counts from its start, zoom to fit shows it all.
    std::tie(m_origin, m_runEnd) =
        spans ? timeRange(*spans) : std::pair<std::int64_t, std::int64_t>{};
    if (spans)
        for (const std::uint8_t c : spans->category)
            m_categoriesPresent |= 1u << std::min<int>(c, categoryCount - 1);
    updateGeometry();
    updateExtent();
    zoomToFit();
}

void TimelineView::setLayout(const TimelineLayout *layout) {
    m_layout = layout;
    updateGeometry();
    updateExtent();
    const double lanes = m_layout ? m_layout->laneCount() : 0;
    m_view.firstLane = std::clamp(m_view.firstLane, 0.0, std::max(0.0, lanes - 1));
    changed();
}

void TimelineView::setMatches(const std::vector<bool> *flags, std::vector<std::int32_t> inOrder) {
    m_matchFlags = flags;
    m_matches = std::move(inOrder);
    update();
}

QString TimelineView::keysHelp() {
    return timelinekeys::helpHtml();
}

void TimelineView::setEmptyNotice(const QString &html) {
    if (!m_notice) {
        m_notice = new QLabel(this);
        m_notice->setWordWrap(true);
        m_notice->setAlignment(Qt::AlignCenter);
        m_notice->setTextFormat(Qt::RichText);
        m_notice->setContentsMargins(24, 24, 24, 24);
        connect(m_notice, &QLabel::linkActivated, this, &TimelineView::noticeLinkActivated);
    }
    m_notice->setText(html);
    m_notice->setGeometry(rect());
    m_notice->setVisible(!html.isEmpty());
}

QString TimelineView::emptyNotice() const {
    return m_notice && !m_notice->isHidden() ? m_notice->text() : QString();
}

void TimelineView::setGroupLabels(std::vector<GroupLabel> labels) {
    m_groupLabels = std::move(labels);
    updateGeometry();
    update();
}

void TimelineView::setShownRequests(const std::vector<bool> *shown) {
    m_shownRequests = shown;
    update();
}

void TimelineView::setChunkMarks(const std::unordered_map<std::int32_t, ChunkMarks> *chunks) {
    m_chunks = chunks;
    update();
}

void TimelineView::setTooltipDetail(std::function<QString(std::int32_t)> detail) {
    m_detail = std::move(detail);
}

void TimelineView::updateGeometry() {
    const bool waterfall = m_layout && m_layout->mode() == TimelineLayout::Mode::Waterfall;
    const bool groups = m_layout && m_layout->mode() == TimelineLayout::Mode::GanttPerTrace &&
                        !m_groupLabels.empty();
    m_left = waterfall ? std::min(gutterWidth, width() / 2)
             : groups  ? std::min(groupGutterWidth, width() / 4)
                       : 0;
    m_view.widthPx = std::max(1, width() - m_left);
    m_view.heightPx = std::max(1, height() - axisHeight);
}

void TimelineView::updateExtent() {
    m_extentBegin = m_origin;
    m_extentEnd = m_runEnd;
    // A waterfall shows one request: its own extent, not the run's.
    if (!m_spans || !m_layout || m_layout->mode() != TimelineLayout::Mode::Waterfall ||
        m_layout->laneCount() == 0)
        return;
    std::int64_t a = m_runEnd, b = m_origin;
    for (std::int32_t lane = 0; lane < m_layout->laneCount(); ++lane)
        for (const std::int32_t *it = m_layout->laneBegin(lane); it != m_layout->laneEnd(lane);
             ++it) {
            a = std::min(a, m_spans->start[static_cast<std::size_t>(*it)]);
            b = std::max(b, m_spans->end[static_cast<std::size_t>(*it)]);
        }
    if (a <= b) std::tie(m_extentBegin, m_extentEnd) = std::pair{a, b};
}

std::pair<std::int64_t, std::int64_t> TimelineView::panBounds() const {
    const std::int64_t margin = std::max<std::int64_t>(1, m_extentEnd - m_extentBegin) / 20;
    return {m_extentBegin - margin, m_extentEnd + margin};
}

void TimelineView::clampView() {
    if (!m_spans || m_spans->size() == 0) return;
    // Zoom stops at 10 ns a screen (below it ticks would be finer than the data's clocks) and
    // at the extent plus a margin; panning stops a margin past either end, so neither a wheel
    // nor the minimap can leave a sliver of data or an empty screen (issue 13, items 2, 3, 6).
    // Times stay integers: at 10 ns a screen, 2026 in nanoseconds as a double is 256 ns coarse.
    const auto [lo, end] = panBounds();
    const double width = std::max(1, m_view.widthPx);
    m_view.nsPerPixel = std::clamp(m_view.nsPerPixel, minScreenNs / width,
                                   std::max(minScreenNs, static_cast<double>(end - lo)) / width);
    const auto visible = static_cast<std::int64_t>(std::llround(m_view.nsPerPixel * width));
    const std::int64_t hi = end - visible;
    m_view.t0 = hi < lo ? lo + (end - lo - visible) / 2 : std::clamp(m_view.t0, lo, hi);
}

void TimelineView::changed() {
    clampView();
    update();
    emit viewportChanged();
}

void TimelineView::zoomToFit() {
    updateGeometry();
    m_view.firstLane = 0;
    m_fitted = true;
    if (!m_spans || m_spans->size() == 0) return changed();
    const std::int64_t span = std::max<std::int64_t>(1, m_extentEnd - m_extentBegin);
    m_view.t0 = m_extentBegin - span / 50;
    m_view.nsPerPixel = static_cast<double>(span) * 1.04 / m_view.widthPx;
    changed();
}

std::int64_t TimelineView::timeAt(double x) const {
    return m_view.t0 + static_cast<std::int64_t>(std::llround((x - m_left) * m_view.nsPerPixel));
}

void TimelineView::zoomAt(double x, double factor) {
    const std::int64_t anchor = timeAt(x);
    m_fitted = false;
    m_view.nsPerPixel = m_view.nsPerPixel * factor;
    clampView(); // the scale first, so the anchor stays put when a limit is reached
    m_view.t0 = anchor - static_cast<std::int64_t>(std::llround((x - m_left) * m_view.nsPerPixel));
    changed();
}

void TimelineView::panPixels(double dx, double dy) {
    if (dx != 0) m_fitted = false;
    m_view.t0 -= static_cast<std::int64_t>(std::llround(dx * m_view.nsPerPixel));
    m_view.firstLane = clampLane(m_view.firstLane - dy / m_view.laneHeightPx);
    changed();
}

void TimelineView::showTimeRange(std::int64_t t0, std::int64_t t1) {
    m_fitted = false;
    m_view.nsPerPixel =
        std::max(0.01, static_cast<double>(std::max<std::int64_t>(1, t1 - t0)) / m_view.widthPx);
    m_view.t0 = t0;
    changed();
}

void TimelineView::resizeEvent(QResizeEvent *) {
    if (m_notice) m_notice->setGeometry(rect());
    // A fitted view stays fitted; a zoomed one keeps its start and scale (issue 13, item 7).
    if (m_fitted) return zoomToFit();
    updateGeometry();
    changed();
}

void TimelineView::paintEvent(QPaintEvent *) {
    QPainter p(this);
    if (!m_spans || m_spans->size() == 0) {
        // No axis over nothing: its times would count from 1970 (issue 13, item 1).
        p.fillRect(rect(), palette().base());
        return;
    }
    if (m_layout) m_frame.build(*m_spans, *m_layout, m_view);
    TimelinePaintState s;
    s.spans = m_spans;
    s.layout = m_layout;
    s.view = &m_view;
    s.frame = &m_frame;
    s.collapsed = m_collapsed;
    s.matches = m_matchFlags;
    s.groups = &m_groupLabels;
    s.chunks = m_chunks;
    s.shownTraces = m_shownRequests;
    s.width = width();
    s.height = height();
    s.left = m_left;
    s.axisHeight = axisHeight;
    s.origin = m_origin;
    s.selected = m_selected;
    s.measuring = m_measuring || m_measureShown;
    s.measureFrom = m_measureFrom;
    s.measureTo = m_measureTo;
    s.palette = palette();
    m_painter.paint(p, s);
}

std::int32_t TimelineView::laneAt(double y) const {
    return static_cast<std::int32_t>(
        std::floor(m_view.firstLane + (y - axisHeight) / m_view.laneHeightPx));
}

std::int32_t TimelineView::spanAt(QPointF pos) const {
    if (!m_spans || !m_layout || pos.y() < axisHeight) return -1;
    const std::int32_t lane = laneAt(pos.y());
    if (pos.x() < m_left) { // the gutter names the lane's span, or the request's first
        if (lane < 0 || lane >= m_layout->laneCount()) return -1;
        std::int32_t named = lane;
        if (m_layout->mode() == TimelineLayout::Mode::GanttPerTrace) {
            const auto &firsts = m_layout->traceFirstLane();
            const auto it = std::upper_bound(firsts.begin(), firsts.end(), lane);
            if (it == firsts.begin()) return -1;
            named = *std::prev(it);
        }
        if (m_layout->laneBegin(named) == m_layout->laneEnd(named)) return -1;
        return *m_layout->laneBegin(named);
    }
    const auto tolerance = static_cast<std::int64_t>(std::ceil(m_view.nsPerPixel));
    return m_layout->hit(*m_spans, lane, timeAt(pos.x()), tolerance);
}

void TimelineView::focusSpan(std::int32_t span) {
    if (!m_spans || !m_layout || span < 0 || static_cast<std::size_t>(span) >= m_spans->size())
        return;
    const auto i = static_cast<std::size_t>(span);
    const std::int64_t duration = std::max<std::int64_t>(1000, m_spans->end[i] - m_spans->start[i]);
    m_fitted = false;
    m_view.nsPerPixel = static_cast<double>(duration) / (0.8 * std::max(1, m_view.widthPx));
    m_view.t0 =
        m_spans->start[i] - static_cast<std::int64_t>(0.1 * m_view.widthPx * m_view.nsPerPixel);
    const double lane = m_layout->laneOf(span);
    const double lanesShown = static_cast<double>(m_view.heightPx) / m_view.laneHeightPx;
    if (lane >= 0 && (lane < m_view.firstLane || lane >= m_view.firstLane + lanesShown - 1))
        m_view.firstLane = std::max(0.0, lane - lanesShown / 3);
    changed();
}

void TimelineView::setFirstLane(double lane) {
    m_view.firstLane = clampLane(lane);
    changed();
}

double TimelineView::clampLane(double lane) const {
    // The last lanes fill the screen: no blank below them.
    const double lanes = m_layout ? m_layout->laneCount() : 0;
    return std::clamp(lane, 0.0, std::max(0.0, lanes - lanesShown()));
}

double TimelineView::lanesShown() const {
    return static_cast<double>(m_view.heightPx) / m_view.laneHeightPx;
}

void TimelineView::stepMatch(int direction) {
    if (m_matches.empty() || !m_spans) return;
    // The next hit after the selected span's start (or the first), wrapping around.
    const auto startOf = [&](std::int32_t s) {
        return m_spans->start[static_cast<std::size_t>(s)];
    };
    const auto at = std::find(m_matches.begin(), m_matches.end(), m_selected);
    std::size_t k;
    if (at != m_matches.end()) {
        const auto here = static_cast<std::size_t>(at - m_matches.begin());
        k = (here + m_matches.size() + (direction > 0 ? 1 : m_matches.size() - 1)) %
            m_matches.size();
    } else if (direction > 0) {
        const std::int64_t t = m_selected >= 0 ? startOf(m_selected) : m_view.t0;
        const auto it =
            std::lower_bound(m_matches.begin(), m_matches.end(), t,
                             [&](std::int32_t s, std::int64_t v) { return startOf(s) < v; });
        k = it == m_matches.end() ? 0 : static_cast<std::size_t>(it - m_matches.begin());
    } else {
        k = m_matches.size() - 1;
    }
    setSelectedSpan(m_matches[k]);
    focusSpan(m_matches[k]);
}

void TimelineView::setSelectedSpan(std::int32_t span) {
    if (span == m_selected) return;
    m_selected = span;
    update();
    emit spanSelected(span);
}

std::int64_t TimelineView::measuredNs() const {
    return m_measureShown ? std::abs(m_measureTo - m_measureFrom) : -1;
}

QString TimelineView::tooltipText(std::int32_t span) const {
    const auto i = static_cast<std::size_t>(span);
    const std::int64_t duration = m_spans->end[i] - m_spans->start[i];
    QString text =
        tr("<b>%1</b><br>%2 &middot; %3 (self %4)<br>starts at %5")
            .arg(
                QString::fromStdString(m_spans->names[m_spans->nameId[i]]).toHtmlEscaped(),
                QString::fromUtf8(categoryName(static_cast<Category>(m_spans->category[i])).data()),
                local::duration(duration).prepend(
                    (m_spans->flags[i] & SpanUnfinished) ? QStringLiteral("\u2265 ") : QString()),
                local::duration(selfTimeNs(*m_spans, span)),
                local::offset(m_spans->start[i] - m_origin, 1'000'000));
    if (m_spans->flags[i] & SpanError) text += tr("<br><font color=#d32f2f>error</font>");
    if (m_spans->flags[i] & SpanStartUnknown)
        text += tr("<br><b>start unknown:</b> only its END was recorded, and its framework "
                   "writes no start there; drawn as an instant at its end.");
    if (m_spans->flags[i] & SpanUnfinished)
        text += duration > 0
                    ? tr("<br><b>unfinished:</b> it started but never ended (no END event). Its "
                         "end is unknown: drawn to the request's last event, %1 after its start.")
                          .arg(local::duration(duration))
                    : tr("<br><b>unfinished:</b> it started but never ended (no end time). Its "
                         "end is unknown: drawn as an instant at its start.");
    if (m_detail) text += m_detail(span);
    return text;
}

bool TimelineView::event(QEvent *e) {
    if (e->type() == QEvent::FontChange) m_painter.clearCache();
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const std::int32_t span = spanAt(help->pos());
        if (span < 0) {
            QToolTip::hideText();
            e->ignore();
        } else {
            QToolTip::showText(help->globalPos(), theme::html(tooltipText(span)), this);
        }
        return true;
    }
    return QWidget::event(e);
}

void TimelineView::wheelEvent(QWheelEvent *event) {
    const double steps = event->angleDelta().y() / 120.0;
    zoomAt(std::max<double>(m_left, event->position().x()), std::pow(0.8, steps));
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event) {
    m_dragFrom = event->position();
    m_pressedAt = event->position();
    if ((event->modifiers() & Qt::ShiftModifier) && event->position().x() >= m_left) {
        m_measuring = true;
        m_measureShown = false;
        m_measureFrom = m_measureTo = timeAt(event->position().x());
        update();
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event) {
    if (!(event->buttons() & Qt::LeftButton)) return;
    if (m_measuring) {
        m_measureTo = timeAt(event->position().x());
        update();
        return;
    }
    const QPointF d = event->position() - m_dragFrom;
    m_dragFrom = event->position();
    panPixels(d.x(), d.y());
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event) {
    if (m_measuring) {
        m_measureTo = timeAt(event->position().x());
        m_measuring = false;
        m_measureShown = m_measureTo != m_measureFrom;
        update();
        return;
    }
    if ((event->position() - m_pressedAt).manhattanLength() >= 4) return; // a drag
    m_measureShown = false;
    if (event->position().x() < m_left && m_layout && m_spans &&
        m_layout->mode() == TimelineLayout::Mode::Waterfall) {
        // The gutter: the toggle collapses, the rest of the row selects.
        const std::int32_t lane = laneAt(event->position().y());
        const std::int32_t span = spanAt(event->position());
        if (span >= 0 && m_layout->laneHasChildren(lane)) {
            const int x = 6 + m_layout->laneDepth(lane) * TimelinePainter::toggleWidth;
            if (event->position().x() >= x - 2 &&
                event->position().x() < x + TimelinePainter::toggleWidth + 2) {
                emit collapseToggled(span);
                return;
            }
        }
    }
    setSelectedSpan(spanAt(event->position()));
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event) {
    const std::int32_t span = spanAt(event->position());
    if (span >= 0) emit spanActivated(span);
}

void TimelineView::keyPressEvent(QKeyEvent *event) {
    // Only the keys of the table Help prints (timelinekeys; a test checks both ways).
    if (!timelinekeys::handles(event->key())) return QWidget::keyPressEvent(event);
    const double mid = m_left + m_view.widthPx / 2.0;
    switch (event->key()) {
    case Qt::Key_W:
        zoomAt(mid, 0.8);
        break;
    case Qt::Key_S:
        zoomAt(mid, 1.25);
        break;
    case Qt::Key_A:
    case Qt::Key_Left:
        panPixels(m_view.widthPx / 10.0, 0);
        break;
    case Qt::Key_D:
    case Qt::Key_Right:
        panPixels(-m_view.widthPx / 10.0, 0);
        break;
    // The lanes scroll by keys too (issue 13, item 14): a thousand request groups are no
    // longer reachable by dragging alone.
    case Qt::Key_Up:
        setFirstLane(m_view.firstLane - 1);
        break;
    case Qt::Key_Down:
        setFirstLane(m_view.firstLane + 1);
        break;
    case Qt::Key_PageUp:
        setFirstLane(m_view.firstLane - std::max(1.0, lanesShown() - 1));
        break;
    case Qt::Key_PageDown:
        setFirstLane(m_view.firstLane + std::max(1.0, lanesShown() - 1));
        break;
    case Qt::Key_Home:
        setFirstLane(0);
        break;
    case Qt::Key_End:
        setFirstLane(m_layout ? m_layout->laneCount() : 0);
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    case Qt::Key_F:
        focusSpan(m_selected);
        break;
    case Qt::Key_N:
        stepMatch((event->modifiers() & Qt::ShiftModifier) ? -1 : 1);
        break;
    case Qt::Key_Slash:
        emit searchRequested();
        break;
    case Qt::Key_Escape:
        m_measureShown = false;
        setSelectedSpan(-1);
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace spanscope

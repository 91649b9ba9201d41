#include "timelineview.h"

#include "analysis/timeaxis.h"
#include "core/category.h"
#include "core/records.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace spanscope {

namespace {

// One colour per category, in Category's order.
QColor categoryColour(std::uint8_t c) {
    static const std::array<QColor, categoryCount> colours = {
        QColor(0x9e, 0x9e, 0x9e), QColor(0x5c, 0x6b, 0xc0), QColor(0x7e, 0x57, 0xc2),
        QColor(0x42, 0xa5, 0xf5), QColor(0xef, 0x6c, 0x00), QColor(0x26, 0xa6, 0x9a),
        QColor(0x66, 0xbb, 0x6a), QColor(0xaf, 0xb4, 0x2b), QColor(0x8d, 0x6e, 0x63),
        QColor(0xec, 0x40, 0x7a), QColor(0x78, 0x90, 0x9c), QColor(0x29, 0xb6, 0xf6),
        QColor(0xff, 0xa7, 0x26), QColor(0xbd, 0xbd, 0xbd)};
    return c < colours.size() ? colours[c] : colours[0];
}

} // namespace

TimelineView::TimelineView(QWidget *parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimelineView::setData(const TimelineSpans *spans, const TimelineLayout *layout) {
    m_spans = spans;
    m_layout = layout;
    m_categoriesPresent = 0;
    if (spans)
        for (const std::uint8_t c : spans->category)
            m_categoriesPresent |= 1u << std::min<int>(c, categoryCount - 1);
    zoomToFit();
}

void TimelineView::zoomToFit() {
    m_view.widthPx = std::max(1, width());
    m_view.heightPx = std::max(1, height() - axisHeight);
    m_view.firstLane = 0;
    if (!m_spans || m_spans->size() == 0) return update();
    const std::int64_t begin = *std::min_element(m_spans->start.begin(), m_spans->start.end());
    const std::int64_t end = *std::max_element(m_spans->end.begin(), m_spans->end.end());
    const std::int64_t span = std::max<std::int64_t>(1, end - begin);
    m_origin = begin;
    m_view.t0 = begin - span / 50;
    m_view.nsPerPixel = static_cast<double>(span) * 1.04 / m_view.widthPx;
    update();
}

std::int64_t TimelineView::timeAt(double x) const {
    return m_view.t0 + static_cast<std::int64_t>(std::llround(x * m_view.nsPerPixel));
}

void TimelineView::zoomAt(double x, double factor) {
    const std::int64_t anchor = timeAt(x);
    m_view.nsPerPixel = std::clamp(m_view.nsPerPixel * factor, 0.01, 1e15);
    m_view.t0 = anchor - static_cast<std::int64_t>(std::llround(x * m_view.nsPerPixel));
    update();
}

void TimelineView::panPixels(double dx, double dy) {
    m_view.t0 -= static_cast<std::int64_t>(std::llround(dx * m_view.nsPerPixel));
    const double lanes = m_layout ? m_layout->laneCount() : 0;
    m_view.firstLane =
        std::clamp(m_view.firstLane - dy / m_view.laneHeightPx, 0.0, std::max(0.0, lanes - 1));
    update();
}

void TimelineView::resizeEvent(QResizeEvent *) {
    m_view.widthPx = std::max(1, width());
    m_view.heightPx = std::max(1, height() - axisHeight);
}

void TimelineView::paintGroupSeparators(QPainter &p) {
    // A line above each request's group of lanes (Gantt per trace), so groups read apart.
    p.setPen(QColor(0xb0, 0xbe, 0xc5));
    const double last =
        m_view.firstLane + static_cast<double>(m_view.heightPx) / m_view.laneHeightPx;
    for (const std::int32_t lane : m_layout->traceFirstLane()) {
        if (lane == 0 || lane < m_view.firstLane || lane > last) continue;
        const double y = (lane - m_view.firstLane) * m_view.laneHeightPx - 0.5;
        p.drawLine(QPointF(0, y), QPointF(width(), y));
    }
}

void TimelineView::paintLegend(QPainter &p) {
    // The categories of this run, top right, over the lanes.
    const QFontMetrics fm = p.fontMetrics();
    std::vector<int> shown;
    int textWidth = 0;
    for (int c = 0; c < categoryCount; ++c)
        if (m_categoriesPresent & (1u << c)) {
            shown.push_back(c);
            textWidth = std::max(textWidth, fm.horizontalAdvance(QString::fromUtf8(
                                                categoryName(static_cast<Category>(c)).data())));
        }
    if (shown.empty()) return;
    const int row = fm.height() + 2, boxW = textWidth + 28,
              boxH = static_cast<int>(shown.size()) * row + 8;
    const QRect box(width() - boxW - 8, axisHeight + 6, boxW, boxH);
    QColor back = palette().base().color();
    back.setAlpha(225);
    p.setPen(QColor(0xb0, 0xbe, 0xc5));
    p.setBrush(back);
    p.drawRect(box);
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const int y = box.top() + 4 + static_cast<int>(k) * row;
        p.fillRect(QRect(box.left() + 6, y + 3, 12, row - 6),
                   categoryColour(static_cast<std::uint8_t>(shown[k])));
        p.setPen(palette().text().color());
        p.drawText(QRect(box.left() + 22, y, textWidth + 4, row), Qt::AlignVCenter | Qt::AlignLeft,
                   QString::fromUtf8(categoryName(static_cast<Category>(shown[k])).data()));
    }
}

void TimelineView::paintAxis(QPainter &p) {
    const auto ticks = timeAxisTicks(m_view.t0, m_view.nsPerPixel, m_view.widthPx, m_origin);
    p.setPen(QColor(0xe0, 0xe0, 0xe0)); // grid lines under the spans
    for (const AxisTick &t : ticks)
        p.drawLine(QPointF(t.x, axisHeight), QPointF(t.x, height()));
    p.fillRect(QRect(0, 0, width(), axisHeight), palette().alternateBase());
    p.setPen(palette().text().color());
    for (const AxisTick &t : ticks) {
        p.drawLine(QPointF(t.x, axisHeight - 5), QPointF(t.x, axisHeight));
        p.drawText(QRectF(t.x + 3, 0, 200, axisHeight - 2), Qt::AlignLeft | Qt::AlignVCenter,
                   QString::fromStdString(t.label));
    }
}

void TimelineView::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!m_spans || !m_layout) return;
    paintAxis(p);
    p.translate(0, axisHeight);
    paintGroupSeparators(p);
    m_frame.build(*m_spans, *m_layout, m_view);
    // Batch fills by colour: one pass per category, integer rects, no pen.
    std::array<QVector<QRect>, categoryCount> byColour;
    QVector<QRect> folded, errors;
    for (const TimelineRect &r : m_frame.rects()) {
        const QRect q(r.x, r.y, std::max(1, r.w), r.h);
        if (r.count > 1)
            folded.push_back(q);
        else
            byColour[std::min<std::size_t>(r.category, categoryCount - 1)].push_back(q);
        if (r.flags & SpanError) errors.push_back(QRect(r.x, r.y + r.h - 3, std::max(1, r.w), 3));
    }
    p.setPen(Qt::NoPen);
    for (std::size_t c = 0; c < byColour.size(); ++c) {
        if (byColour[c].isEmpty()) continue;
        p.setBrush(categoryColour(static_cast<std::uint8_t>(c)));
        p.drawRects(byColour[c]);
    }
    p.setBrush(QColor(0x45, 0x5a, 0x64));
    p.drawRects(folded);
    p.setBrush(QColor(0xd3, 0x2f, 0x2f));
    p.drawRects(errors);
    for (const TimelineRect &r : m_frame.rects())
        if (r.span == m_selected && r.count == 1) { // the selection: an outline on top
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(palette().highlight().color(), 2));
            p.drawRect(QRect(r.x, r.y, std::max(1, r.w), r.h).adjusted(0, 0, -1, -1));
            p.setPen(Qt::NoPen);
        }
    // Names where they fit.
    p.setPen(Qt::white);
    const QFontMetrics fm = p.fontMetrics();
    for (const TimelineRect &r : m_frame.rects()) {
        if (r.count > 1 || r.w < 40) continue;
        const auto &name = m_spans->names[m_spans->nameId[static_cast<std::size_t>(r.span)]];
        const QString text = fm.elidedText(QString::fromStdString(name), Qt::ElideRight, r.w - 6);
        if (!text.isEmpty())
            p.drawText(QRect(r.x + 3, r.y, r.w - 6, r.h), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
    p.resetTransform();
    paintLegend(p);
}

std::int32_t TimelineView::spanAt(QPointF pos) const {
    if (!m_spans || !m_layout || pos.y() < axisHeight) return -1;
    const auto lane = static_cast<std::int32_t>(
        std::floor(m_view.firstLane + (pos.y() - axisHeight) / m_view.laneHeightPx));
    const auto tolerance = static_cast<std::int64_t>(std::ceil(m_view.nsPerPixel));
    return m_layout->hit(*m_spans, lane, timeAt(pos.x()), tolerance);
}

void TimelineView::focusSpan(std::int32_t span) {
    if (!m_spans || !m_layout || span < 0 || static_cast<std::size_t>(span) >= m_spans->size())
        return;
    const auto i = static_cast<std::size_t>(span);
    const std::int64_t duration = std::max<std::int64_t>(1000, m_spans->end[i] - m_spans->start[i]);
    m_view.nsPerPixel = static_cast<double>(duration) / (0.8 * std::max(1, m_view.widthPx));
    m_view.t0 =
        m_spans->start[i] - static_cast<std::int64_t>(0.1 * m_view.widthPx * m_view.nsPerPixel);
    const double lane = m_layout->laneOf(span);
    const double lanesShown = static_cast<double>(m_view.heightPx) / m_view.laneHeightPx;
    if (lane < m_view.firstLane || lane >= m_view.firstLane + lanesShown - 1)
        m_view.firstLane = std::max(0.0, lane - lanesShown / 3);
    update();
}

void TimelineView::setSelectedSpan(std::int32_t span) {
    if (span == m_selected) return;
    m_selected = span;
    update();
    emit spanSelected(span);
}

bool TimelineView::event(QEvent *e) {
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const std::int32_t span = spanAt(help->pos());
        if (span < 0) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        const auto i = static_cast<std::size_t>(span);
        const std::int64_t duration = m_spans->end[i] - m_spans->start[i];
        QToolTip::showText(
            help->globalPos(),
            QStringLiteral("<b>%1</b><br>%2, %3<br>starts at %4")
                .arg(QString::fromStdString(m_spans->names[m_spans->nameId[i]]).toHtmlEscaped(),
                     QString::fromUtf8(
                         categoryName(static_cast<Category>(m_spans->category[i])).data()),
                     QString::fromStdString(
                         formatOffset(duration, std::max<std::int64_t>(1, duration / 1000))),
                     QString::fromStdString(formatOffset(m_spans->start[i] - m_origin, 1'000'000))),
            this);
        return true;
    }
    return QWidget::event(e);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event) {
    // A click (not a drag) selects what is under the cursor.
    if ((event->position() - m_pressedAt).manhattanLength() < 4)
        setSelectedSpan(spanAt(event->position()));
}

void TimelineView::wheelEvent(QWheelEvent *event) {
    const double steps = event->angleDelta().y() / 120.0;
    zoomAt(event->position().x(), std::pow(0.8, steps));
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event) {
    m_dragFrom = event->position();
    m_pressedAt = event->position();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event) {
    if (!(event->buttons() & Qt::LeftButton)) return;
    const QPointF d = event->position() - m_dragFrom;
    m_dragFrom = event->position();
    panPixels(d.x(), d.y());
}

void TimelineView::keyPressEvent(QKeyEvent *event) {
    const double mid = width() / 2.0;
    switch (event->key()) {
    case Qt::Key_W:
        zoomAt(mid, 0.8);
        break;
    case Qt::Key_S:
        zoomAt(mid, 1.25);
        break;
    case Qt::Key_A:
        panPixels(width() / 10.0, 0);
        break;
    case Qt::Key_D:
        panPixels(-width() / 10.0, 0);
        break;
    case Qt::Key_F:
        focusSpan(m_selected);
        break;
    case Qt::Key_Escape:
        setSelectedSpan(-1);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace spanscope

#include "timelineminimap.h"

#include "timelineview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <tuple>

namespace spanscope {

TimelineMinimap::TimelineMinimap(TimelineView *view, QWidget *parent)
    : QWidget(parent), m_view(view) {
    setMinimumHeight(36);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(view, &TimelineView::viewportChanged, this, qOverload<>(&QWidget::update));
}

void TimelineMinimap::setSpans(const TimelineSpans *spans) {
    m_profile.assign(bins + 1, 0);
    m_peak = 0;
    if (!spans || spans->size() == 0) return update();
    std::tie(m_begin, m_end) = timeRange(*spans);
    m_end = std::max(m_begin + 1, m_end);
    // Concurrency by a difference array: +1 where a span starts, -1 after it ends, one pass.
    const double perBin = static_cast<double>(m_end - m_begin) / bins;
    for (std::size_t i = 0; i < spans->size(); ++i) {
        const auto a = static_cast<std::size_t>((spans->start[i] - m_begin) / perBin);
        const auto b = static_cast<std::size_t>((spans->end[i] - m_begin) / perBin);
        ++m_profile[std::min<std::size_t>(a, bins - 1)];
        --m_profile[std::min<std::size_t>(b + 1, bins)];
    }
    for (std::size_t k = 1; k <= bins; ++k)
        m_profile[k] += m_profile[k - 1];
    m_profile.pop_back();
    m_peak = std::max(1, *std::max_element(m_profile.begin(), m_profile.end()));
    update();
}

void TimelineMinimap::paintEvent(QPaintEvent *) {
    QPainter p(this);
    const int left = m_view->lanesLeft(), w = std::max(1, width() - left), h = height();
    p.fillRect(rect(), palette().alternateBase());
    p.setPen(palette().mid().color());
    p.drawLine(0, 0, width(), 0);
    if (m_profile.empty() || m_peak == 0) return;
    // The profile as one filled path, a point per pixel column (the max of its bins).
    QPainterPath path(QPointF(left, h));
    for (int x = 0; x < w; ++x) {
        const auto a = static_cast<std::size_t>(static_cast<double>(x) * bins / w);
        const auto b =
            std::max(a + 1, static_cast<std::size_t>(static_cast<double>(x + 1) * bins / w));
        std::int32_t v = 0;
        for (std::size_t k = a; k < std::min<std::size_t>(b, bins); ++k)
            v = std::max(v, m_profile[k]);
        path.lineTo(left + x, h - 2 - (h - 6) * static_cast<double>(v) / m_peak);
    }
    path.lineTo(left + w, h);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x5c, 0x6b, 0xc0, 150));
    p.drawPath(path);
    // The view's window.
    const TimelineViewport &v = m_view->viewport();
    const double scale = static_cast<double>(w) / static_cast<double>(m_end - m_begin);
    const double x0 = left + static_cast<double>(v.t0 - m_begin) * scale;
    const double x1 = left + static_cast<double>(v.t1() - m_begin) * scale;
    QColor window = palette().highlight().color();
    window.setAlpha(40);
    p.setBrush(window);
    p.setPen(QPen(palette().highlight().color(), 1.5));
    p.drawRect(QRectF(std::max<double>(left, x0), 1.5,
                      std::max(2.0, std::min<double>(left + w, x1) - std::max<double>(left, x0)),
                      h - 3));
    p.setPen(palette().text().color());
    p.drawText(QRect(left + 4, 2, 200, 14), Qt::AlignLeft | Qt::AlignTop,
               tr("peak %1 in flight").arg(m_peak));
}

void TimelineMinimap::centreAt(double x) {
    const int left = m_view->lanesLeft(), w = std::max(1, width() - left);
    const TimelineViewport &v = m_view->viewport();
    const auto t =
        m_begin + static_cast<std::int64_t>((x - left) / w * static_cast<double>(m_end - m_begin));
    const std::int64_t half = (v.t1() - v.t0) / 2;
    m_view->showTimeRange(t - half, t + half);
}

void TimelineMinimap::mousePressEvent(QMouseEvent *event) {
    centreAt(event->position().x());
}

void TimelineMinimap::mouseMoveEvent(QMouseEvent *event) {
    if (event->buttons() & Qt::LeftButton) centreAt(event->position().x());
}

} // namespace spanscope

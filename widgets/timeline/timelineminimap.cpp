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

std::pair<double, double> TimelineMinimap::shownRange() const {
    const auto [lo, hi] = m_view->panBounds();
    return {static_cast<double>(lo),
            std::max(static_cast<double>(lo) + 1, static_cast<double>(hi))};
}

QRectF TimelineMinimap::windowRect() const {
    const int left = m_view->lanesLeft(), w = std::max(1, width() - left);
    const auto [lo, hi] = shownRange();
    const TimelineViewport &v = m_view->viewport();
    const double scale = w / (hi - lo);
    const double x0 = left + (static_cast<double>(v.t0) - lo) * scale;
    const double x1 = left + (static_cast<double>(v.t1()) - lo) * scale;
    return QRectF(x0, 1.5, std::max(2.0, x1 - x0), height() - 3);
}

void TimelineMinimap::paintEvent(QPaintEvent *) {
    QPainter p(this);
    const int left = m_view->lanesLeft(), w = std::max(1, width() - left), h = height();
    p.fillRect(rect(), palette().alternateBase());
    p.setPen(palette().mid().color());
    p.drawLine(0, 0, width(), 0);
    if (m_profile.empty() || m_peak == 0) return;
    // The profile as one filled path, a point per pixel column (the max of its bins), over the
    // range the view pans in, so the window below is drawn where the view is, never clamped.
    const auto [lo, hi] = shownRange();
    const double perBin = static_cast<double>(m_end - m_begin) / bins;
    const auto binAt = [&](double x) {
        return (lo + x * (hi - lo) / w - static_cast<double>(m_begin)) / perBin;
    };
    QPainterPath path(QPointF(left, h));
    for (int x = 0; x < w; ++x) {
        const double a = std::max(0.0, binAt(x)), b = std::min<double>(bins, binAt(x + 1));
        std::int32_t v = 0;
        for (auto k = static_cast<std::size_t>(a); static_cast<double>(k) < b; ++k)
            v = std::max(v, m_profile[k]);
        path.lineTo(left + x, h - 2 - (h - 6) * static_cast<double>(v) / m_peak);
    }
    path.lineTo(left + w, h);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x5c, 0x6b, 0xc0, 150));
    p.drawPath(path);
    QColor window = palette().highlight().color();
    window.setAlpha(40);
    p.setBrush(window);
    p.setPen(QPen(palette().highlight().color(), 1.5));
    p.drawRect(windowRect());
    p.setPen(palette().text().color());
    p.drawText(QRect(left + 4, 2, 200, 14), Qt::AlignLeft | Qt::AlignTop,
               tr("peak %1 in flight").arg(m_peak));
}

void TimelineMinimap::centreAt(double x) {
    const int left = m_view->lanesLeft(), w = std::max(1, width() - left);
    const auto [lo, hi] = shownRange();
    const TimelineViewport &v = m_view->viewport();
    const auto t = static_cast<std::int64_t>(lo + (x - left) / w * (hi - lo));
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

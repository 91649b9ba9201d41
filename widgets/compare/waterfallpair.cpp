#include "waterfallpair.h"

#include "analysis/timelinespans.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "timeline/timelinepainter.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace spanscope {

WaterfallPair::WaterfallPair(QWidget *parent) : QWidget(parent) {
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void WaterfallPair::clear() {
    setRequests({}, {}, {}, {});
}

void WaterfallPair::setRequests(const QString &titleA, std::vector<RequestSpan> a,
                                const QString &titleB, std::vector<RequestSpan> b) {
    m_title[0] = titleA;
    m_title[1] = titleB;
    m_spans[0] = std::move(a);
    m_spans[1] = std::move(b);
    m_rows = matchRowsByPath(m_spans[0], m_spans[1]);
    m_scaleNs = 1;
    for (int side = 0; side < 2; ++side) {
        const auto &spans = m_spans[side];
        if (spans.empty()) continue;
        std::int64_t lo = spans.front().startNs, hi = spans.front().endNs;
        for (const RequestSpan &s : spans) {
            lo = std::min(lo, s.startNs);
            hi = std::max(hi, s.endNs);
        }
        m_start[side] = lo;
        m_scaleNs = std::max(m_scaleNs, hi - lo);
    }
    updateGeometry();
    update();
}

QSize WaterfallPair::sizeHint() const {
    const int rows = static_cast<int>(m_rows.names.size());
    return {800, 2 * (titleHeight + rows * rowHeight) + axisHeight + 8};
}

int WaterfallPair::gutter() const {
    int widest = 80;
    const QFontMetrics fm(font());
    for (std::size_t r = 0; r < m_rows.names.size(); ++r)
        widest =
            std::max(widest, m_rows.depth[r] * 10 +
                                 fm.horizontalAdvance(QString::fromStdString(m_rows.names[r])));
    return std::min(widest + 12, 320);
}

int WaterfallPair::panelTop(int side) const {
    const int rows = static_cast<int>(m_rows.names.size());
    return axisHeight + side * (titleHeight + rows * rowHeight + 4);
}

double WaterfallPair::xOf(std::int64_t ns, int width) const {
    const int g = gutter();
    return g + static_cast<double>(ns) / static_cast<double>(m_scaleNs) * (width - g - 8);
}

std::pair<int, int> WaterfallPair::spanAt(QPoint p) const {
    for (int side = 0; side < 2; ++side) {
        const int top = panelTop(side) + titleHeight;
        const int row = (p.y() - top) / rowHeight;
        if (p.y() < top || row < 0 || row >= static_cast<int>(m_rows.names.size())) continue;
        const auto &rowOf = side == 0 ? m_rows.rowOfA : m_rows.rowOfB;
        for (std::size_t i = 0; i < m_spans[side].size(); ++i) {
            if (rowOf[i] != row) continue;
            const RequestSpan &s = m_spans[side][i];
            const double x0 = xOf(s.startNs - m_start[side], width());
            const double x1 = std::max(x0 + 2, xOf(s.endNs - m_start[side], width()));
            if (p.x() >= x0 - 1 && p.x() <= x1 + 1) return {side, static_cast<int>(i)};
        }
    }
    return {-1, -1};
}

QString WaterfallPair::tooltipAt(QPoint p) const {
    const auto [side, i] = spanAt(p);
    if (side < 0) return {};
    const RequestSpan &s = m_spans[side][static_cast<std::size_t>(i)];
    return tr("<b>%1</b> (%2)<br>starts at %3, takes %4")
        .arg(QString::fromStdString(s.name).toHtmlEscaped(), side == 0 ? tr("A") : tr("B"),
             local::duration(s.startNs - m_start[side]), local::duration(s.endNs - s.startNs));
}

bool WaterfallPair::event(QEvent *e) {
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

void WaterfallPair::paintEvent(QPaintEvent *) {
    QPainter p(this);
    render(p, size());
}

void WaterfallPair::render(QPainter &p, QSize size) const {
    p.fillRect(QRect(QPoint(0, 0), size), palette().base());
    if (m_spans[0].empty() && m_spans[1].empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter,
                   tr("Select an item to see its request in A and B side by side"));
        return;
    }
    const int g = gutter();
    const int w = size.width();
    const QFontMetrics fm(font());
    // A shared axis: ticks at a round step of the longer request.
    const double seconds = static_cast<double>(m_scaleNs) / 1e9;
    const double raw = seconds / 8;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    const QPalette &pal = palette();
    p.setPen(theme::muted());
    const int bottom =
        panelTop(1) + titleHeight + static_cast<int>(m_rows.names.size()) * rowHeight;
    for (double t = 0; t <= seconds + 1e-9; t += step) {
        const int x = static_cast<int>(xOf(static_cast<std::int64_t>(t * 1e9), w));
        p.setPen(theme::gridLine());
        p.drawLine(x, axisHeight, x, bottom);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(x + 2, axisHeight - 6, QString::number(t, 'g', 4) + QStringLiteral(" s"));
    }
    for (int side = 0; side < 2; ++side) {
        const int top = panelTop(side);
        p.fillRect(QRect(0, top, w, titleHeight), pal.color(QPalette::Button));
        p.setPen(pal.color(QPalette::ButtonText));
        p.drawText(QRect(6, top, w - 12, titleHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   m_title[side]);
        const auto &rowOf = side == 0 ? m_rows.rowOfA : m_rows.rowOfB;
        for (std::size_t r = 0; r < m_rows.names.size(); ++r) {
            const int y = top + titleHeight + static_cast<int>(r) * rowHeight;
            if (r % 2) p.fillRect(QRect(0, y, w, rowHeight), pal.color(QPalette::AlternateBase));
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(4 + m_rows.depth[r] * 10, y, g - 8 - m_rows.depth[r] * 10, rowHeight),
                       Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(QString::fromStdString(m_rows.names[r]), Qt::ElideRight,
                                     g - 8 - m_rows.depth[r] * 10));
        }
        for (std::size_t i = 0; i < m_spans[side].size(); ++i) {
            const RequestSpan &s = m_spans[side][i];
            const int y = top + titleHeight + rowOf[i] * rowHeight;
            const double x0 = xOf(s.startNs - m_start[side], w);
            const double x1 = std::max(x0 + 2, xOf(s.endNs - m_start[side], w));
            // Calls of one path running at once share the row: outlines keep each visible.
            const QColor colour = TimelinePainter::categoryColour(s.category);
            p.setPen(QPen(colour.darker(140), 1));
            p.setBrush(colour);
            p.drawRect(QRectF(x0, y + 2, x1 - x0, rowHeight - 4));
        }
    }
}

} // namespace spanscope

// The fills of a frame's spans, folded blocks and error strips: batched QPainter rects for a
// sparse frame, rows of pixels (LaneLayer) for a dense one. Both paint the same picture.
#include "analysis/timeaxis.h"
#include "common/theme.h"
#include "core/category.h"
#include "core/records.h"
#include "timelinepainter.h"

#include <QPainter>
#include <algorithm>
#include <array>

namespace spanscope {

namespace {

// A request the Requests filter left out: drawn faint, in place.
QColor fadedColour(const QPalette &palette) {
    QColor faint = palette.mid().color();
    faint.setAlpha(70);
    return faint;
}

// The red strip along a failed span's foot.
QRect errorStrip(const TimelineRect &r) {
    return QRect(r.x, r.y + r.h - 3, std::max(1, r.w), 3);
}

} // namespace

void TimelinePainter::paintBatched(QPainter &p, const TimelinePaintState &s,
                                   const std::vector<const TimelineRect *> &unfinished) const {
    // Batch fills by colour: one pass per category, integer rects, no pen.
    std::array<QVector<QRect>, categoryCount> byColour;
    QVector<QRect> folded, errors, faded;
    for (const TimelineRect &r : s.frame->rects()) {
        const QRect q(r.x, r.y, std::max(1, r.w), r.h);
        if (dimmed(s, r)) {
            faded.push_back(q);
            continue;
        }
        if (r.count > 1)
            folded.push_back(q);
        else if (!(r.flags & SpanUnfinished))
            byColour[std::min<std::size_t>(r.category, categoryCount - 1)].push_back(q);
        if (r.flags & SpanError) errors.push_back(errorStrip(r));
    }
    for (std::size_t c = 0; c < byColour.size(); ++c) {
        if (byColour[c].isEmpty()) continue;
        p.setBrush(categoryColour(static_cast<std::uint8_t>(c)));
        p.drawRects(byColour[c]);
    }
    p.setBrush(fadedColour(s.palette));
    p.drawRects(faded);
    for (const TimelineRect *r : unfinished)
        paintUnfinished(p, *r);
    p.setPen(Qt::NoPen);
    p.setBrush(theme::folded());
    p.drawRects(folded);
    p.setBrush(theme::bad());
    p.drawRects(errors);
}

void TimelinePainter::paintLayered(QPainter &p, const TimelinePaintState &s,
                                   const std::vector<const TimelineRect *> &unfinished) const {
    // The lanes as rows of pixels: the base and the grid, then the fills in the order the
    // batches paint them.
    const int width = s.width - s.left;
    std::vector<QRgb> background(static_cast<std::size_t>(std::max(0, width)),
                                 qPremultiply(s.palette.base().color().rgba()));
    const QRgb grid = qPremultiply(gridColour(s.palette).rgba());
    for (const AxisTick &t :
         timeAxisTicks(s.view->t0, s.view->nsPerPixel, s.view->widthPx, s.origin))
        if (const int x = gridColumn(t.x); x >= 0 && x < width)
            background[static_cast<std::size_t>(x)] = grid;
    std::array<QRgb, categoryCount> colours{};
    for (std::size_t c = 0; c < colours.size(); ++c)
        colours[c] = qPremultiply(categoryColour(static_cast<std::uint8_t>(c)).rgba());
    const QRgb fadedRgb = qPremultiply(fadedColour(s.palette).rgba()),
               foldedRgb = qPremultiply(theme::folded().rgba());
    std::vector<LaneLayer::Fill> &fills = m_fills;
    fills.clear();
    for (const TimelineRect &r : s.frame->rects()) {
        const bool error = (r.flags & SpanError) != 0;
        if (dimmed(s, r))
            fills.push_back({1, fadedRgb, false});
        else if (r.count > 1)
            fills.push_back({3, foldedRgb, error});
        else if (r.flags & SpanUnfinished)
            fills.push_back({-1, 0, error});
        else
            fills.push_back(
                {0, colours[std::min<std::size_t>(r.category, categoryCount - 1)], error});
    }
    m_layer.paint(p, s.frame->rects(), fills, width, s.height - s.axisHeight,
                  qPremultiply(theme::bad().rgba()), background);
    // Over the layer, so their own error strips go on top again.
    QVector<QRect> errors;
    for (const TimelineRect *r : unfinished) {
        paintUnfinished(p, *r);
        if (r->flags & SpanError) errors.push_back(errorStrip(*r));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(theme::bad());
    p.drawRects(errors);
}

} // namespace spanscope

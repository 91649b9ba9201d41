#include "timelinepainter.h"

#include "analysis/timeaxis.h"
#include "common/theme.h"
#include "core/category.h"
#include "core/records.h"
#include "item/localformat.h"

#include <QLinearGradient>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

namespace spanscope {

QColor TimelinePainter::categoryColour(std::uint8_t c) {
    return theme::category(c);
}

QColor TimelinePainter::gridColour(const QPalette &palette) {
    // A faint mix of the text into the base, light or dark theme.
    const QColor base = palette.base().color(), ink = palette.text().color();
    return QColor::fromRgbF(0.88f * base.redF() + 0.12f * ink.redF(),
                            0.88f * base.greenF() + 0.12f * ink.greenF(),
                            0.88f * base.blueF() + 0.12f * ink.blueF());
}

void TimelinePainter::paint(QPainter &p, const TimelinePaintState &s) const {
    // A dense frame's lanes are painted whole, background and grid included, by the layer.
    const bool dense = s.spans && s.layout && s.frame->rects().size() >= LaneLayer::minRects;
    if (dense) {
        p.fillRect(QRect(0, 0, s.width, s.axisHeight), s.palette.base());
        p.fillRect(QRect(0, s.axisHeight, s.left, s.height - s.axisHeight), s.palette.base());
    } else {
        p.fillRect(QRect(0, 0, s.width, s.height), s.palette.base());
    }
    if (!s.spans || !s.layout) return;
    paintAxis(p, s);
    p.save();
    p.setClipRect(QRect(s.left, s.axisHeight, s.width - s.left, s.height - s.axisHeight));
    p.translate(s.left, s.axisHeight);
    if (!dense) paintGroupSeparators(p, s);
    paintSpans(p, s, dense);
    // Between lanes, in the gap rows: over the layer the same as under batched fills.
    if (dense) paintGroupSeparators(p, s);
    p.restore();
    if (s.left > 0 && s.layout->mode() == TimelineLayout::Mode::Waterfall) paintGutter(p, s);
    if (s.left > 0 && s.layout->mode() == TimelineLayout::Mode::GanttPerTrace)
        paintGroupGutter(p, s);
    paintMeasure(p, s);
}

void TimelinePainter::paintSpans(QPainter &p, const TimelinePaintState &s, bool dense) const {
    // Requests a filter left out are drawn faint, in place: the run's shape stays readable.
    const bool filtered = s.shownTraces && !s.shownTraces->empty();
    const auto isDimmed = [&](const TimelineRect &r) { return filtered && dimmed(s, r); };
    std::vector<const TimelineRect *> unfinished;
    QVector<QRect> hits;
    for (const TimelineRect &r : s.frame->rects()) {
        if (isDimmed(r)) continue;
        if (r.count <= 1 && (r.flags & SpanUnfinished)) unfinished.push_back(&r);
        if (s.matches && r.count == 1 && (*s.matches)[static_cast<std::size_t>(r.span)])
            hits.push_back(QRect(r.x, r.y, std::max(1, r.w), r.h).adjusted(0, 0, -1, -1));
    }
    p.setPen(Qt::NoPen);
    if (dense)
        paintLayered(p, s, unfinished);
    else
        paintBatched(p, s, unfinished);
    paintChunks(p, s);
    if (!hits.isEmpty()) { // search hits: a yellow frame that reads on every colour
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(theme::searchHit(), 2));
        p.drawRects(hits);
        p.setPen(Qt::NoPen);
    }
    paintSelection(p, s);
    p.setPen(theme::onCategory());
    const int textTop = (s.view->laneHeightPx - p.fontMetrics().height()) / 2;
    for (const TimelineRect &r : s.frame->rects()) {
        if (r.count > 1 || r.w < 40 || isDimmed(r)) continue;
        const QStaticText *text =
            label(p, s, s.spans->nameId[static_cast<std::size_t>(r.span)], r.w - 6);
        if (text) p.drawStaticText(r.x + 3, r.y + textTop, *text);
    }
}

bool TimelinePainter::dimmed(const TimelinePaintState &s, const TimelineRect &r) {
    if (!s.shownTraces || s.shownTraces->empty()) return false;
    const auto t = static_cast<std::size_t>(s.spans->trace[static_cast<std::size_t>(r.span)]);
    return t < s.shownTraces->size() && !(*s.shownTraces)[t];
}

void TimelinePainter::paintChunks(QPainter &p, const TimelinePaintState &s) const {
    // A streamed call where its bar is wide enough: a dark tick where the first chunk came
    // (the wait before it is the time to first token), and the chunks' arrivals as a density
    // comb along the bar's foot, a column per 3 px, taller where more chunks came.
    if (!s.chunks || s.chunks->empty()) return;
    const TimelineViewport &v = *s.view;
    for (const TimelineRect &r : s.frame->rects()) {
        if (r.count != 1 || r.w < 24 || dimmed(s, r)) continue;
        const auto it = s.chunks->find(r.span);
        if (it == s.chunks->end()) continue;
        const ChunkMarks &c = it->second;
        const auto xOf = [&](std::int64_t t) {
            return static_cast<int>(std::floor(static_cast<double>(t - v.t0) / v.nsPerPixel));
        };
        if (r.w >= 60 && !c.at.empty()) {
            const int bins = std::max(1, r.w / 3);
            std::vector<int> counts(static_cast<std::size_t>(bins), 0);
            for (const std::int64_t t : c.at) {
                const int b = (xOf(t) - r.x) / 3;
                if (b >= 0 && b < bins) ++counts[static_cast<std::size_t>(b)];
            }
            const int most = *std::max_element(counts.begin(), counts.end());
            QVector<QRect> strip;
            const int room = std::max(2, r.h / 4); // a comb at the foot: the name stays legible
            for (int b = 0; b < bins && most > 0; ++b) {
                const int n = counts[static_cast<std::size_t>(b)];
                if (n == 0) continue;
                const int h = std::max(2, room * n / most);
                strip.push_back(QRect(r.x + 3 * b, r.y + r.h - 1 - h, 2, h));
            }
            QColor comb = theme::onCategory();
            comb.setAlpha(150);
            p.setBrush(comb);
            p.drawRects(strip);
        }
        if (c.first > 0) {
            const int x = xOf(c.first);
            if (x >= r.x && x < r.x + r.w) {
                p.setBrush(QColor(0x21, 0x21, 0x21)); // dark on every bar, in both themes
                p.drawRect(QRect(x, r.y, 2, r.h));
            }
        }
    }
}

void TimelinePainter::paintSelection(QPainter &p, const TimelinePaintState &s) const {
    // Found at a glance, as in Perfetto and Tracy: its lane is banded across the canvas, dashed
    // lines mark its start and end over every lane, and the bar has a thick frame, in the
    // text colour for a selection, orange for the current search hit (the other hits are
    // yellow). Drawn from the columns, so a span folded into a block at this zoom shows too.
    if (s.selected < 0 || !s.spans || static_cast<std::size_t>(s.selected) >= s.spans->size())
        return;
    const std::int32_t lane = s.layout->laneOf(s.selected);
    if (lane < 0) return;
    const TimelineViewport &v = *s.view;
    const auto i = static_cast<std::size_t>(s.selected);
    const auto xOf = [&](std::int64_t t) {
        return std::clamp((static_cast<double>(t - v.t0)) / v.nsPerPixel, -10.0, v.widthPx + 10.0);
    };
    const double x0 = xOf(s.spans->start[i]), x1 = std::max(x0 + 1, xOf(s.spans->end[i]));
    const double y = (lane - v.firstLane) * v.laneHeightPx;
    QColor band = s.palette.highlight().color();
    band.setAlpha(45);
    p.fillRect(QRectF(0, y, v.widthPx, v.laneHeightPx), band);
    QPen guide(s.palette.text().color(), 1, Qt::DashLine);
    p.setPen(guide);
    p.drawLine(QPointF(x0, 0), QPointF(x0, v.heightPx));
    p.drawLine(QPointF(x1, 0), QPointF(x1, v.heightPx));
    const bool currentHit = s.matches && i < s.matches->size() && (*s.matches)[i];
    p.setBrush(Qt::NoBrush);
    const QRectF bar(x0, y + 1, x1 - x0, v.laneHeightPx - 2);
    p.setPen(QPen(s.palette.base().color(), 5)); // a halo: the frame reads on any neighbour
    p.drawRect(bar);
    p.setPen(QPen(currentHit ? QColor(0xff, 0x6d, 0x00) : s.palette.text().color(), 3));
    p.drawRect(bar);
    p.setPen(Qt::NoPen);
}

void TimelinePainter::paintUnfinished(QPainter &p, const TimelineRect &r) const {
    // A span that never ended (NAT's LLM timeouts) must not read as a long real call: solid
    // for its first pixels, then fading and hatched towards the assumed end, which is dashed.
    const QColor colour = categoryColour(r.category);
    const QRect q(r.x, r.y, std::max(1, r.w), r.h);
    if (q.width() < 6) {
        p.setBrush(colour);
        p.drawRect(q);
        return;
    }
    QLinearGradient fade(q.left(), 0, q.right() + 1, 0);
    const double solid = std::min(0.5, 40.0 / q.width());
    QColor faint = colour;
    faint.setAlpha(50);
    fade.setColorAt(0, colour);
    fade.setColorAt(solid, colour);
    fade.setColorAt(1, faint);
    p.setBrush(fade);
    p.drawRect(q);
    const int hatchFrom = q.left() + static_cast<int>(solid * q.width());
    p.setBrush(QBrush(colour.darker(140), Qt::BDiagPattern));
    p.drawRect(QRect(hatchFrom, q.top(), q.right() + 1 - hatchFrom, q.height()));
    p.setPen(QPen(colour.darker(170), 1, Qt::DashLine));
    p.drawLine(q.right(), q.top(), q.right(), q.bottom());
    const QString mark = QObject::tr("end unknown");
    const int markWidth = p.fontMetrics().horizontalAdvance(mark) + 8;
    if (q.width() > 3 * markWidth) { // the words where there is room for them and the name
        const QRect box(q.right() - markWidth, q.top() + 1, markWidth - 2, q.height() - 2);
        const bool dark = theme::dark();
        p.fillRect(box, dark ? QColor(0x1e, 0x1f, 0x22, 190)
                             : QColor(255, 255, 255, 190)); // readable over the hatching
        p.setPen(dark ? colour : colour.darker(220));
        p.drawText(box, Qt::AlignCenter, mark);
    }
    p.setPen(Qt::NoPen);
}

const QStaticText *TimelinePainter::label(QPainter &p, const TimelinePaintState &s,
                                          std::uint32_t nameId, int width) const {
    // Widths in 16 px buckets (rounded down, so the text always fits); past 1024 px every
    // name fits whole, so one bucket serves them all.
    const int bucket = std::min(width, 1024) / 16;
    const std::uint64_t key =
        static_cast<std::uint64_t>(nameId) << 8 | static_cast<unsigned>(bucket);
    auto it = m_names.find(key);
    if (it == m_names.end()) {
        const QString elided = p.fontMetrics().elidedText(
            QString::fromStdString(s.spans->names[nameId]), Qt::ElideRight, bucket * 16);
        QStaticText text(elided);
        text.setTextFormat(Qt::PlainText);
        text.setPerformanceHint(QStaticText::AggressiveCaching);
        text.prepare(QTransform(), p.font());
        it = m_names.emplace(key, std::move(text)).first;
    }
    return it->second.text().isEmpty() ? nullptr : &it->second;
}

void TimelinePainter::paintGutter(QPainter &p, const TimelinePaintState &s) const {
    // The waterfall's tree: a row per lane with indent guides, a toggle where the span has
    // children, its name and duration.
    const TimelineViewport &v = *s.view;
    p.fillRect(QRect(0, s.axisHeight, s.left, s.height - s.axisHeight), s.palette.alternateBase());
    p.setPen(s.palette.mid().color());
    p.drawLine(s.left - 1, s.axisHeight, s.left - 1, s.height);
    const auto first = static_cast<std::int32_t>(std::floor(v.firstLane));
    const std::int32_t last =
        std::min(s.layout->laneCount(), first + v.heightPx / v.laneHeightPx + 2);
    const QFontMetrics fm = p.fontMetrics();
    p.setClipRect(QRect(0, s.axisHeight, s.left - 1, s.height - s.axisHeight));
    for (std::int32_t lane = std::max(0, first); lane < last; ++lane) {
        if (s.layout->laneBegin(lane) == s.layout->laneEnd(lane)) continue;
        const std::int32_t span = *s.layout->laneBegin(lane);
        const auto i = static_cast<std::size_t>(span);
        const int y =
            s.axisHeight + static_cast<int>(std::lround((lane - v.firstLane) * v.laneHeightPx));
        const int depth = s.layout->laneDepth(lane), h = v.laneHeightPx;
        // The selected row in the palette's own selection colours: readable in a dark theme.
        const bool selected = span == s.selected;
        if (selected) p.fillRect(QRect(0, y, s.left - 1, h), s.palette.highlight());
        const QColor text =
            selected ? s.palette.highlightedText().color() : s.palette.text().color();
        p.setPen(s.palette.mid().color());
        for (int k = 0; k < depth; ++k) {
            const int x = 6 + k * toggleWidth + toggleWidth / 2;
            p.drawLine(x, y, x, y + h);
        }
        const int x = 6 + depth * toggleWidth;
        if (s.layout->laneHasChildren(lane)) {
            const bool shut = s.collapsed && i < s.collapsed->size() && (*s.collapsed)[i];
            p.setPen(text);
            p.drawText(QRect(x, y, toggleWidth, h), Qt::AlignCenter,
                       shut ? QStringLiteral("\u25b8") : QStringLiteral("\u25be"));
        }
        p.fillRect(QRect(x + toggleWidth, y + 4, 4, h - 8), categoryColour(s.spans->category[i]));
        // An unfinished span's end is assumed: it lasted at least this long.
        const QString duration =
            local::duration(s.spans->end[i] - s.spans->start[i])
                .prepend((s.spans->flags[i] & SpanUnfinished) ? QStringLiteral("\u2265 ")
                                                              : QString());
        const int dw = fm.horizontalAdvance(duration) + 6;
        const int nameX = x + toggleWidth + 8;
        p.setPen((s.spans->flags[i] & SpanError) && !selected ? theme::bad() : text);
        p.drawText(QRect(nameX, y, s.left - nameX - dw, h), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(QString::fromStdString(s.spans->names[s.spans->nameId[i]]),
                                 Qt::ElideRight, s.left - nameX - dw));
        p.setPen(selected ? text : s.palette.placeholderText().color());
        p.drawText(QRect(s.left - dw, y, dw - 4, h), Qt::AlignVCenter | Qt::AlignRight, duration);
    }
    p.setClipping(false);
}

void TimelinePainter::paintGroupGutter(QPainter &p, const TimelinePaintState &s) const {
    // Each request's lane group named left of its lanes, as Perfetto names its tracks: the
    // request's name (the one the Requests table and the inspector use) and its start, on
    // alternating shades so groups of one lane still read apart.
    const TimelineViewport &v = *s.view;
    const std::vector<std::int32_t> &firsts = s.layout->traceFirstLane();
    p.fillRect(QRect(0, s.axisHeight, s.left, s.height - s.axisHeight), s.palette.alternateBase());
    p.setClipRect(QRect(0, s.axisHeight, s.left - 1, s.height - s.axisHeight));
    const QFontMetrics fm = p.fontMetrics();
    const double last = v.firstLane + static_cast<double>(v.heightPx) / v.laneHeightPx;
    // The group holding the top lane, then the ones below it.
    auto it =
        std::upper_bound(firsts.begin(), firsts.end(), static_cast<std::int32_t>(v.firstLane));
    if (it != firsts.begin()) --it;
    const std::int32_t selectedTrace =
        s.selected >= 0 ? s.spans->trace[static_cast<std::size_t>(s.selected)] : -1;
    for (; it != firsts.end() && *it <= last; ++it) {
        const auto trace = static_cast<std::size_t>(it - firsts.begin());
        const std::int32_t end = it + 1 != firsts.end() ? *(it + 1) : s.layout->laneCount();
        if (end <= *it) continue; // nothing of it shown (its spans hidden)
        const int y =
            s.axisHeight + static_cast<int>(std::lround((*it - v.firstLane) * v.laneHeightPx));
        const int h = (end - *it) * v.laneHeightPx;
        const bool selected = static_cast<std::int32_t>(trace) == selectedTrace;
        if (selected)
            p.fillRect(QRect(0, y, s.left - 1, h), s.palette.highlight());
        else if (trace % 2)
            p.fillRect(QRect(0, y, s.left - 1, h), s.palette.base());
        const bool left =
            s.shownTraces && trace < s.shownTraces->size() && !(*s.shownTraces)[trace];
        const QColor text = selected ? s.palette.highlightedText().color()
                            : left   ? s.palette.placeholderText().color()
                                     : s.palette.text().color();
        const GroupLabel *label =
            s.groups && trace < s.groups->size() ? &(*s.groups)[trace] : nullptr;
        const QString name = label ? label->name : QStringLiteral("#%1").arg(trace + 1);
        const QString start = label ? label->start : QString();
        const int w = s.left - 10;
        p.setPen(text);
        const int top = std::max(y, s.axisHeight); // a tall group keeps its name in sight
        const int shown = y + h - top;
        if (shown >= 2 * v.laneHeightPx) {
            p.drawText(QRect(6, top, w, v.laneHeightPx), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(name, Qt::ElideRight, w));
            p.setPen(selected ? text : s.palette.placeholderText().color());
            p.drawText(QRect(6, top + v.laneHeightPx, w, v.laneHeightPx),
                       Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(start, Qt::ElideRight, w));
        } else {
            const int sw = std::min(w / 2, fm.horizontalAdvance(start) + 6);
            p.drawText(QRect(6, top, w - sw, shown), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(name, Qt::ElideRight, w - sw));
            p.setPen(selected ? text : s.palette.placeholderText().color());
            p.drawText(QRect(6 + w - sw, top, sw, shown), Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(start, Qt::ElideRight, sw));
        }
    }
    p.setClipping(false);
    p.setPen(s.palette.mid().color());
    p.drawLine(s.left - 1, s.axisHeight, s.left - 1, s.height);
}

void TimelinePainter::paintGroupSeparators(QPainter &p, const TimelinePaintState &s) const {
    // A line above each request's group of lanes (Gantt per trace), so groups read apart.
    const TimelineViewport &v = *s.view;
    p.setPen(s.palette.mid().color());
    const double last = v.firstLane + static_cast<double>(v.heightPx) / v.laneHeightPx;
    // The groups' first lanes ascend: search for the shown ones, a run can have a million.
    const std::vector<std::int32_t> &firsts = s.layout->traceFirstLane();
    for (auto it = std::lower_bound(firsts.begin(), firsts.end(), v.firstLane);
         it != firsts.end() && *it <= last; ++it) {
        if (*it == 0) continue;
        const double y = (*it - v.firstLane) * v.laneHeightPx - 0.5;
        p.drawLine(QPointF(0, y), QPointF(v.widthPx, y));
    }
}

void TimelinePainter::paintAxis(QPainter &p, const TimelinePaintState &s) const {
    const TimelineViewport &v = *s.view;
    const auto ticks = timeAxisTicks(v.t0, v.nsPerPixel, v.widthPx, s.origin);
    // A pixel-wide rect, not a cosmetic line: as wide as the layer's grid columns at any
    // device pixel ratio.
    const QColor grid = gridColour(s.palette);
    for (const AxisTick &t : ticks)
        p.fillRect(QRect(s.left + gridColumn(t.x), s.axisHeight, 1, s.height - s.axisHeight), grid);
    p.fillRect(QRect(0, 0, s.width, s.axisHeight), s.palette.alternateBase());
    p.setPen(s.palette.text().color());
    p.setClipRect(QRect(s.left, 0, s.width - s.left, s.axisHeight));
    const QFont font = p.font();
    double freeFrom = s.left; // a label never runs into the one before it
    for (const AxisTick &t : ticks) {
        const double x = s.left + t.x;
        p.drawLine(QPointF(x, s.axisHeight - 5), QPointF(x, s.axisHeight));
        const QString label = QString::fromStdString(t.label);
        if (x + 3 < freeFrom) continue;
        if (t.anchor) { // where a deep zoom is: the other ticks count from it
            QFont bold = p.font();
            bold.setBold(true);
            p.setFont(bold);
        }
        const double w = QFontMetrics(p.font()).horizontalAdvance(label);
        // A label the right edge would cut ("6 m") is left out; the anchor is always drawn.
        if (x + 3 + w > s.width && !t.anchor) continue;
        p.drawText(QRectF(x + 3, 0, w + 2, s.axisHeight - 2), Qt::AlignLeft | Qt::AlignVCenter,
                   label);
        freeFrom = x + 3 + w + 8;
        if (t.anchor) p.setFont(font);
    }
    p.setClipping(false);
}

void TimelinePainter::paintMeasure(QPainter &p, const TimelinePaintState &s) const {
    if (!s.measuring) return;
    const TimelineViewport &v = *s.view;
    const auto xOf = [&](std::int64_t t) {
        return s.left + static_cast<double>(t - v.t0) / v.nsPerPixel;
    };
    const double a = xOf(std::min(s.measureFrom, s.measureTo)),
                 b = xOf(std::max(s.measureFrom, s.measureTo));
    QColor band = s.palette.highlight().color();
    band.setAlpha(50);
    p.fillRect(QRectF(a, s.axisHeight, b - a, s.height - s.axisHeight), band);
    p.setPen(QPen(s.palette.highlight().color(), 1));
    p.drawLine(QPointF(a, s.axisHeight), QPointF(a, s.height));
    p.drawLine(QPointF(b, s.axisHeight), QPointF(b, s.height));
    const QString label = local::duration(std::max(s.measureFrom, s.measureTo) -
                                          std::min(s.measureFrom, s.measureTo));
    const QFontMetrics fm = p.fontMetrics();
    const QRectF box((a + b) / 2 - fm.horizontalAdvance(label) / 2.0 - 6, s.axisHeight + 4,
                     fm.horizontalAdvance(label) + 12, fm.height() + 4);
    p.fillRect(box, s.palette.highlight());
    p.setPen(s.palette.highlightedText().color());
    p.drawText(box, Qt::AlignCenter, label);
}

} // namespace spanscope

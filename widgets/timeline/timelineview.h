#pragma once

#include "analysis/timelineframe.h"

#include <QWidget>

class QPainter;

namespace spanscope {

// The timeline canvas: draws a TimelineFrame for its viewport (spans as rects coloured by
// category, folded runs as darker blocks, names where they fit) and navigates: wheel zoom at
// the cursor, drag to pan, W/S zoom, A/D pan. The spans and layout are owned by the caller.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setData(const TimelineSpans *spans, const TimelineLayout *layout);
    void zoomToFit();
    // Multiplies the time per pixel by `factor` (< 1 zooms in) keeping the time at x fixed.
    void zoomAt(double x, double factor);
    void panPixels(double dx, double dy);
    // Fits a span's time to most of the width and scrolls its lane into view.
    void focusSpan(std::int32_t span);

    const TimelineViewport &viewport() const { return m_view; }
    // The span drawn at a widget position (within a pixel either side), or -1.
    std::int32_t spanAt(QPointF pos) const;
    std::int32_t selectedSpan() const { return m_selected; }
    void setSelectedSpan(std::int32_t span);

signals:
    void spanSelected(std::int32_t span);

public:
    std::int64_t timeAt(double x) const;
    const TimelineFrame &lastFrame() const { return m_frame; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    static constexpr int axisHeight = 22;
    void paintAxis(QPainter &p);
    void paintLegend(QPainter &p);
    void paintGroupSeparators(QPainter &p);

    const TimelineSpans *m_spans = nullptr;
    std::int64_t m_origin = 0;             // the run's start: the axis counts from it
    std::uint32_t m_categoriesPresent = 0; // bit per Category, for the legend
    const TimelineLayout *m_layout = nullptr;
    TimelineViewport m_view;
    TimelineFrame m_frame;
    QPointF m_dragFrom;
    QPointF m_pressedAt;
    std::int32_t m_selected = -1;
};

} // namespace spanscope

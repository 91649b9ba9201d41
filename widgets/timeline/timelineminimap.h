#pragma once

#include <QWidget>
#include <cstdint>
#include <utility>
#include <vector>

namespace spanscope {

class TimelineView;
struct TimelineSpans;

// An overview strip under the timeline: the run's concurrency over its whole time range (spans
// in flight per bin, computed once per data set) with the view's visible window drawn on it.
// Clicking or dragging moves the window there.
class TimelineMinimap : public QWidget {
    Q_OBJECT
public:
    explicit TimelineMinimap(TimelineView *view, QWidget *parent = nullptr);
    void setSpans(const TimelineSpans *spans);
    QSize sizeHint() const override { return {400, 44}; }
    // The run's range profiled, for tests.
    std::int64_t begin() const { return m_begin; }
    std::int64_t end() const { return m_end; }
    // The view's window as drawn: it spans the same times as the view, always.
    QRectF windowRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    static constexpr int bins = 2048;
    void centreAt(double x);
    // The times across the strip: what the view can pan over (the extent and its margins).
    std::pair<double, double> shownRange() const;

    TimelineView *m_view;
    std::vector<std::int32_t> m_profile; // spans in flight, per bin
    std::int32_t m_peak = 0;
    std::int64_t m_begin = 0, m_end = 1;
};

} // namespace spanscope

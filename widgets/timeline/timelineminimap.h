#pragma once

#include <QWidget>
#include <cstdint>
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
    // The run's range shown, for tests.
    std::int64_t begin() const { return m_begin; }
    std::int64_t end() const { return m_end; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    static constexpr int bins = 2048;
    void centreAt(double x);

    TimelineView *m_view;
    std::vector<std::int32_t> m_profile; // spans in flight, per bin
    std::int32_t m_peak = 0;
    std::int64_t m_begin = 0, m_end = 1;
};

} // namespace spanscope

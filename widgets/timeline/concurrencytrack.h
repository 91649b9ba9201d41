#pragma once

#include "analysis/concurrency.h"

#include <memory>
#include <qcustomplot.h>

namespace spanscope {

class TimelineView;
struct RunAnalysis;

// Above the Gantt: LLM and tool calls in flight over time (NAT's definition: unfinished calls
// are instants), the spike threshold as a line and the time at or above it shaded. Follows the
// timeline's time window; a click on a spike zooms the timeline to it and hands on its calls.
class ConcurrencyTrack : public QCustomPlot {
    Q_OBJECT
public:
    explicit ConcurrencyTrack(TimelineView *view, QWidget *parent = nullptr);

    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis); // null clears
    void setThreshold(int threshold);
    int threshold() const { return m_threshold; }
    const std::vector<ConcurrencySpike> &spikes() const { return m_spikes; }
    // The spike at a time (ns since the epoch), or -1.
    int spikeAt(std::int64_t t) const;
    // Zooms the timeline to spike k and emits its calls.
    void openSpike(int k);
    // The time under an x position of this widget (ns since the epoch).
    std::int64_t timeAtX(double x) const;

signals:
    void spikeOpened(const std::vector<std::int32_t> &spans, const QString &what);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void followView();

    TimelineView *m_view;
    std::shared_ptr<const RunAnalysis> m_a;
    int m_threshold = 7;
    std::vector<ConcurrencySpike> m_spikes;
    QCPGraph *m_level = nullptr;
    QCPGraph *m_above = nullptr;
    QCPGraph *m_line = nullptr;
};

} // namespace spanscope

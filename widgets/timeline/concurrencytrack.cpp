#include "concurrencytrack.h"

#include "charts/chartsupport.h"
#include "item/localformat.h"
#include "store/runanalysis.h"
#include "timelineview.h"

namespace spanscope {

ConcurrencyTrack::ConcurrencyTrack(TimelineView *view, QWidget *parent)
    : QCustomPlot(parent), m_view(view) {
    charts::style(this);
    charts::addSaveMenu(this, QStringLiteral("concurrency.png"));
    setFixedHeight(78);
    axisRect()->setAutoMargins(QCP::msNone);
    xAxis->setVisible(false);
    yAxis->setTickLabelPadding(2);
    yAxis->setTickLabels(true);
    yAxis->setTickLabelSide(QCPAxis::lsInside);
    yAxis->setLabel(QString());
    yAxis->ticker()->setTickCount(3); // a 78 px track has room for a few levels only
    yAxis->setSubTicks(false);
    // A step line and a fill at a point per pixel: antialiasing buys nothing and costs most of
    // a replot.
    setNotAntialiasedElements(QCP::aeAll);
    setPlottingHints(QCP::phFastPolylines | QCP::phCacheLabels);
    m_level = addGraph();
    m_level->setLineStyle(QCPGraph::lsStepLeft);
    m_level->setPen(QPen(QColor(0x78, 0x90, 0x9c), 1)); // reads on light and dark
    m_level->setBrush(QColor(0x90, 0xa4, 0xae, 110));
    m_line = addGraph();
    m_line->setPen(QPen(QColor(0xe5, 0x39, 0x35), 1, Qt::DashLine));
    m_above = addGraph();
    m_above->setLineStyle(QCPGraph::lsStepLeft);
    m_above->setPen(Qt::NoPen);
    m_above->setBrush(QColor(0xe5, 0x39, 0x35, 120));
    m_above->setChannelFillGraph(m_line);
    setToolTip(tr("LLM and tool calls in flight; the dashed line is the spike threshold. Click a "
                  "shaded spike to zoom to it and outline its calls."));
    connect(view, &TimelineView::viewportChanged, this, &ConcurrencyTrack::followView);
}

void ConcurrencyTrack::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    m_a = std::move(analysis);
    if (m_a) m_threshold = m_a->defaultSpikeThreshold();
    rebuild();
}

void ConcurrencyTrack::setThreshold(int threshold) {
    m_threshold = std::max(1, threshold);
    rebuild();
}

void ConcurrencyTrack::rebuild() {
    m_spikes.clear();
    if (m_a && !m_a->concurrency.segments.empty()) {
        m_spikes = m_threshold == m_a->defaultSpikeThreshold()
                       ? m_a->defaultSpikes // computed with the analysis, off the UI thread
                       : spanscope::spikes(m_a->concurrency, m_threshold);
        yAxis->setRange(0, std::max(m_a->concurrency.maxLevel, m_threshold) * 1.15 + 0.5);
    }
    followView();
}

void ConcurrencyTrack::followView() {
    const TimelineViewport &v = m_view->viewport();
    // The plot area lines up with the lanes: same left edge, same time per pixel.
    const int left = m_view->lanesLeft();
    if (axisRect()->autoMargins() == QCP::msNone) axisRect()->setMargins(QMargins(left, 2, 0, 2));
    const int columns = std::max(1, width() - left);
    const std::int64_t origin = m_view->originNs();
    const std::int64_t t1 = v.t0 + static_cast<std::int64_t>(v.nsPerPixel * columns);
    xAxis->setRange(static_cast<double>(v.t0 - origin) / 1e9,
                    static_cast<double>(t1 - origin) / 1e9);
    // A point per pixel column, its highest level: the frame costs the visible segments once.
    QVector<double> keys, levels, above;
    if (m_a && !m_a->concurrency.segments.empty()) {
        const std::vector<std::int32_t> max =
            maxLevelPerColumn(m_a->concurrency, v.t0, t1, columns);
        keys.reserve(columns + 1);
        for (int c = 0; c <= columns; ++c) {
            keys << (static_cast<double>(v.t0 - origin) + c * v.nsPerPixel) / 1e9;
            const int level = max[static_cast<std::size_t>(std::min(c, columns - 1))];
            levels << level;
            above << std::max(level, m_threshold);
        }
    }
    m_level->setData(keys, levels, true);
    m_above->setData(keys, above, true);
    if (keys.isEmpty())
        m_line->data()->clear();
    else
        m_line->setData({keys.front(), keys.back()}, {double(m_threshold), double(m_threshold)},
                        true);
    replot(QCustomPlot::rpQueuedReplot);
}

std::int64_t ConcurrencyTrack::timeAtX(double x) const {
    return m_view->originNs() + static_cast<std::int64_t>(xAxis->pixelToCoord(x) * 1e9);
}

int ConcurrencyTrack::spikeAt(std::int64_t t) const {
    const auto it =
        std::upper_bound(m_spikes.begin(), m_spikes.end(), t,
                         [](std::int64_t x, const ConcurrencySpike &s) { return x < s.startNs; });
    if (it == m_spikes.begin()) return -1;
    const auto k = static_cast<int>(it - m_spikes.begin()) - 1;
    return t <= m_spikes[static_cast<std::size_t>(k)].endNs ? k : -1;
}

void ConcurrencyTrack::openSpike(int k) {
    if (!m_a || k < 0 || static_cast<std::size_t>(k) >= m_spikes.size()) return;
    const ConcurrencySpike &s = m_spikes[static_cast<std::size_t>(k)];
    const std::int64_t pad = std::max<std::int64_t>((s.endNs - s.startNs) / 10, 1'000'000);
    m_view->showTimeRange(s.startNs - pad, s.endNs + pad);
    const std::vector<std::int32_t> calls = overlappingCalls(m_a->calls, s.startNs, s.endNs);
    emit spikeOpened(calls, tr("a spike (peak %1 in flight, %2)")
                                .arg(s.peak)
                                .arg(local::duration(s.endNs - s.startNs)));
}

void ConcurrencyTrack::resizeEvent(QResizeEvent *event) {
    QCustomPlot::resizeEvent(event);
    followView(); // a point per pixel column: the columns changed
}

void ConcurrencyTrack::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        const int k = spikeAt(timeAtX(event->position().x()));
        if (k >= 0) return openSpike(k);
    }
    QCustomPlot::mousePressEvent(event);
}

} // namespace spanscope

#pragma once

#include "analysis/timelineframe.h"
#include "timelinepainter.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPainter;

namespace spanscope {

// The timeline canvas: draws a TimelineFrame for its viewport (through TimelinePainter) and
// navigates: wheel zoom at the cursor, drag to pan, W/S zoom, A/D pan, F focus, Esc clear,
// N / Shift+N step through search hits, Shift+drag measures, arrows pan and scroll a lane,
// PageUp/PageDown a screen of lanes, Home/End to the first and last lanes, 0 fits. In waterfall
// mode a tree gutter on the left shows indent guides and collapse toggles. Spans, layout and the
// collapse and match flags are owned by the caller (TimelinePane), which must keep them alive.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    static constexpr int axisHeight = 22;
    static constexpr int gutterWidth = 300;      // the waterfall's tree
    static constexpr int groupGutterWidth = 150; // the request groups' names
    // The deepest zoom: this many nanoseconds across the lanes' width.
    static constexpr double minScreenNs = 10;

    explicit TimelineView(QWidget *parent = nullptr);
    // The keys and mouse gestures above, as a table for a help dialog.
    static QString keysHelp();

    // New data: resets the view to fit everything.
    void setData(const TimelineSpans *spans, const TimelineLayout *layout,
                 const std::vector<bool> *collapsed = nullptr);
    // The same spans laid out anew (a collapse, a mode switch): keeps the time window.
    void setLayout(const TimelineLayout *layout);
    // Search hits, a flag per span, and the hits in time order for N / Shift+N.
    void setMatches(const std::vector<bool> *flags, std::vector<std::int32_t> inTimeOrder);
    // What the canvas says when there is nothing to draw (rich text, links emit
    // noticeLinkActivated): why, and where the run's data is shown instead.
    void setEmptyNotice(const QString &html);
    QString emptyNotice() const;
    // Names for the lane groups of the per-request layout, by request (trace) index: the
    // request's name and its start, drawn in a gutter left of the lanes.
    void setGroupLabels(std::vector<GroupLabel> labels);
    // Requests to keep bright, by request index (the Requests dock's filter); the others are
    // drawn faint. Null or empty: all. The caller owns the flags.
    void setShownRequests(const std::vector<bool> *shown);
    // Chunk arrivals of streamed spans, by span, drawn on their bars; the caller owns the map
    // and calls update() as it fills.
    void setChunkMarks(const std::unordered_map<std::int32_t, ChunkMarks> *chunks);
    // Adds model, tokens and anything else the caller knows to a span's tooltip.
    void setTooltipDetail(std::function<QString(std::int32_t span)> detail);

    void zoomToFit();
    // Multiplies the time per pixel by `factor` (< 1 zooms in) keeping the time at x fixed.
    void zoomAt(double x, double factor);
    void panPixels(double dx, double dy);
    // Fits a span's time to most of the width and scrolls its lane into view.
    void focusSpan(std::int32_t span);
    // Shows [t0, t1] across the lanes' width, keeping the lanes scrolled as they are.
    void showTimeRange(std::int64_t t0, std::int64_t t1);
    void stepMatch(int direction); // +1 next hit after the selection, -1 previous
    // Scrolls the lanes so `lane` is the first shown (clamped to the lanes there are).
    void setFirstLane(double lane);
    double lanesShown() const;

    const TimelineViewport &viewport() const { return m_view; }
    const TimelineLayout *layout() const { return m_layout; }
    // The span drawn at a widget position (within a pixel either side), or -1.
    std::int32_t spanAt(QPointF pos) const;
    std::int32_t selectedSpan() const { return m_selected; }
    void setSelectedSpan(std::int32_t span);
    std::int64_t timeAt(double x) const; // x in widget coordinates
    std::int64_t originNs() const { return m_origin; }
    int lanesLeft() const { return m_left; } // x where the lanes begin
    // The times zoom and pan stay within: the run (or the request a waterfall shows) and a
    // margin of 5% either side.
    std::pair<std::int64_t, std::int64_t> panBounds() const;
    const TimelineFrame &lastFrame() const { return m_frame; }
    // Categories present in the data, a bit per Category (for a legend outside the canvas).
    std::uint32_t categoriesPresent() const { return m_categoriesPresent; }
    // The measured duration of the last Shift+drag, or -1.
    std::int64_t measuredNs() const;

signals:
    void spanSelected(std::int32_t span);
    void spanActivated(std::int32_t span); // double-click
    void collapseToggled(std::int32_t span);
    void viewportChanged();
    void searchRequested(); // "/" pressed
    void noticeLinkActivated(const QString &link);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void changed();
    void updateGeometry();
    void updateExtent();
    void clampView();
    double clampLane(double lane) const; // a first lane within the lanes there are
    std::int32_t laneAt(double y) const;
    QString tooltipText(std::int32_t span) const;

    const TimelineSpans *m_spans = nullptr;
    const TimelineLayout *m_layout = nullptr;
    const std::vector<bool> *m_collapsed = nullptr;
    const std::vector<bool> *m_matchFlags = nullptr;
    std::vector<GroupLabel> m_groupLabels;
    const std::vector<bool> *m_shownRequests = nullptr;
    const std::unordered_map<std::int32_t, ChunkMarks> *m_chunks = nullptr;
    std::vector<std::int32_t> m_matches;
    std::function<QString(std::int32_t)> m_detail;
    std::int64_t m_origin = 0;             // the run's start: the axis counts from it
    std::int64_t m_runEnd = 0;             // the run's last end
    std::int64_t m_extentBegin = 0;        // what zoom and pan are bounded by: the run, or
    std::int64_t m_extentEnd = 0;          // the request a waterfall shows
    bool m_fitted = true;                  // zoomed to fit: stays so on resize
    std::uint32_t m_categoriesPresent = 0; // bit per Category, for a legend
    int m_left = 0;                        // gutter width, in waterfall mode
    TimelineViewport m_view;
    TimelineFrame m_frame;
    TimelinePainter m_painter; // keeps laid-out names between frames
    QPointF m_dragFrom;
    QPointF m_pressedAt;
    bool m_measuring = false, m_measureShown = false;
    std::int64_t m_measureFrom = 0, m_measureTo = 0;
    std::int32_t m_selected = -1;
    QLabel *m_notice = nullptr; // over an empty canvas
};

} // namespace spanscope

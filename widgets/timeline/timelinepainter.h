#pragma once

#include "analysis/timelineframe.h"
#include "lanelayer.h"

#include <QColor>
#include <QPalette>
#include <QStaticText>
#include <QString>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

class QPainter;

namespace spanscope {

// A request's lane group as the gutter names it.
struct GroupLabel {
    QString name;  // requestName()
    QString start; // its start, from the run's
};

// A streamed call's chunk arrivals, as the bar draws them.
struct ChunkMarks {
    std::int64_t first = 0;       // ns since the epoch, 0 when unknown
    std::vector<std::int64_t> at; // each chunk's arrival, ns since the epoch
};

// Everything one paint of the timeline reads; the view fills it in, the painter only draws.
struct TimelinePaintState {
    const TimelineSpans *spans = nullptr;
    const TimelineLayout *layout = nullptr;
    const TimelineViewport *view = nullptr;
    const TimelineFrame *frame = nullptr;
    const std::vector<bool> *collapsed = nullptr;    // waterfall toggles, by span
    const std::vector<bool> *matches = nullptr;      // search hits, by span
    const std::vector<GroupLabel> *groups = nullptr; // per-request layout, by trace
    const std::vector<bool> *shownTraces = nullptr;  // by trace; empty or null: all bright
    const std::unordered_map<std::int32_t, ChunkMarks> *chunks = nullptr; // streamed spans
    int width = 0, height = 0;
    int left = 0;       // tree gutter width (waterfall), the lanes start right of it
    int axisHeight = 0; // time axis band at the top
    std::int64_t origin = 0;
    std::int32_t selected = -1;
    bool measuring = false;
    std::int64_t measureFrom = 0, measureTo = 0; // ns
    QPalette palette;
};

// Paints a timeline frame (DESIGN.md section 5): rects batched by category colour with no pen
// (or, for a dense frame, composed as rows of pixels by LaneLayer),
// folded blocks, errors, search hits, the selection, names where they fit; then the gutter,
// the axis and the measure band. (The legend is the pane's, in its toolbar.)
class TimelinePainter {
public:
    static QColor categoryColour(std::uint8_t category);
    static constexpr int toggleWidth = 12; // the gutter's indent per tree level

    void paint(QPainter &p, const TimelinePaintState &s) const;
    // Forgets the laid-out names: call when the spans (their name table) or the font change.
    void clearCache() { m_names.clear(); }

private:
    void paintSpans(QPainter &p, const TimelinePaintState &s, bool dense) const;
    // The fills of a sparse frame, batched by colour, or of a dense one, through m_layer
    // (timelinepainterfills.cpp).
    void paintBatched(QPainter &p, const TimelinePaintState &s,
                      const std::vector<const TimelineRect *> &unfinished) const;
    void paintLayered(QPainter &p, const TimelinePaintState &s,
                      const std::vector<const TimelineRect *> &unfinished) const;
    // Grid lines under the spans, in whole pixel columns from the lanes' left edge, so the
    // layer's rows and QPainter's lines agree.
    static QColor gridColour(const QPalette &palette);
    static int gridColumn(double tickX) { return static_cast<int>(std::lround(tickX)); }
    // A rect of a request the Requests filter left out.
    static bool dimmed(const TimelinePaintState &s, const TimelineRect &r);
    void paintChunks(QPainter &p, const TimelinePaintState &s) const;
    void paintSelection(QPainter &p, const TimelinePaintState &s) const;
    void paintUnfinished(QPainter &p, const TimelineRect &r) const;
    void paintGutter(QPainter &p, const TimelinePaintState &s) const;
    void paintGroupGutter(QPainter &p, const TimelinePaintState &s) const;
    void paintAxis(QPainter &p, const TimelinePaintState &s) const;
    void paintGroupSeparators(QPainter &p, const TimelinePaintState &s) const;
    void paintMeasure(QPainter &p, const TimelinePaintState &s) const;
    // A span name laid out once per width bucket and reused every frame: text layout, not
    // filling, is what a frame with thousands of labelled spans spends its time on.
    const QStaticText *label(QPainter &p, const TimelinePaintState &s, std::uint32_t nameId,
                             int width) const;

    mutable std::unordered_map<std::uint64_t, QStaticText> m_names;
    mutable LaneLayer m_layer; // its image is kept between frames
    mutable std::vector<LaneLayer::Fill> m_fills;
};

} // namespace spanscope

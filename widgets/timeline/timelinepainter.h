#pragma once

#include "analysis/timelineframe.h"

#include <QColor>
#include <QPalette>
#include <cstdint>
#include <vector>

class QPainter;

namespace spanscope {

// Everything one paint of the timeline reads; the view fills it in, the painter only draws.
struct TimelinePaintState {
    const TimelineSpans *spans = nullptr;
    const TimelineLayout *layout = nullptr;
    const TimelineViewport *view = nullptr;
    const TimelineFrame *frame = nullptr;
    const std::vector<bool> *collapsed = nullptr; // waterfall toggles, by span
    const std::vector<bool> *matches = nullptr;   // search hits, by span
    int width = 0, height = 0;
    int left = 0;       // tree gutter width (waterfall), the lanes start right of it
    int axisHeight = 0; // time axis band at the top
    std::int64_t origin = 0;
    std::uint32_t categories = 0; // bit per Category present, for the legend
    std::int32_t selected = -1;
    bool measuring = false;
    std::int64_t measureFrom = 0, measureTo = 0; // ns
    QPalette palette;
};

// Paints a timeline frame (DESIGN.md section 5): rects batched by category colour with no pen,
// folded blocks, errors, search hits, the selection, names where they fit; then the gutter,
// the axis, the legend and the measure band.
class TimelinePainter {
public:
    static QColor categoryColour(std::uint8_t category);
    static constexpr int toggleWidth = 12; // the gutter's indent per tree level

    void paint(QPainter &p, const TimelinePaintState &s) const;

private:
    void paintSpans(QPainter &p, const TimelinePaintState &s) const;
    void paintGutter(QPainter &p, const TimelinePaintState &s) const;
    void paintAxis(QPainter &p, const TimelinePaintState &s) const;
    void paintLegend(QPainter &p, const TimelinePaintState &s) const;
    void paintGroupSeparators(QPainter &p, const TimelinePaintState &s) const;
    void paintMeasure(QPainter &p, const TimelinePaintState &s) const;
};

} // namespace spanscope

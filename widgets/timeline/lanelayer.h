#pragma once

#include "analysis/timelineframe.h"

#include <QRgb>
#include <cstdint>
#include <vector>

class QPainter;

namespace spanscope {

// Paints the lanes of a dense frame (their background and grid, spans by colour, faded
// requests, folded blocks, error strips) as rows of pixels instead of one rasterised rect
// each. A lane's rects share their height, so each lane is composed once as a row (and once
// more with its error strips) and copied down its height, as a brush of that row tiled over
// it. Filling thousands of rects a few pixels wide and 15 rows high costs QPainter a call per
// rect and per row; this costs the frame's pixels, once. The pixels are QPainter::drawRects'
// over the same background (translucent fills within rounding).
class LaneLayer {
public:
    // Frames with fewer rects are cheaper to paint rect by rect than to blit (measured with
    // spanscope-bench-render: at 2.7k rects the batched fills win, at 16k the layer by 1.5x).
    static constexpr std::size_t minRects = 6000;

    // How a rect is filled: `order` as QPainter would paint it (lower first; -1 not at all:
    // the caller paints it), `colour` premultiplied; `error` adds the 3 px error strip.
    struct Fill {
        int order = -1;
        QRgb colour = 0;
        bool error = false;
    };

    // Paints `rects` (a frame's, grouped by lane; `fills` says how, one each) into a width x
    // height area at the painter's origin, replacing what was there; `background` is a row
    // of `width` pixels under them (base colour and grid), `errorColour` for the strips.
    void paint(QPainter &p, const std::vector<TimelineRect> &rects, const std::vector<Fill> &fills,
               int width, int height, QRgb errorColour, const std::vector<QRgb> &background);

private:
    std::vector<QRgb> m_row, m_errorRow;
};

} // namespace spanscope

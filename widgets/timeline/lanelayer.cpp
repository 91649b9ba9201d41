#include "lanelayer.h"

#include <QPainter>
#include <algorithm>

namespace spanscope {

void LaneLayer::paint(QPainter &p, const std::vector<TimelineRect> &rects,
                      const std::vector<Fill> &fills, int width, int height, QRgb errorColour,
                      const std::vector<QRgb> &background) {
    if (width <= 0 || height <= 0 || background.size() != static_cast<std::size_t>(width) ||
        fills.size() != rects.size())
        return;
    int lastOrder = -1;
    for (const Fill &f : fills)
        lastOrder = std::max(lastOrder, f.order);
    const auto w = static_cast<std::size_t>(width);
    m_row.resize(w);
    m_errorRow.resize(w);
    const auto fillRow = [&](std::vector<QRgb> &row, const TimelineRect &r, QRgb colour) {
        const int x0 = std::clamp(r.x, 0, width);
        const int x1 = std::clamp(r.x + std::max(1, r.w), 0, width);
        const int alpha = qAlpha(colour);
        if (alpha == 255) {
            std::fill(row.begin() + x0, row.begin() + x1, colour);
            return;
        }
        // Source over what the row holds, premultiplied, as QPainter blends a brush.
        for (int x = x0; x < x1; ++x) {
            const QRgb d = row[static_cast<std::size_t>(x)];
            const auto over = [&](int s, int dc) { return s + (dc * (255 - alpha) + 127) / 255; };
            row[static_cast<std::size_t>(x)] =
                qRgba(over(qRed(colour), qRed(d)), over(qGreen(colour), qGreen(d)),
                      over(qBlue(colour), qBlue(d)), over(alpha, qAlpha(d)));
        }
    };
    // Rows [from, to) filled with a row of pixels, as a brush tiled down them: the raster
    // engine copies the row straight into each line of the canvas.
    const auto copyRows = [&](int from, int to, const QRgb *row) {
        from = std::max(from, 0);
        to = std::min(to, height);
        if (from >= to) return;
        const QImage tile(reinterpret_cast<const uchar *>(row ? row : background.data()), width, 1,
                          static_cast<qsizetype>(w * sizeof(QRgb)),
                          QImage::Format_ARGB32_Premultiplied);
        p.setBrushOrigin(0, from);
        p.fillRect(QRect(0, from, width, to - from), QBrush(tile));
    };
    // Opaque: a copy, not a blend.
    const QPainter::CompositionMode mode = p.compositionMode();
    const QPoint brushOrigin = p.brushOrigin();
    p.setCompositionMode(QPainter::CompositionMode_Source);
    int done = 0; // rows above this are written
    for (std::size_t a = 0; a < rects.size();) {
        std::size_t b = a;
        while (b < rects.size() && rects[b].y == rects[a].y)
            ++b;
        const int y = rects[a].y, h = rects[a].h;
        m_row = background;
        // Later orders over earlier ones, as the batched fills paint them.
        for (int order = 0; order <= lastOrder; ++order)
            for (std::size_t i = a; i < b; ++i)
                if (fills[i].order == order) fillRow(m_row, rects[i], fills[i].colour);
        bool errors = false;
        for (std::size_t i = a; i < b && !errors; ++i)
            errors = fills[i].error;
        if (errors) {
            m_errorRow = m_row;
            for (std::size_t i = a; i < b; ++i)
                if (fills[i].error) fillRow(m_errorRow, rects[i], errorColour);
        }
        copyRows(done, y, nullptr);
        const int strip = errors ? std::max(y, y + h - 3) : y + h;
        copyRows(std::max(done, y), strip, m_row.data());
        copyRows(std::max(done, strip), y + h, m_errorRow.data());
        done = std::max(done, y + h);
        a = b;
    }
    copyRows(done, height, nullptr);
    p.setCompositionMode(mode);
    p.setBrushOrigin(brushOrigin);
}

} // namespace spanscope

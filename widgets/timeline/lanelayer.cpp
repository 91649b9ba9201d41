#include "lanelayer.h"

#include <QPainter>
#include <algorithm>
#include <cstring>

namespace spanscope {

void LaneLayer::paint(QPainter &p, const std::vector<TimelineRect> &rects,
                      const std::vector<Fill> &fills, int width, int height, QRgb errorColour,
                      const std::vector<QRgb> &background) {
    if (width <= 0 || height <= 0 || background.size() != static_cast<std::size_t>(width) ||
        fills.size() != rects.size())
        return;
    if (m_image.size() != QSize(width, height))
        m_image = QImage(width, height, QImage::Format_ARGB32_Premultiplied);
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
    const auto copyRows = [&](int from, int to, const QRgb *row) {
        for (int y = std::max(from, 0); y < std::min(to, height); ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
            std::memcpy(line, row ? row : background.data(), w * sizeof(QRgb));
        }
    };
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
    // Opaque: a copy, not a blend.
    const QPainter::CompositionMode mode = p.compositionMode();
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.drawImage(0, 0, m_image);
    p.setCompositionMode(mode);
}

} // namespace spanscope

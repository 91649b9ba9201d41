// The dense frame's lane layer paints the pixels QPainter paints: the same frame drawn both
// ways (the background and grid lines, then rects batched by fill order, then error strips)
// gives the same image, exactly where the fills are opaque and within rounding where a faded
// request's translucent fill blends; lanes scrolled half out of view included, at device pixel
// ratios 1 and 2 (grid lines included: they are a pixel-wide rect in both paths).
#include "timeline/lanelayer.h"

#include <QPainter>
#include <QTest>
#include <random>

using namespace spanscope;

class TstLaneLayer : public QObject {
    Q_OBJECT
private slots:
    void paintsWhatQPainterPaints_data() {
        QTest::addColumn<int>("ratio");
        QTest::newRow("1x") << 1;
        QTest::newRow("2x (HiDPI)") << 2;
    }

    void paintsWhatQPainterPaints() {
        QFETCH(int, ratio);
        const int width = 640, height = 300, laneHeight = 16;
        std::mt19937 rng(5);
        const QColor base(0xfa, 0xfa, 0xfa), grid(0xd8, 0xd8, 0xdc), bad(0xd3, 0x2f, 0x2f);
        const std::array<QColor, 4> byOrder = {
            QColor(0x42, 0x85, 0xf4), QColor(0x80, 0x80, 0x80, 70), // faded
            QColor(0x0f, 0x9d, 0x58), QColor(0x5f, 0x63, 0x68)};    // folded
        // Lanes from a third of one above the top to below the bottom edge.
        std::vector<TimelineRect> rects;
        std::vector<LaneLayer::Fill> fills;
        for (int lane = 0; lane < 21; ++lane) {
            const int y = lane * laneHeight - laneHeight / 3;
            if (lane == 7) continue; // a lane with nothing: background only
            for (int x = int(rng() % 9) - 4; x < width + 4;) {
                const int w = rng() % 5 == 0 ? int(rng() % 60) : int(rng() % 6);
                const auto order = static_cast<int>(rng() % 5) - 1; // -1: not filled here
                const bool error = rng() % 9 == 0;
                rects.push_back({x, y, w, laneHeight - 1, std::int32_t(rects.size()), 1, 0, 0});
                fills.push_back({order,
                                 order < 0 ? 0 : qPremultiply(byOrder[std::size_t(order)].rgba()),
                                 error});
                // Some overlap the next one by a pixel, as a fold's end can.
                x += std::max(1, w) + int(rng() % 4) - 1;
            }
        }
        std::vector<QRgb> background(std::size_t(width), qPremultiply(base.rgba()));
        const std::vector<int> gridColumns = {0, 97, 98, 301, 639};
        for (const int x : gridColumns)
            background[std::size_t(x)] = qPremultiply(grid.rgba());

        QImage want((width + 40) * ratio, (height + 30) * ratio,
                    QImage::Format_ARGB32_Premultiplied);
        want.setDevicePixelRatio(ratio);
        want.fill(Qt::black);
        {
            QPainter p(&want);
            p.setClipRect(QRect(20, 10, width, height));
            p.translate(20, 10);
            p.fillRect(QRect(0, 0, width, height), base);
            for (const int x : gridColumns) // as TimelinePainter::paintAxis draws them
                p.fillRect(QRect(x, 0, 1, height), grid);
            p.setPen(Qt::NoPen);
            for (int order = 0; order < 4; ++order) {
                QVector<QRect> batch;
                for (std::size_t i = 0; i < rects.size(); ++i)
                    if (fills[i].order == order) {
                        const TimelineRect &r = rects[i];
                        batch.push_back(QRect(r.x, r.y, std::max(1, r.w), r.h));
                    }
                p.setBrush(byOrder[std::size_t(order)]);
                p.drawRects(batch);
            }
            QVector<QRect> errors;
            for (std::size_t i = 0; i < rects.size(); ++i)
                if (fills[i].error) {
                    const TimelineRect &r = rects[i];
                    errors.push_back(QRect(r.x, r.y + r.h - 3, std::max(1, r.w), 3));
                }
            p.setBrush(bad);
            p.drawRects(errors);
        }
        QImage got(want.size(), QImage::Format_ARGB32_Premultiplied);
        got.setDevicePixelRatio(ratio);
        got.fill(Qt::black);
        {
            LaneLayer layer;
            QPainter p(&got);
            p.setClipRect(QRect(20, 10, width, height));
            p.translate(20, 10);
            layer.paint(p, rects, fills, width, height, qPremultiply(bad.rgba()), background);
        }
        got.save(QStringLiteral("lanelayer-%1x.png").arg(ratio));
        int exact = 0, worst = 0;
        for (int y = 0; y < want.height(); ++y)
            for (int x = 0; x < want.width(); ++x) {
                const QRgb a = want.pixel(x, y), b = got.pixel(x, y);
                const int d =
                    std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                              std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b))});
                worst = std::max(worst, d);
                exact += d == 0 ? 1 : 0;
                if (d > 2)
                    QFAIL(qPrintable(QStringLiteral("pixel %1,%2: %3 painted, %4 layered")
                                         .arg(x)
                                         .arg(y)
                                         .arg(a, 8, 16)
                                         .arg(b, 8, 16)));
            }
        // Off the translucent fills, every pixel is the same.
        QVERIFY2(exact > want.width() * want.height() * 9 / 10,
                 qPrintable(QStringLiteral("%1 exact, worst %2").arg(exact).arg(worst)));
    }
};

QTEST_MAIN(TstLaneLayer)
#include "tst_lanelayer.moc"

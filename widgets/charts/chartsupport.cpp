#include "chartsupport.h"

#include "common/theme.h"

#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace spanscope::charts {

namespace {

constexpr const char *dirtyProperty = "spanscopeReplotWhenShown";

// Replots a chart that changed while hidden when it is shown.
class ReplotOnShow : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Show && watched->property(dirtyProperty).toBool()) {
            watched->setProperty(dirtyProperty, false);
            static_cast<QCustomPlot *>(watched)->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }
};

} // namespace

void replotWhenShown(QCustomPlot *plot) {
    if (plot->isVisible()) {
        plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    plot->setProperty(dirtyProperty, true);
}

namespace {

constexpr const char *legendProperty = "spanscopeLegendWanted";

constexpr const char *ticksProperty = "spanscopeAllTicks", *tickerProperty = "spanscopeTicker";

// Labelled ticks (histogram bin edges) thinned to every k-th, so the labels keep apart at
// this width; all of them come back when there is room. True when the ticks changed.
bool thinTextTicks(QCustomPlot *plot, QCPAxisTickerText *text, int widthPx) {
    const auto id = static_cast<qulonglong>(reinterpret_cast<quintptr>(text));
    if (plot->property(tickerProperty).toULongLong() != id) { // a new ticker: keep its ticks
        QVariantList all;
        for (auto it = text->ticks().constBegin(); it != text->ticks().constEnd(); ++it)
            all << QVariant(QVariantList{it.key(), it.value()});
        plot->setProperty(ticksProperty, all);
        plot->setProperty(tickerProperty, id);
    }
    const QVariantList all = plot->property(ticksProperty).toList();
    if (all.size() < 2) return false;
    const QFontMetrics fm(plot->xAxis->tickLabelFont());
    int widest = 0;
    for (const QVariant &t : all)
        widest = std::max(widest, fm.horizontalAdvance(t.toList().at(1).toString()));
    const double span =
        all.back().toList().at(0).toDouble() - all.front().toList().at(0).toDouble();
    const double pxPerTick = span / (all.size() - 1) / plot->xAxis->range().size() * widthPx;
    const int step =
        pxPerTick <= 0 ? 1 : std::max(1, static_cast<int>(std::ceil((widest + 10) / pxPerTick)));
    QMap<double, QString> shown;
    for (int k = 0; k < all.size(); k += step)
        shown.insert(all[k].toList().at(0).toDouble(), all[k].toList().at(1).toString());
    if (shown == text->ticks()) return false;
    text->setTicks(shown);
    return true;
}

// After each layout: the legend shows only where the view wants it and it fits inside the
// plot (cut off and over the data otherwise), and the bottom axis gets as many ticks as its
// width holds labels for (overlapping labels otherwise, "903 1.69k 4k" run together).
void fitToSize(QCustomPlot *plot) {
    bool again = false;
    QCPLegend *legend = plot->legend;
    const QRect area = plot->axisRect()->rect();
    const QSize need = legend->minimumOuterSizeHint();
    const bool show = plot->property(legendProperty).toBool() &&
                      need.width() + 24 <= area.width() && need.height() + 24 <= area.height();
    if (legend->visible() != show) {
        legend->setVisible(show);
        again = true;
    }
    QCPAxisTicker *ticker = plot->xAxis->ticker().data();
    if (auto *text = dynamic_cast<QCPAxisTickerText *>(ticker)) {
        again |= thinTextTicks(plot, text, area.width());
    } else if (const int ticks = std::clamp(area.width() / 90, 2, 8);
               ticker && ticker->tickCount() != ticks) {
        ticker->setTickCount(ticks);
        again = true;
    }
    if (again) plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace

void showLegend(QCustomPlot *plot, bool wanted) {
    plot->setProperty(legendProperty, wanted);
    plot->legend->setVisible(wanted); // the next layout takes it back where it does not fit
}

namespace {

// Titles are added by each view, often after style(): they take the text colour at each replot.
void colourTitles(QCustomPlot *plot) {
    const QColor text = plot->palette().color(QPalette::WindowText);
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true))
        if (auto *t = qobject_cast<QCPTextElement *>(e)) t->setTextColor(text);
}

// The chart's frame in the palette's colours: background, axes, grid, labels, legend (the
// titles at each replot, above).
void paintFrame(QCustomPlot *plot) {
    const QPalette pal = plot->palette();
    const QColor text = pal.color(QPalette::WindowText);
    plot->setBackground(pal.base());
    for (QCPAxis *a : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        a->grid()->setPen(QPen(theme::gridLine(), 0));
        a->setBasePen(QPen(theme::axisLine(), 0));
        a->setTickPen(QPen(theme::axisLine(), 0));
        a->setSubTickPen(QPen(theme::muted(), 0));
        a->setTickLabelColor(text);
        a->setLabelColor(text);
    }
    QColor legend = pal.color(QPalette::Base);
    legend.setAlpha(220);
    plot->legend->setBrush(legend);
    plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    plot->legend->setTextColor(text);
}

// Follows a theme switch: the frame takes the new palette's colours.
class FollowPalette : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::PaletteChange) {
            auto *plot = static_cast<QCustomPlot *>(watched);
            paintFrame(plot);
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }
};

} // namespace

void style(QCustomPlot *plot) {
    plot->installEventFilter(new ReplotOnShow(plot));
    plot->installEventFilter(new FollowPalette(plot));
    QObject::connect(plot, &QCustomPlot::afterLayout, plot, [plot] { fitToSize(plot); });
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] { colourTitles(plot); });
    plot->setNoAntialiasingOnDrag(true);
    paintFrame(plot);
}

void integerTicks(QCPAxis *axis) {
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
}

QColor seriesColour(int k) {
    static const QColor colours[] = {{0x1f, 0x77, 0xb4}, {0xff, 0x7f, 0x0e}, {0x2c, 0xa0, 0x2c},
                                     {0x94, 0x67, 0xbd}, {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2},
                                     {0x7f, 0x7f, 0x7f}, {0xbc, 0xbd, 0x22}, {0x17, 0xbe, 0xcf},
                                     {0xae, 0xc7, 0xe8}, {0xff, 0xbb, 0x78}, {0x98, 0xdf, 0x8a}};
    constexpr int n = sizeof colours / sizeof colours[0];
    return colours[((k % n) + n) % n];
}

bool save(QCustomPlot *plot, const QString &path) {
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) return plot->savePdf(path);
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(plot->size());
        svg.setViewBox(QRect(QPoint(0, 0), plot->size()));
        QCPPainter painter;
        if (!painter.begin(&svg)) return false;
        plot->toPainter(&painter, plot->width(), plot->height());
        return painter.end();
    }
    return plot->savePng(path);
}

void addSaveMenu(QCustomPlot *plot, const QString &suggestedName) {
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        plot, &QWidget::customContextMenuRequested, plot, [plot, suggestedName](QPoint p) {
            QMenu menu;
            menu.addAction(QObject::tr("Save chart as\u2026"), plot, [plot, suggestedName] {
                const QString path = QFileDialog::getSaveFileName(
                    plot, QObject::tr("Save chart"), suggestedName,
                    QObject::tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
                if (!path.isEmpty()) save(plot, path);
            });
            menu.exec(plot->mapToGlobal(p));
        });
}

} // namespace spanscope::charts

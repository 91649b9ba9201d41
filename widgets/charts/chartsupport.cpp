#include "chartsupport.h"

#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
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

void style(QCustomPlot *plot) {
    plot->installEventFilter(new ReplotOnShow(plot));
    plot->setNoAntialiasingOnDrag(true);
    plot->setBackground(plot->palette().base());
    for (QCPAxis *a : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        a->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 0));
        a->setBasePen(QPen(QColor(0x75, 0x75, 0x75), 0));
        a->setTickPen(QPen(QColor(0x75, 0x75, 0x75), 0));
        a->setSubTickPen(QPen(QColor(0x9e, 0x9e, 0x9e), 0));
    }
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(0xbd, 0xbd, 0xbd)));
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

#pragma once

#include <QColor>
#include <QString>

class QCPAxis;
class QCustomPlot;
class QMenu;
class QWidget;

namespace spanscope::charts {

// The look every chart shares: fonts, grid, interactions off until a view enables them.
void style(QCustomPlot *plot);
// Shows the chart's legend where it fits inside the plot and hides it where it does not (a
// narrow centre): what a view calls instead of legend->setVisible. style() makes every chart
// also fit its bottom axis's tick count to its width.
void showLegend(QCustomPlot *plot, bool wanted);
// Replots now when the chart is on screen, else when it is next shown: a hidden tab's charts
// cost nothing while a run is opened.
void replotWhenShown(QCustomPlot *plot);
// Ticks at whole numbers only (counts: no "0.5 calls").
void integerTicks(QCPAxis *axis);
// A qualitative palette, k-th colour (wraps).
QColor seriesColour(int k);
// Saves a chart as PNG, SVG or PDF by the file's extension (QCustomPlot's savePng and
// savePdf; SVG through QSvgGenerator and QCustomPlot::toPainter). False when not written.
bool save(QCustomPlot *plot, const QString &path);
// Gives a chart a context menu with "Save chart as..." (PNG, SVG, PDF).
void addSaveMenu(QCustomPlot *plot, const QString &suggestedName);

} // namespace spanscope::charts

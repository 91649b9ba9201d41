#include "comparesummary.h"

#include "charts/chartsupport.h"
#include "charts/exportmenu.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "store/runcomparer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace spanscope {

namespace {

const QColor colourA(0x78, 0x90, 0x9c);
const QColor colourB(0x1e, 0x88, 0xe5);

QString num(const std::optional<double> &v, int decimals) {
    return v ? local::fixed(*v, decimals) : QStringLiteral("-");
}

QString signedNum(const std::optional<double> &v, int decimals) {
    if (!v) return QStringLiteral("-");
    return (*v > 0 ? QStringLiteral("+") : QString()) + local::fixed(*v, decimals);
}

QString pText(double p) {
    return p < 0.001 ? QStringLiteral("< 0.001") : local::fixed(p, 3);
}

std::vector<double> latencies(const std::vector<EvalItemRow> &items) {
    std::vector<double> v;
    for (const EvalItemRow &r : items)
        if (r.item.latency) v.push_back(*r.item.latency);
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

CompareSummary::CompareSummary(QWidget *parent) : QWidget(parent) {
    m_headline = new QLabel;
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quality = new QTableWidget(0, 9);
    m_quality->setAccessibleName(tr("Quality by evaluator"));
    m_quality->setHorizontalHeaderLabels({tr("Evaluator"), tr("Mean A"), tr("Mean B"), tr("B − A"),
                                          tr("95% CI"), tr("p (Wilcoxon)"), tr("Better"),
                                          tr("Worse"), tr("Same")});
    m_quality->verticalHeader()->setVisible(false);
    m_quality->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_quality->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_quality->horizontalHeader()->setStretchLastSection(true);
    m_quality->setToolTip(tr("Items paired by id. The interval is a seeded bootstrap of the mean "
                             "paired difference (10,000 resamples); the p-value is Wilcoxon's "
                             "signed-rank test, exact up to 25 changed items."));
    exporting::addCsvMenu(m_quality, QStringLiteral("quality.csv"));

    m_histogram = new QCustomPlot;
    m_ecdf = new QCustomPlot;
    for (QCustomPlot *p : {m_histogram, m_ecdf}) {
        charts::style(p);
        charts::showLegend(p, true);
        p->xAxis->setLabel(tr("request latency (s)"));
        p->setMinimumHeight(200);
    }
    charts::addSaveMenu(m_histogram, QStringLiteral("latency-ab.png"));
    charts::addSaveMenu(m_ecdf, QStringLiteral("latency-ecdf-ab.png"));
    m_histogram->yAxis->setLabel(tr("requests"));
    charts::integerTicks(m_histogram->yAxis);
    m_ecdf->yAxis->setLabel(tr("share of requests at or under"));
    m_ecdf->yAxis->setRange(0, 1.02);
    m_ecdf->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_histogram);
    charts->addWidget(m_ecdf);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_quality);
    split->addWidget(charts);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({180, 600}); // a handful of evaluators; the charts take the rest
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(split, 1);
}

void CompareSummary::setComparison(std::shared_ptr<const StoredComparison> comparison,
                                   double alpha) {
    m_c = std::move(comparison);
    if (!m_c) {
        m_headline->clear();
        m_quality->setRowCount(0);
        m_histogram->clearPlottables();
        m_ecdf->clearGraphs();
        charts::replotWhenShown(m_histogram);
        charts::replotWhenShown(m_ecdf);
        return;
    }
    const RunComparison &r = m_c->result;
    QString head = tr("<b>B</b> %1 (candidate) against <b>A</b> %2 (baseline): %3 items paired")
                       .arg(QString::fromStdString(m_c->b.label).toHtmlEscaped(),
                            QString::fromStdString(m_c->a.label).toHtmlEscaped())
                       .arg(r.matched);
    if (!r.unmatchedA.empty() || !r.unmatchedB.empty())
        head += tr(", <span style='color:#c62828'>%1 only in A, %2 only in B</span> (listed "
                   "under Items)")
                    .arg(r.unmatchedA.size())
                    .arg(r.unmatchedB.size());
    m_headline->setText(theme::html(head + QStringLiteral(".")));
    fillQuality(alpha);
    fillLatency();
}

void CompareSummary::fillQuality(double alpha) {
    const RunComparison &r = m_c->result;
    // The evaluators, then the request latency as one more paired row (lower is better).
    const int rows = static_cast<int>(r.evaluators.size()) + 1;
    m_quality->setRowCount(rows);
    const auto fill = [&](int row, const QString &name, const PairedComparison &p,
                          bool higherIsBetter, int decimals) {
        const bool significant = p.significant(alpha) && p.diff;
        const bool good = significant && ((*p.diff > 0) == higherIsBetter);
        const QStringList cells = {
            name,
            num(p.meanA, decimals),
            num(p.meanB, decimals),
            signedNum(p.diff, decimals),
            p.ci95
                ? QStringLiteral("[%1, %2]")
                      .arg(local::fixed(p.ci95->lo, decimals), local::fixed(p.ci95->hi, decimals))
                : QStringLiteral("-"),
            p.n ? pText(p.test.pValue) +
                      (significant ? (good ? tr("  better") : tr("  WORSE")) : QString())
                : QStringLiteral("-"),
            QString::number(p.improved),
            QString::number(p.regressed),
            QString::number(p.unchanged)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (significant && (c == 3 || c == 5)) {
                item->setForeground(good ? theme::good() : theme::bad());
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_quality->setItem(row, c, item);
        }
    };
    for (std::size_t i = 0; i < r.evaluators.size(); ++i)
        fill(static_cast<int>(i), QString::fromStdString(r.evaluators[i].name),
             r.evaluators[i].paired, true, 3);
    fill(rows - 1, tr("request latency (s)"), r.latency.paired, false, 2);
    m_quality->resizeColumnsToContents();
}

void CompareSummary::fillLatency() {
    const std::vector<double> a = latencies(m_c->itemsA), b = latencies(m_c->itemsB);
    const LatencyComparison &l = m_c->result.latency;
    m_histogram->clearPlottables();
    m_ecdf->clearGraphs();
    m_ecdf->clearItems();
    if (a.empty() && b.empty()) {
        charts::replotWhenShown(m_histogram);
        charts::replotWhenShown(m_ecdf);
        return;
    }
    const double lo =
        std::min(a.empty() ? b.front() : a.front(), b.empty() ? a.front() : b.front());
    const double hi = std::max(a.empty() ? b.back() : a.back(), b.empty() ? a.back() : b.back());
    const std::size_t n = std::max(a.size(), b.size());
    // Sturges' rule, at least 5 bins; both runs share the bins.
    const int bins =
        std::max(5, static_cast<int>(std::ceil(std::log2(static_cast<double>(n)) + 1)));
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    double yMax = 1;
    for (const auto &[values, colour, name, p50, p95] :
         {std::tuple{&a, colourA, tr("A %1").arg(QString::fromStdString(m_c->a.label)), l.p50A,
                     l.p95A},
          std::tuple{&b, colourB, tr("B %1").arg(QString::fromStdString(m_c->b.label)), l.p50B,
                     l.p95B}}) {
        std::vector<double> counts(static_cast<std::size_t>(bins), 0);
        for (double v : *values)
            counts[static_cast<std::size_t>(
                std::clamp(static_cast<int>((v - lo) / width), 0, bins - 1))] += 1;
        auto *bars = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
        bars->setName(tr("%1: p50 %2 s, p95 %3 s").arg(name, num(p50, 1), num(p95, 1)));
        QColor fill = colour;
        fill.setAlpha(110);
        bars->setBrush(fill);
        bars->setPen(QPen(colour));
        bars->setWidth(width);
        for (int k = 0; k < bins; ++k) {
            bars->addData(lo + (k + 0.5) * width, counts[static_cast<std::size_t>(k)]);
            yMax = std::max(yMax, counts[static_cast<std::size_t>(k)]);
        }
        QCPGraph *g = m_ecdf->addGraph();
        g->setName(name);
        g->setPen(QPen(colour, 2));
        g->setLineStyle(QCPGraph::lsStepLeft);
        for (std::size_t i = 0; i < values->size(); ++i)
            g->addData((*values)[i],
                       static_cast<double>(i + 1) / static_cast<double>(values->size()));
        // p50 and p95 ringed on the curve (the legend of the histogram names them).
        for (const auto &at : {p50, p95}) {
            if (!at) continue;
            auto *mark = new QCPItemTracer(m_ecdf);
            mark->setGraph(g);
            mark->setGraphKey(*at);
            mark->setStyle(QCPItemTracer::tsCircle);
            mark->setPen(QPen(colour, 1.5));
            mark->setSize(7);
        }
    }
    m_histogram->xAxis->setRange(lo - width, hi + width);
    m_histogram->yAxis->setRange(0, yMax * 1.15);
    m_ecdf->xAxis->setRange(lo - width, hi + width);
    charts::replotWhenShown(m_histogram);
    charts::replotWhenShown(m_ecdf);
}

} // namespace spanscope

#include "sizingpane.h"

#include "charts/chartsupport.h"
#include "charts/exportmenu.h"
#include "common/theme.h"
#include "item/localformat.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace spanscope {

namespace {

QString num(double v, int decimals) {
    return local::fixed(v, decimals);
}

QString concurrencyLabel(double c) {
    return QString::fromStdString(concurrencyText(c));
}

enum Column { Concurrency, P95, Items, OverBudget, SinglePoint, NatSinglePoint, Note, Columns };

} // namespace

SizingPane::SizingPane(QWidget *parent) : QWidget(parent) {
    m_title = new QLabel;
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true); // a long title must not widen the window
    m_title->setMinimumWidth(120);
    m_metricBox = new QComboBox;
    m_metricBox->setAccessibleName(tr("Sizing metric"));
    m_metricBox->addItem(tr("p95 workflow runtime"));
    m_metricBox->addItem(tr("p95 LLM latency"));
    m_users = new QDoubleSpinBox;
    m_users->setAccessibleName(tr("Target users"));
    m_users->setRange(1, 1e7);
    m_users->setDecimals(0);
    m_users->setValue(defaultSizingUsers);
    m_users->setToolTip(tr("Concurrent users the deployment must serve"));
    m_budget = new QDoubleSpinBox;
    m_budget->setAccessibleName(tr("p95 budget in seconds"));
    m_budget->setRange(0.001, 1e6);
    m_budget->setDecimals(2);
    m_budget->setSuffix(tr(" s"));
    m_budget->setToolTip(tr("The p95 the users may wait (NAT's target)"));
    m_gpus = new QSpinBox;
    m_gpus->setAccessibleName(tr("GPUs in the test"));
    m_gpus->setRange(1, 100000);
    m_gpus->setValue(static_cast<int>(defaultSizingGpus));
    m_gpus->setToolTip(tr("GPUs the load test ran on"));

    // The inputs sit above the outputs they drive, in the side panel: a row of them would widen
    // the window past what the docks leave the centre.
    auto *inputs = new QFormLayout;
    inputs->addRow(tr("&Metric"), m_metricBox);
    inputs->addRow(tr("Target &users"), m_users);
    inputs->addRow(tr("&Budget (p95)"), m_budget);
    inputs->addRow(tr("&GPUs in the test"), m_gpus);

    m_chart = new QCustomPlot;
    charts::style(m_chart);
    charts::addSaveMenu(m_chart, QStringLiteral("sizing.png"));
    m_chart->xAxis->setLabel(tr("concurrency"));
    // Shown where it fits: in a narrow centre (1280 px with both docks open) it was cut off
    // and covered the points.
    charts::showLegend(m_chart, true);
    // Time rises with concurrency: the lower right corner is where the data is not.
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_chart->setMinimumHeight(260);

    m_outputs = new QLabel;
    m_outputs->setTextFormat(Qt::RichText);
    m_outputs->setWordWrap(true);
    m_outputs->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_outputs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outputs->setMinimumWidth(220);

    m_table = new QTableWidget(0, Columns);
    m_table->setAccessibleName(tr("Load-test points"));
    m_table->setHorizontalHeaderLabels({tr("Concurrency"), tr("p95 (s)"), tr("Items"),
                                        tr("Over budget"), tr("GPUs (single point)"),
                                        tr("NAT's single point"), tr("Note")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    exporting::addCsvMenu(m_table, QStringLiteral("sizing.csv"));

    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addLayout(inputs);
    sideLayout->addWidget(m_outputs, 1);
    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_chart);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({900, 300});
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);

    connect(m_metricBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_filling) return;
        m_metric = i == 1 ? SizingMetric::LlmLatency : SizingMetric::Runtime;
        resetBudget();
        recompute();
    });
    for (QDoubleSpinBox *box : {m_users, m_budget})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            if (!m_filling) recompute();
        });
    connect(m_gpus, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling) recompute();
    });
    clear();
}

const SizingSource &SizingPane::source() const {
    return m_metric == SizingMetric::Runtime ? m_data.runtime : m_data.llm;
}
double SizingPane::users() const {
    return m_users->value();
}
double SizingPane::budget() const {
    return m_budget->value();
}
double SizingPane::testGpus() const {
    return m_gpus->value();
}

void SizingPane::clear() {
    setData({});
}

void SizingPane::setData(const SizingData &newData) {
    m_data = newData;
    m_filling = true;
    // Open on what NAT estimated: runtime unless NAT only had a latency target.
    m_metric = !m_data.runtime.natImpliedBudget && m_data.llm.natImpliedBudget
                   ? SizingMetric::LlmLatency
                   : SizingMetric::Runtime;
    m_metricBox->setCurrentIndex(m_metric == SizingMetric::LlmLatency ? 1 : 0);
    m_users->setValue(defaultSizingUsers);
    m_gpus->setValue(static_cast<int>(defaultSizingGpus));
    m_filling = false;
    m_title->setText(newData.title.isEmpty()
                         ? tr("Select a NAT sizing-calculator run, or several runs in the "
                              "leaderboard (each measured at its own concurrency).")
                         : newData.title);
    resetBudget();
    recompute();
}

void SizingPane::setMetric(SizingMetric metric) {
    m_metricBox->setCurrentIndex(metric == SizingMetric::LlmLatency ? 1 : 0);
}

void SizingPane::setInputs(double users, double budget, double testGpus) {
    m_filling = true;
    m_users->setValue(users);
    m_budget->setValue(budget);
    m_gpus->setValue(static_cast<int>(testGpus));
    m_filling = false;
    recompute();
}

void SizingPane::resetBudget() {
    const bool was = m_filling;
    m_filling = true;
    m_budget->setValue(defaultBudget(source()).seconds);
    m_filling = was;
}

std::optional<bool> SizingPane::agreesWithNat() const {
    return spanscope::agreesWithNat(source(), {users(), budget(), testGpus()}, m_result);
}

void SizingPane::recompute() {
    m_result = sizing::size(source().points, {users(), budget(), testGpus()});
    fillChart();
    fillTable();
    fillOutputs();
}

void SizingPane::fillChart() {
    QCustomPlot *c = m_chart;
    c->clearGraphs();
    c->clearItems();
    const SizingSource &s = source();
    c->yAxis->setLabel(m_metric == SizingMetric::Runtime ? tr("p95 workflow runtime (s)")
                                                         : tr("p95 LLM latency (s)"));
    if (s.points.empty()) {
        charts::replotWhenShown(c);
        return;
    }
    const auto scatterGraph = [&](const QString &name, QCPScatterStyle style) {
        QCPGraph *g = c->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(style);
        return g;
    };
    QCPGraph *items =
        scatterGraph(tr("each item's time"),
                     QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x90, 0xa4, 0xae, 110), 4));
    QCPGraph *fitted =
        scatterGraph(tr("p95 at each concurrency"),
                     QCPScatterStyle(QCPScatterStyle::ssDisc, charts::seriesColour(0), 9));
    QCPGraph *outliers = scatterGraph(
        tr("outlier: left out of the fit"),
        QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(theme::bad(), 2), Qt::NoBrush, 11));
    QCPGraph *interrupted = scatterGraph(
        tr("interrupted run (not fitted)"),
        QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(theme::muted()), Qt::NoBrush, 9));
    double xMax = 0, yMax = budget();
    for (const sizing::Point &p : s.points)
        xMax = std::max(xMax, p.concurrency);
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const sizing::Point &p = s.points[i];
        yMax = std::max(yMax, p.p95);
        // Items spread a little sideways so equal times stay visible.
        for (std::size_t k = 0; k < p.items.size(); ++k) {
            const double jitter = (static_cast<double>(k % 7) - 3.0) * 0.003 * xMax;
            items->addData(p.concurrency + jitter, p.items[k]);
            yMax = std::max(yMax, p.items[k]);
        }
        (p.interrupted         ? interrupted
         : m_result.outlier[i] ? outliers
                               : fitted)
            ->addData(p.concurrency, p.p95);
    }
    for (QCPGraph *g : {items, outliers, interrupted})
        if (g->dataCount() == 0) c->legend->removeItem(c->legend->itemWithPlottable(g));
    if (m_result.concurrencyAtBudget) xMax = std::max(xMax, *m_result.concurrencyAtBudget);
    xMax *= 1.1;

    const sizing::LinearFit &fit = m_result.fit;
    if (fit.slope != 0 || fit.intercept != 0) {
        QCPGraph *line = c->addGraph();
        line->setName(fit.accepted
                          ? tr("fit: %1 s + %2 s per concurrency, R² %3")
                                .arg(num(fit.intercept, 2), num(fit.slope, 3), num(fit.rSquared, 3))
                          : tr("fit rejected: %1").arg(QString::fromStdString(fit.rejected)));
        line->setPen(fit.accepted ? QPen(charts::seriesColour(0), 2)
                                  : QPen(theme::muted(), 1.5, Qt::DotLine));
        line->addData(0, fit.intercept);
        line->addData(xMax, fit.intercept + fit.slope * xMax);
    }
    QCPGraph *budgetLine = c->addGraph();
    budgetLine->setName(tr("budget %1 s").arg(num(budget(), 2)));
    budgetLine->setPen(QPen(theme::warn(), 1.5, Qt::DashLine));
    budgetLine->addData(0, budget());
    budgetLine->addData(xMax, budget());
    if (m_result.concurrencyAtBudget) {
        QCPGraph *drop = c->addGraph();
        drop->setName(tr("within budget up to %1").arg(num(*m_result.concurrencyAtBudget, 1)));
        drop->setPen(QPen(theme::good(), 1.5, Qt::DashDotLine));
        drop->addData(*m_result.concurrencyAtBudget, 0);
        drop->addData(*m_result.concurrencyAtBudget, budget());
    }
    c->xAxis->setRange(0, xMax);
    c->yAxis->setRange(0, yMax * 1.08);
    charts::replotWhenShown(c);
}

void SizingPane::fillTable() {
    const SizingSource &s = source();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(s.points.size()));
    const auto cell = [&](int row, int column, const QString &text, double sortValue) {
        auto *item = new QTableWidgetItem(text);
        item->setData(Qt::UserRole, sortValue);
        if (column != Note) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, column, item);
        return item;
    };
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const int row = static_cast<int>(i);
        const sizing::Point &p = s.points[i];
        cell(row, Concurrency, concurrencyLabel(p.concurrency), p.concurrency);
        QTableWidgetItem *p95 = cell(row, P95, num(p.p95, 2), p.p95);
        if (p.p95 > budget()) p95->setForeground(theme::bad());
        cell(row, Items, p.items.empty() ? QStringLiteral("-") : QString::number(p.items.size()),
             static_cast<double>(p.items.size()));
        const int over = m_result.itemsOverBudget[i];
        cell(row, OverBudget, over < 0 ? QStringLiteral("-") : QString::number(over), over);
        const auto &sp = m_result.singlePoint[i];
        cell(row, SinglePoint, sp ? num(*sp, 1) : QStringLiteral("-"), sp.value_or(-1));
        const auto &nat = i < s.natSinglePoint.size() ? s.natSinglePoint[i] : std::nullopt;
        cell(row, NatSinglePoint, nat ? num(*nat, 1) : QStringLiteral("-"), nat.value_or(-1));
        QStringList notes;
        if (m_result.outlier[i]) notes << tr("outlier: left out of the fit");
        if (p.interrupted) notes << tr("interrupted: not fitted");
        if (sp == std::nullopt && !p.interrupted && p.p95 > budget())
            notes << tr("over the budget: no single-point estimate");
        if (i < s.runOfPoint.size() && s.runOfPoint[i] && s.fromNat)
            notes << tr("its eval is run %1").arg(s.runOfPoint[i]);
        else if (i < s.runOfPoint.size() && s.runOfPoint[i])
            notes << (i < s.concurrencyFromNat.size() && s.concurrencyFromNat[i]
                          ? tr("run %1, at the concurrency NAT ran it at").arg(s.runOfPoint[i])
                          : tr("run %1, concurrency measured from its requests in flight")
                                .arg(s.runOfPoint[i]));
        cell(row, Note, notes.join(QStringLiteral("; ")), 0);
    }
    m_table->resizeColumnsToContents();
}

void SizingPane::fillOutputs() {
    const SizingSource &s = source();
    if (s.points.empty()) {
        m_outputs->setText(QString());
        return;
    }
    const QString gpusText = QString::number(testGpus());
    QString html = QStringLiteral("<p style='font-size:large'>");
    if (m_result.concurrencyAtBudget)
        html += tr("Within %1 s on %2 GPUs: <b>%3</b> concurrent users by the fit")
                    .arg(num(budget(), 2), gpusText, num(*m_result.concurrencyAtBudget, 1));
    else if (m_result.fit.accepted && m_result.fit.slope <= 0)
        html += tr("The fitted time does not rise with concurrency (slope %1 s): these points show "
                   "no load effect, so the line gives no limit")
                    .arg(num(m_result.fit.slope, 3));
    else if (m_result.fit.accepted)
        html += tr("The fitted line starts at %1 s, over the %2 s budget: no concurrency is within "
                   "it")
                    .arg(num(m_result.fit.intercept, 2), num(budget(), 2));
    else
        html +=
            tr("Within %1 s on %2 GPUs: no fit to read it from").arg(num(budget(), 2), gpusText);
    if (m_result.maxTestedWithinBudget)
        html += tr(" (%1 tested within it)").arg(concurrencyLabel(*m_result.maxTestedWithinBudget));
    html += QStringLiteral("</p><p style='font-size:large'>");
    html += tr("GPUs for %1 users: <b>%2</b> by the slope method")
                .arg(QString::number(users()),
                     m_result.gpus ? num(*m_result.gpus, 1) : QStringLiteral("-"));
    html += QStringLiteral("</p>");
    // The single-point estimate of the highest concurrency within the budget: NAT's rough
    // baseline to weigh the slope against.
    for (std::size_t i = s.points.size(); i-- > 0;)
        if (m_result.singlePoint[i]) {
            html += tr("<p>Single-point estimate from concurrency %1: %2 GPUs</p>")
                        .arg(concurrencyLabel(s.points[i].concurrency),
                             num(*m_result.singlePoint[i], 1));
            break;
        }
    if (!m_result.fit.accepted)
        html += tr("<p style='color:#c62828'>No fit: %1. NAT gives no slope estimate "
                   "then.</p>")
                    .arg(QString::fromStdString(m_result.fit.rejected));
    if (s.fromNat) {
        const auto agrees = agreesWithNat();
        if (agrees)
            html += *agrees ? tr("<p style='color:#2e7d32'>NAT's own estimate for these inputs: "
                                 "%1 GPUs, and its per-concurrency estimates: the same.</p>")
                                  .arg(s.natGpus ? num(*s.natGpus, 1) : QStringLiteral("-"))
                            : tr("<p style='color:#c62828'>NAT's own estimate for these inputs "
                                 "(%1 GPUs) differs.</p>")
                                  .arg(s.natGpus ? num(*s.natGpus, 1) : QStringLiteral("-"));
        else if (s.natImpliedBudget)
            html += tr("<p style='color:#616161'>NAT estimated %1 GPUs for %2 users on %3 GPUs "
                       "with a %4 s budget.</p>")
                        .arg(s.natGpus ? num(*s.natGpus, 1) : QStringLiteral("-"))
                        .arg(defaultSizingUsers)
                        .arg(defaultSizingGpus)
                        .arg(num(*s.natImpliedBudget, 2));
        else
            html += tr("<p style='color:#616161'>NAT estimated nothing for this metric (it had "
                       "no target for it).</p>");
    }
    m_outputs->setText(theme::html(html));
}

} // namespace spanscope

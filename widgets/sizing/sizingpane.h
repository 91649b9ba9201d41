#pragma once

#include "analysis/sizingfit.h"
#include "store/sizingsource.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace spanscope {

// What the sizing view is given: both metrics' points of one source (a NAT calculator run, or
// trace runs each measured at its own concurrency).
struct SizingData {
    QString title;
    SizingSource runtime, llm;
};

// Load-test sizing (NAT's `nat sizing calc`, recomputed): p95 time against concurrency with every
// item's time behind it, the fitted line and its R², the points NAT's rule leaves out marked, the
// budget; inputs (metric, target users, budget, GPUs in the test) recompute everything at once:
// the concurrency within the budget and the GPUs the target needs by the slope and the
// single-point methods, beside NAT's own estimate where NAT computed one for the same inputs.
class SizingPane : public QWidget {
    Q_OBJECT
public:
    explicit SizingPane(QWidget *parent = nullptr);

    void setData(const SizingData &data); // empty points: "select a sizing run"
    void clear();

    void setMetric(SizingMetric metric);
    void setInputs(double users, double budget, double testGpus);
    SizingMetric metric() const { return m_metric; }
    const SizingSource &source() const;
    const sizing::Result &result() const { return m_result; }
    double users() const;
    double budget() const;
    double testGpus() const;
    // NAT's figures for exactly these inputs: nullopt when NAT estimated for other inputs.
    std::optional<bool> agreesWithNat() const;

    QCustomPlot *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }
    QLabel *outputs() const { return m_outputs; }
    QComboBox *metricBox() const { return m_metricBox; }
    QDoubleSpinBox *usersBox() const { return m_users; }
    QDoubleSpinBox *budgetBox() const { return m_budget; }
    QSpinBox *gpusBox() const { return m_gpus; }

private:
    void recompute();
    void fillChart();
    void fillTable();
    void fillOutputs();
    void resetBudget();

    SizingData m_data;
    SizingMetric m_metric = SizingMetric::Runtime;
    sizing::Result m_result;
    bool m_filling = false;
    QLabel *m_title;
    QComboBox *m_metricBox;
    QDoubleSpinBox *m_users;
    QDoubleSpinBox *m_budget;
    QSpinBox *m_gpus;
    QCustomPlot *m_chart;
    QLabel *m_outputs;
    QTableWidget *m_table;
};

} // namespace spanscope

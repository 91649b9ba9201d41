#pragma once

#include <QWidget>
#include <memory>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace spanscope {

struct StoredComparison;

// A comparison at a glance: per evaluator mean A, mean B, the paired difference with its 95%
// bootstrap interval, the Wilcoxon p-value and the items better / worse / the same (significant
// changes coloured); the request latency of both runs overlaid as histograms and ECDFs with their
// p50 and p95.
class CompareSummary : public QWidget {
    Q_OBJECT
public:
    explicit CompareSummary(QWidget *parent = nullptr);

    void setComparison(std::shared_ptr<const StoredComparison> comparison, double alpha);

    QTableWidget *qualityTable() const { return m_quality; }
    QCustomPlot *histogram() const { return m_histogram; }
    QCustomPlot *ecdf() const { return m_ecdf; }
    QLabel *headline() const { return m_headline; }

private:
    void fillQuality(double alpha);
    void fillLatency();

    std::shared_ptr<const StoredComparison> m_c;
    QLabel *m_headline;
    QTableWidget *m_quality;
    QCustomPlot *m_histogram;
    QCustomPlot *m_ecdf;
};

} // namespace spanscope

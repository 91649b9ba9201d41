#pragma once

#include "store/evalqueries.h"
#include "store/runinfo.h"

#include <QString>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QCPBars;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QVBoxLayout;

namespace spanscope {

template <typename T> class LatestResult;
struct RunOverviewData;

// One run for reading: what `spanscope-cli summary` prints (requests, latency, LLM calls,
// tokens, models, evaluators, forecasts, sizing points), and its eval items: a sortable,
// filterable table (id, question, generated answer, every evaluator's score, latency, tokens,
// errors; each evaluator's lowest scores in red), a score histogram per evaluator whose bars
// filter the table, and the selected item's reference and generated answers with every
// evaluator's reasoning. Activating an item opens its request.
class OverviewPane : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPane(const QString &workspacePath, QWidget *parent = nullptr);
    ~OverviewPane() override;

    void setRun(std::optional<RunInfo> run); // loads on a worker; nullopt clears

    QLabel *summary() const { return m_summary; }
    QTableWidget *items() const { return m_items; }
    QTextBrowser *detail() const { return m_detail; }
    QLineEdit *filter() const { return m_filter; }
    // The histogram of an evaluator; null when the run has no such evaluator.
    QCustomPlot *histogram(const QString &evaluator) const;
    // Lists only the items in a bar (0-based) of an evaluator's histogram, as a click on it does;
    // clearScoreFilter lists them all again.
    void filterScoreBin(const QString &evaluator, int bin);
    void clearScoreFilter();
    int visibleItems() const;

signals:
    void loaded();
    void requestActivated(std::int64_t traceId);

private:
    void present(const std::shared_ptr<const RunOverviewData> &overview);
    void fillSummary();
    void fillItems();
    void fillHistograms();
    void applyFilters();
    void showItem(int index);

    std::unique_ptr<LatestResult<std::shared_ptr<const RunOverviewData>>> m_job;
    std::shared_ptr<const RunOverviewData> m_data;
    std::vector<QString> m_evaluators;
    struct ScoreFilter {
        QString evaluator;
        int bin = 0;
    };
    std::optional<ScoreFilter> m_scoreFilter;
    std::map<QString, QCustomPlot *> m_histograms;
    std::map<QString, std::pair<double, double>> m_bins; // evaluator -> first bar's start, width
    QLabel *m_summary;
    QLineEdit *m_filter;
    QPushButton *m_clearFilter;
    QLabel *m_count;
    QTableWidget *m_items;
    QWidget *m_histogramBox;
    QVBoxLayout *m_histogramLayout;
    QTextBrowser *m_detail;
};

} // namespace spanscope

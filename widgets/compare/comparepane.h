#pragma once

#include "store/runinfo.h"

#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTabWidget;

namespace spanscope {

class CompareConfig;
class CompareItems;
class ComparePaths;
class WaterfallPair;
class CompareSummary;
template <typename T> class LatestResult;
struct RequestSpan;
struct StoredComparison;

// Run A (baseline) against run B (candidate): pick the two runs, and read the quality change per
// evaluator, the latency of both, the items by change with both answers side by side, and the
// call paths that got slower in a table and a differential flame graph. The comparison is
// computed on a worker; only the newest pick is shown.
class ComparePane : public QWidget {
    Q_OBJECT
public:
    explicit ComparePane(const QString &workspacePath, QWidget *parent = nullptr);
    ~ComparePane() override;

    void setRuns(const std::vector<RunInfo> &runs); // the runs to pick from (keeps the picks)
    void compare(std::int64_t runA, std::int64_t runB);
    double alpha() const;
    std::shared_ptr<const StoredComparison> comparison() const { return m_c; }
    bool busy() const;

    CompareSummary *summary() const { return m_summary; }
    CompareItems *items() const { return m_items; }
    ComparePaths *paths() const { return m_paths; }
    WaterfallPair *waterfalls() const { return m_waterfalls; }
    CompareConfig *config() const { return m_config; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *runABox() const { return m_runA; }
    QComboBox *runBBox() const { return m_runB; }
    QDoubleSpinBox *alphaBox() const { return m_alpha; }

signals:
    void comparisonReady();
    void waterfallsReady(); // the selected item's two requests are drawn
    void requestActivated(std::int64_t runId, std::int64_t traceId);

private:
    void start();
    void present(std::shared_ptr<const StoredComparison> c);
    void loadWaterfalls(int pair);

    std::unique_ptr<LatestResult<std::shared_ptr<const StoredComparison>>> m_job;
    using SpanPair = std::pair<std::vector<RequestSpan>, std::vector<RequestSpan>>;
    std::unique_ptr<LatestResult<std::shared_ptr<const SpanPair>>> m_spanJob;
    std::shared_ptr<const StoredComparison> m_c;
    QComboBox *m_runA;
    QComboBox *m_runB;
    QDoubleSpinBox *m_alpha;
    QLabel *m_status;
    QTabWidget *m_tabs;
    CompareSummary *m_summary;
    CompareItems *m_items;
    CompareConfig *m_config;
    ComparePaths *m_paths;
    WaterfallPair *m_waterfalls;
};

} // namespace spanscope

#pragma once

#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace spanscope {

class LeaderboardModel;
template <typename T> class LatestResult;
struct LeaderboardRow;

// All runs at a glance: one row per run with every evaluator's mean, request latency p50/p95,
// LLM calls and tokens, sortable, the best value of each column marked. Two selected rows
// compare (the earlier-imported one is A, the baseline); several selected trace runs size a
// deployment, each measured at its own concurrency; a double-click opens a run.
class LeaderboardPane : public QWidget {
    Q_OBJECT
public:
    explicit LeaderboardPane(const QString &workspacePath, QWidget *parent = nullptr);
    ~LeaderboardPane() override;

    void reload();                                  // reads the runs' figures on a worker
    std::vector<std::int64_t> selectedRuns() const; // in id order
    void selectRuns(const std::vector<std::int64_t> &runIds);

    LeaderboardModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *sizingButton() const { return m_sizing; }

signals:
    void loaded();
    void compareRequested(std::int64_t runA, std::int64_t runB);
    void sizingRequested(const std::vector<std::int64_t> &runIds);
    void runActivated(std::int64_t runId);

private:
    void updateButtons();

    std::unique_ptr<LatestResult<std::vector<LeaderboardRow>>> m_job;
    LeaderboardModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPushButton *m_compare;
    QPushButton *m_sizing;
    QLabel *m_hint;
};

} // namespace spanscope

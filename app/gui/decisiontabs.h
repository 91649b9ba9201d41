#pragma once

#include "store/runinfo.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

class QTabWidget;

namespace spanscope {

class ComparePane;
class LeaderboardPane;
class OverviewPane;
class SizingPane;
class Workspace;
struct SizingData;
template <typename T> class LatestResult;

// The tabs for the two decisions (issue 10): a run's Overview (summary and eval items), the
// Leaderboard of all runs, Compare (A against B) and Sizing. Owns their wiring: the selected run
// fills the Overview (and Sizing, for a calculator run), imports refresh the run lists, the
// leaderboard's buttons open Compare or Sizing.
class DecisionTabs : public QObject {
    Q_OBJECT
public:
    DecisionTabs(Workspace &workspace, QTabWidget *centre, QObject *parent = nullptr);
    ~DecisionTabs() override;

    void runSelected(std::int64_t runId); // 0: none
    void runsChanged();                   // after an import, rename or removal
    void compare(std::int64_t runA, std::int64_t runB);
    // Sizes from a calculator run or from trace runs; `showTab` brings the Sizing tab forward.
    void size(const std::vector<std::int64_t> &runIds, bool showTab = true);

    OverviewPane *overview() const { return m_overview; }
    LeaderboardPane *leaderboard() const { return m_leaderboard; }
    ComparePane *comparePane() const { return m_compare; }
    SizingPane *sizing() const { return m_sizing; }

signals:
    // Open this request of this run (workspace ids) in the timeline.
    void requestWanted(std::int64_t runId, std::int64_t traceId);
    void sizingReady();

private:
    Workspace &m_ws;
    QTabWidget *m_centre;
    OverviewPane *m_overview;
    LeaderboardPane *m_leaderboard;
    ComparePane *m_compare;
    SizingPane *m_sizing;
    std::unique_ptr<LatestResult<std::shared_ptr<const SizingData>>> m_sizingJob;
    std::int64_t m_run = 0;
};

} // namespace spanscope

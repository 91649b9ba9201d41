#include "decisiontabs.h"

#include "compare/comparepane.h"
#include "compare/leaderboardpane.h"
#include "overview/overviewpane.h"
#include "sizing/sizingpane.h"
#include "store/workspace.h"
#include "workspace/latestresult.h"

#include <QTabWidget>

namespace spanscope {

DecisionTabs::DecisionTabs(Workspace &workspace, QTabWidget *centre, QObject *parent)
    : QObject(parent), m_ws(workspace), m_centre(centre),
      m_sizingJob(std::make_unique<LatestResult<std::shared_ptr<const SizingData>>>(
          this, workspace.path())) {
    m_overview = new OverviewPane(workspace.path());
    m_leaderboard = new LeaderboardPane(workspace.path());
    m_compare = new ComparePane(workspace.path());
    m_sizing = new SizingPane;
    // The run's overview reads first; the decisions follow the analysis views.
    m_centre->insertTab(0, m_overview, tr("Overview"));
    m_centre->addTab(m_leaderboard, tr("Leaderboard"));
    m_centre->addTab(m_compare, tr("Compare"));
    m_centre->addTab(m_sizing, tr("Sizing"));

    connect(m_overview, &OverviewPane::requestActivated, this,
            [this](std::int64_t traceId) { emit requestWanted(m_run, traceId); });
    connect(m_compare, &ComparePane::requestActivated, this, &DecisionTabs::requestWanted);
    connect(m_leaderboard, &LeaderboardPane::compareRequested, this, &DecisionTabs::compare);
    connect(m_leaderboard, &LeaderboardPane::sizingRequested, this,
            [this](const std::vector<std::int64_t> &runs) { size(runs); });
    runsChanged();
}

DecisionTabs::~DecisionTabs() = default;

void DecisionTabs::runSelected(std::int64_t runId) {
    m_run = runId;
    const auto run = runId ? m_ws.run(runId) : std::nullopt;
    m_overview->setRun(run);
    // A calculator run has no spans: its view is the sizing.
    if (run && run->kind == "nat-sizing") size({runId}, true);
}

void DecisionTabs::runsChanged() {
    const std::vector<RunInfo> runs = m_ws.runs();
    m_compare->setRuns(runs);
    m_leaderboard->reload();
}

void DecisionTabs::compare(std::int64_t runA, std::int64_t runB) {
    m_compare->compare(runA, runB);
    m_centre->setCurrentWidget(m_compare);
}

void DecisionTabs::size(const std::vector<std::int64_t> &runIds, bool showTab) {
    if (runIds.empty()) return;
    m_sizingJob->run(
        [runIds](const Workspace &ws) {
            auto d = std::make_shared<SizingData>();
            const auto first = ws.run(runIds.front());
            if (runIds.size() == 1 && first && first->kind == "nat-sizing") {
                const StoredSizing stored = EvalQueries(ws).sizing(first->id);
                d->runtime = sizingFromCalc(stored, SizingMetric::Runtime);
                d->llm = sizingFromCalc(stored, SizingMetric::LlmLatency);
                linkCalcEvalRuns(ws, *first, d->runtime);
                linkCalcEvalRuns(ws, *first, d->llm);
                d->title = QObject::tr("NAT sizing calculator: run %1, %2")
                               .arg(first->id)
                               .arg(QString::fromStdString(first->label));
            } else {
                d->runtime = sizingFromRuns(ws, runIds, SizingMetric::Runtime);
                d->llm = sizingFromRuns(ws, runIds, SizingMetric::LlmLatency);
                d->title = QObject::tr("%n run(s), each at the concurrency NAT's configuration "
                                       "gives, else the one its traces show (p95 of requests in "
                                       "flight)",
                                       nullptr, static_cast<int>(runIds.size()));
            }
            return std::shared_ptr<const SizingData>(d);
        },
        [this](const std::shared_ptr<const SizingData> &d) {
            m_sizing->setData(*d);
            emit sizingReady();
        },
        {});
    if (showTab) m_centre->setCurrentWidget(m_sizing);
}

} // namespace spanscope

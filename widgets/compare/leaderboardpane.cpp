#include "leaderboardpane.h"

#include "charts/exportmenu.h"
#include "common/theme.h"
#include "item/leaderboardmodel.h"
#include "workspace/latestresult.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace spanscope {

namespace {

// Draws the model's best values: bold on a green tint.
class BestProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override {
        if ((role == Qt::FontRole || role == Qt::BackgroundRole) &&
            index.data(LeaderboardModel::BestRole).toBool()) {
            if (role == Qt::BackgroundRole) return theme::withAlpha(theme::good(), 70);
            QFont f;
            f.setBold(true);
            return f;
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

LeaderboardPane::LeaderboardPane(const QString &workspacePath, QWidget *parent)
    : QWidget(parent),
      m_job(std::make_unique<LatestResult<std::vector<LeaderboardRow>>>(this, workspacePath)) {
    m_model = new LeaderboardModel(this);
    m_proxy = new BestProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LeaderboardModel::SortRole);
    m_view = new QTableView;
    m_view->setAccessibleName(tr("Leaderboard"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Best value of each column in bold green. Select two runs to compare "
                          "them, or several runs of traces to size from them"));
    exporting::addCsvMenu(m_view, QStringLiteral("leaderboard.csv"));
    m_compare = new QPushButton(tr("Compare the two selected"));
    m_sizing = new QPushButton(tr("Size from the selected runs"));
    m_hint = new QLabel;
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_compare);
    bar->addWidget(m_sizing);
    bar->addWidget(m_hint, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateButtons(); });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const auto runs = selectedRuns();
        if (runs.size() == 2) emit compareRequested(runs[0], runs[1]);
    });
    connect(m_sizing, &QPushButton::clicked, this, [this] {
        const auto runs = selectedRuns();
        if (!runs.empty()) emit sizingRequested(runs);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(LeaderboardModel::RunIdRole).toLongLong());
    });
    updateButtons();
}

LeaderboardPane::~LeaderboardPane() = default;

void LeaderboardPane::reload() {
    m_job->run([](const Workspace &ws) { return leaderboard(ws); },
               [this](const std::vector<LeaderboardRow> &rows) {
                   const auto selected = selectedRuns();
                   m_model->setRows(rows);
                   m_view->resizeColumnsToContents();
                   selectRuns(selected);
                   emit loaded();
               },
               {});
}

std::vector<std::int64_t> LeaderboardPane::selectedRuns() const {
    std::vector<std::int64_t> out;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        out.push_back(i.data(LeaderboardModel::RunIdRole).toLongLong());
    std::sort(out.begin(), out.end());
    return out;
}

void LeaderboardPane::selectRuns(const std::vector<std::int64_t> &runIds) {
    QItemSelection selection;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (std::find(runIds.begin(), runIds.end(),
                      i.data(LeaderboardModel::RunIdRole).toLongLong()) != runIds.end())
            selection.select(i, m_proxy->index(r, m_proxy->columnCount() - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateButtons();
}

void LeaderboardPane::updateButtons() {
    const auto runs = selectedRuns();
    bool anySizing = false, allTraces = !runs.empty();
    for (const LeaderboardRow &r : m_model->rows())
        if (std::find(runs.begin(), runs.end(), r.run.id) != runs.end()) {
            if (r.run.kind == "nat-sizing") anySizing = true;
            if (r.requests == 0) allTraces = false;
        }
    m_compare->setEnabled(runs.size() == 2 && !anySizing);
    // One calculator run alone, or trace runs (one point each).
    m_sizing->setEnabled((runs.size() == 1 && anySizing) || (allTraces && !anySizing));
    m_hint->setText(runs.size() == 2
                        ? tr("A = run %1 (baseline), B = run %2").arg(runs[0]).arg(runs[1])
                        : tr("%n run(s) selected", nullptr, static_cast<int>(runs.size())));
}

} // namespace spanscope

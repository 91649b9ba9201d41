#pragma once

#include "store/leaderboard.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace spanscope {

// The runs side by side: label, kind, date, requests, every evaluator's mean, request latency
// p50/p95, LLM calls, tokens in and out. BestRole is true on the best value of each column that
// has one (highest score, lowest latency, fewest calls and tokens) among the runs with a value;
// the view draws it (models/ has no fonts or colours).
class LeaderboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, BestRole, RunIdRole };

    explicit LeaderboardModel(QObject *parent = nullptr);

    void setRows(std::vector<LeaderboardRow> rows);
    const std::vector<LeaderboardRow> &rows() const { return m_rows; }
    const QStringList &evaluators() const { return m_evaluators; }
    // The column of an evaluator's mean, of the latency p95, ...: -1 when absent.
    int evaluatorColumn(const QString &evaluator) const;
    int p50Column() const { return fixedBefore + static_cast<int>(m_evaluators.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static constexpr int fixedBefore = 5; // id, label, kind, imported, requests
    static constexpr int fixedAfter = 5;  // p50, p95, LLM calls, tokens in, tokens out
    std::optional<double> value(const LeaderboardRow &row, int column) const;
    void findBest();

    std::vector<LeaderboardRow> m_rows;
    QStringList m_evaluators;
    std::vector<int> m_bestRow; // by column, -1 when none
};

} // namespace spanscope

#include "leaderboardmodel.h"

#include "localformat.h"

#include <QDateTime>
#include <QLocale>
#include <set>

namespace spanscope {

LeaderboardModel::LeaderboardModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeaderboardModel::setRows(std::vector<LeaderboardRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    std::set<std::string> names;
    for (const LeaderboardRow &r : m_rows)
        for (const auto &[name, mean] : r.evaluatorMeans)
            names.insert(name);
    m_evaluators.clear();
    for (const std::string &n : names)
        m_evaluators << QString::fromStdString(n);
    findBest();
    endResetModel();
}

int LeaderboardModel::evaluatorColumn(const QString &evaluator) const {
    const int i = static_cast<int>(m_evaluators.indexOf(evaluator));
    return i < 0 ? -1 : fixedBefore + i;
}

int LeaderboardModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LeaderboardModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : fixedBefore + static_cast<int>(m_evaluators.size()) + fixedAfter;
}

std::optional<double> LeaderboardModel::value(const LeaderboardRow &r, int column) const {
    const int evaluators = static_cast<int>(m_evaluators.size());
    if (column == 4) return static_cast<double>(r.requests);
    if (column >= fixedBefore && column < fixedBefore + evaluators) {
        const auto it = r.evaluatorMeans.find(m_evaluators[column - fixedBefore].toStdString());
        return it == r.evaluatorMeans.end() ? std::nullopt : std::optional<double>(it->second);
    }
    const bool traced = r.requests > 0;
    switch (column - fixedBefore - evaluators) {
    case 0:
        return r.p50;
    case 1:
        return r.p95;
    case 2:
        return traced ? std::optional<double>(static_cast<double>(r.llmCalls)) : std::nullopt;
    case 3:
        return traced ? std::optional<double>(static_cast<double>(r.inputTokens)) : std::nullopt;
    case 4:
        return traced ? std::optional<double>(static_cast<double>(r.outputTokens)) : std::nullopt;
    default:
        return std::nullopt;
    }
}

void LeaderboardModel::findBest() {
    const int columns = columnCount();
    m_bestRow.assign(static_cast<std::size_t>(columns), -1);
    const int evaluators = static_cast<int>(m_evaluators.size());
    for (int c = fixedBefore; c < columns; ++c) {
        const bool higherIsBetter = c < fixedBefore + evaluators;
        int best = -1, withValue = 0;
        std::optional<double> bestValue;
        for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
            const auto v = value(m_rows[static_cast<std::size_t>(r)], c);
            if (!v) continue;
            ++withValue;
            if (!bestValue || (higherIsBetter ? *v > *bestValue : *v < *bestValue)) {
                bestValue = v;
                best = r;
            }
        }
        // A best needs a contest: two runs with the value at least.
        if (withValue >= 2) m_bestRow[static_cast<std::size_t>(c)] = best;
    }
}

QVariant LeaderboardModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid()) return {};
    const LeaderboardRow &r = m_rows[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    if (role == RunIdRole) return QVariant::fromValue<qlonglong>(r.run.id);
    const bool best = c < static_cast<int>(m_bestRow.size()) &&
                      m_bestRow[static_cast<std::size_t>(c)] == index.row();
    if (role == BestRole) return best;
    if (role == Qt::TextAlignmentRole && c >= 4)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole) return {};
    switch (c) {
    case 0:
        return QVariant::fromValue<qlonglong>(r.run.id);
    case 1:
        return QString::fromStdString(r.run.label);
    case 2:
        return QString::fromStdString(r.run.kind);
    case 3:
        return role == SortRole ? QVariant::fromValue<qlonglong>(r.run.importedAtMs)
                                : QVariant(local::dateTime(r.run.importedAtMs));
    default:
        break;
    }
    const auto v = value(r, c);
    if (role == SortRole) return v ? QVariant(*v) : QVariant(-1e300);
    if (!v) return QStringLiteral("-");
    const int evaluators = static_cast<int>(m_evaluators.size());
    if (c >= fixedBefore && c < fixedBefore + evaluators) return local::fixed(*v, 3);
    if (c == p50Column() || c == p50Column() + 1) return local::fixed(*v, 2);
    return QLocale().toString(static_cast<qlonglong>(*v));
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    const int evaluators = static_cast<int>(m_evaluators.size());
    if (section < fixedBefore)
        return QStringList{tr("Id"), tr("Run"), tr("Kind"), tr("Imported"),
                           tr("Requests")}[section];
    if (section < fixedBefore + evaluators) return m_evaluators[section - fixedBefore];
    return QStringList{tr("p50 (s)"), tr("p95 (s)"), tr("LLM calls"), tr("Tokens in"),
                       tr("Tokens out")}[section - fixedBefore - evaluators];
}

} // namespace spanscope

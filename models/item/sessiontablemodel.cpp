#include "sessiontablemodel.h"

#include "analysis/timelinespans.h"
#include "localformat.h"

namespace spanscope {

SessionTableModel::SessionTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SessionTableModel::setSessions(std::vector<SessionStats> sessions, std::int64_t runStartNs) {
    beginResetModel();
    m_rows = std::move(sessions);
    m_runStartNs = runStartNs;
    endResetModel();
}

const SessionStats *SessionTableModel::session(int row) const {
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size()
               ? &m_rows[static_cast<std::size_t>(row)]
               : nullptr;
}

int SessionTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const {
    const SessionStats *s = index.isValid() ? session(index.row()) : nullptr;
    if (!s) return {};
    const auto d = [](std::int64_t ns) { return local::duration(ns); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Session:
            return QString::fromStdString(s->session);
        case Requests:
            return QStringLiteral("%L1").arg(s->requests);
        case FirstStart:
            return QStringLiteral("+") + d(s->firstStartNs - m_runStartNs);
        case Span:
            return d(s->lastEndNs - s->firstStartNs);
        case SummedLatency:
            return d(s->summedLatencyNs);
        case Slowest:
            return d(s->maxLatencyNs);
        case Tokens:
            return QStringLiteral("%L1").arg(s->tokens);
        case Errors:
            return QStringLiteral("%L1").arg(s->errors);
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Session:
            return QString::fromStdString(s->session);
        case Requests:
            return static_cast<qlonglong>(s->requests);
        case FirstStart:
            return static_cast<qlonglong>(s->firstStartNs);
        case Span:
            return static_cast<qlonglong>(s->lastEndNs - s->firstStartNs);
        case SummedLatency:
            return static_cast<qlonglong>(s->summedLatencyNs);
        case Slowest:
            return static_cast<qlonglong>(s->maxLatencyNs);
        case Tokens:
            return static_cast<qlonglong>(s->tokens);
        case Errors:
            return static_cast<qlonglong>(s->errors);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Session)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == OutlierRole) return s->outlier;
    if (role == Qt::ToolTipRole && index.column() == Session && s->outlier)
        return tr("Summed latency above Q3 + 1.5 IQR of the sessions");
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Session:
        return tr("Session");
    case Requests:
        return tr("Requests");
    case FirstStart:
        return tr("First start");
    case Span:
        return tr("Span");
    case SummedLatency:
        return tr("Summed latency");
    case Slowest:
        return tr("Slowest");
    case Tokens:
        return tr("Tokens");
    case Errors:
        return tr("Errors");
    default:
        return {};
    }
}

} // namespace spanscope

#include "tracefiltermodel.h"

#include "tracetablemodel.h"

#include <algorithm>

namespace spanscope {

TraceFilterModel::TraceFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(TraceTableModel::SortRole);
}

void TraceFilterModel::setText(const QString &text, std::vector<std::int64_t> spanMatched) {
    m_text = text.trimmed();
    m_spanMatched = std::move(spanMatched);
    invalidateFilter();
}

void TraceFilterModel::setMinimumDurationNs(qint64 ns) {
    m_minDurationNs = ns;
    invalidateFilter();
}

bool TraceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *m = sourceModel();
    if (!m) return true;
    if (m_minDurationNs > 0) {
        const QModelIndex d = m->index(sourceRow, TraceTableModel::Duration, sourceParent);
        if (m->data(d, TraceTableModel::SortRole).toLongLong() < m_minDurationNs) return false;
    }
    if (m_text.isEmpty()) return true;
    const QModelIndex any = m->index(sourceRow, 0, sourceParent);
    if (m->data(any, TraceTableModel::FilterRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    const qint64 id = m->data(any, TraceTableModel::TraceIdRole).toLongLong();
    return std::binary_search(m_spanMatched.begin(), m_spanMatched.end(), id);
}

} // namespace spanscope

#include "tracefiltermodel.h"

#include "tracetablemodel.h"

namespace spanscope {

TraceFilterModel::TraceFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(TraceTableModel::SortRole);
}

void TraceFilterModel::setText(const QString &text) {
    m_text = text.trimmed();
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
    return m->data(any, TraceTableModel::FilterRole)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

} // namespace spanscope

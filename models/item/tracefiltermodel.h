#pragma once

#include <QSortFilterProxyModel>
#include <cstdint>
#include <vector>

namespace spanscope {

// Sorts a TraceTableModel by its raw numbers and filters it by text and by a minimum duration.
// The text matches a request's own fields (name, session, trace or item key, case-insensitive)
// or anything its spans carry: the traces whose spans match are found by the caller on a
// worker (RunQueries::tracesWithSpansMatching) and given with the text.
class TraceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TraceFilterModel(QObject *parent = nullptr);
    void setText(const QString &text, std::vector<std::int64_t> spanMatchedTraceIds = {});
    void setMinimumDurationNs(qint64 ns);
    QString text() const { return m_text; }
    bool filtering() const { return !m_text.isEmpty() || m_minDurationNs > 0; }
    // Whether a row of the source (a request index) passes the filter.
    bool accepts(int sourceRow) const { return filterAcceptsRow(sourceRow, {}); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::vector<std::int64_t> m_spanMatched; // trace row ids, ascending
    qint64 m_minDurationNs = 0;
};

} // namespace spanscope

#pragma once

#include "analysis/requeststats.h"

#include <QAbstractTableModel>
#include <vector>

namespace spanscope {

// A run's user sessions as a table (the slow-request view): requests, first start (relative to
// the run), span of time, summed and slowest latency, tokens, errors. Display text is
// formatted; SortRole gives the raw numbers; OutlierRole tells the sessions whose summed
// latency is an outlier (a view draws them apart).
class SessionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Session,
        Requests,
        FirstStart,
        Span,
        SummedLatency,
        Slowest,
        Tokens,
        Errors,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, OutlierRole };

    explicit SessionTableModel(QObject *parent = nullptr);

    void setSessions(std::vector<SessionStats> sessions, std::int64_t runStartNs);
    const SessionStats *session(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<SessionStats> m_rows;
    std::int64_t m_runStartNs = 0;
};

} // namespace spanscope

#pragma once

#include "store/tracerow.h"

#include <QAbstractTableModel>
#include <vector>

namespace spanscope {

class Workspace;

// A run's requests (traces) as a table: its name, start relative to the run, duration, spans, LLM
// calls, tokens, errors, session, name. Display text is formatted; SortRole gives the raw numbers
// so a QSortFilterProxyModel sorts durations as numbers, not strings.
class TraceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Request, // requestName(): the name the timeline and the inspector use too
        Start,
        Duration,
        Spans,
        LlmCalls,
        InputTokens,
        OutputTokens,
        Errors,
        Session,
        Name,
        ColumnCount
    };
    enum Role { TraceIdRole = Qt::UserRole + 1, SortRole, FilterRole };

    explicit TraceTableModel(Workspace &workspace, QObject *parent = nullptr);

    void setRun(std::int64_t runId); // 0 clears the table
    // Rows read elsewhere (a worker thread): a grown live run is updated in place and its new
    // rows inserted; anything else replaces the table.
    void setRows(std::int64_t runId, std::vector<TraceRow> rows);
    std::int64_t runId() const { return m_runId; }
    Workspace &workspace() const { return m_ws; }
    const TraceRow *row(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Workspace &m_ws;
    std::int64_t m_runId = 0;
    std::int64_t m_runStartNs = 0;
    std::vector<TraceRow> m_rows;
};

} // namespace spanscope

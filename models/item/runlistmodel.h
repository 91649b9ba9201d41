#pragma once

#include "store/runinfo.h"

#include <QAbstractTableModel>
#include <vector>

namespace spanscope {

class Workspace;

// The runs of a workspace as a table (label, kind, imported, requests, spans) for the runs
// dock. The label is editable (renames the run); removeRun deletes one. Call reload() after an
// import commits.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Kind, Imported, Requests, Spans, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole };

    explicit RunListModel(Workspace &workspace, QObject *parent = nullptr);

    void reload();
    // Reads one run again (a live run's counts grew) without resetting the model.
    void refreshRun(std::int64_t runId);
    bool removeRun(int row);
    std::int64_t runId(int row) const;
    // Label's SortRole: numbers compare by value ("run 2" before "run 16"), case folded.
    static QString naturalSortKey(const QString &text);
    int rowOfRun(std::int64_t runId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // A rename or remove the workspace refused (locked, read-only, full): nothing changed.
    void writeFailed(const QString &message);

private:
    Workspace &m_ws;
    std::vector<RunInfo> m_runs;
};

} // namespace spanscope

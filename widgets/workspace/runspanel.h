#pragma once

#include <QWidget>
#include <cstdint>

class QSortFilterProxyModel;
class QTableView;

namespace spanscope {

class RunListModel;

// The workspace's runs as a table (label, kind, imported, requests, spans): select one to open
// it; F2 or double-click on the label renames; Delete or the context menu removes (asks first).
class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(RunListModel *model, QWidget *parent = nullptr);
    std::int64_t currentRun() const;
    void selectRun(std::int64_t runId);
    QTableView *table() const { return m_table; }
    // Off while an import writes: a rename or remove would wait for its transaction.
    void setEditable(bool editable);

signals:
    void runSelected(qint64 runId); // 0: none

private:
    void removeCurrent();

    // The model row behind a table index (the table shows it sorted).
    int sourceRow(const QModelIndex &index) const;

    RunListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QList<QAction *> m_writes;
};

} // namespace spanscope

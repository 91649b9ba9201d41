#include "runspanel.h"

#include "item/runlistmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace spanscope {

RunsPanel::RunsPanel(RunListModel *model, QWidget *parent) : QWidget(parent), m_model(model) {
    // Sortable by any column, names in natural order (issue 13, item 18); newest first until
    // the user picks a column.
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(RunListModel::SortRole);
    m_table = new QTableView;
    m_table->setAccessibleName(tr("Runs"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunListModel::Imported, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(RunListModel::Label,
                                                      QHeaderView::Interactive);
    m_table->setColumnWidth(RunListModel::Label, 180);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *rename = new QAction(tr("Rename"), m_table);
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetShortcut);
    connect(rename, &QAction::triggered, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (i.isValid()) m_table->edit(m_proxy->index(i.row(), RunListModel::Label));
    });
    auto *remove = new QAction(tr("Remove from workspace\u2026"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &RunsPanel::removeCurrent);
    m_writes = {rename, remove};
    m_table->addActions(m_writes);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit runSelected(current.isValid() ? m_model->runId(sourceRow(current)) : 0);
            });
    // A reload resets the model and with it the selection: say so.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { emit runSelected(0); });
}

void RunsPanel::setEditable(bool editable) {
    m_table->setEditTriggers(editable ? QAbstractItemView::EditKeyPressed |
                                            QAbstractItemView::DoubleClicked
                                      : QAbstractItemView::NoEditTriggers);
    for (QAction *a : m_writes)
        a->setEnabled(editable);
}

std::int64_t RunsPanel::currentRun() const {
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? m_model->runId(sourceRow(i)) : 0;
}

void RunsPanel::selectRun(std::int64_t runId) {
    const int row = m_model->rowOfRun(runId);
    if (row < 0) return;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, RunListModel::Label)));
}

void RunsPanel::removeCurrent() {
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid()) return;
    const int row = sourceRow(i);
    const QString label = m_model->data(m_model->index(row, RunListModel::Label)).toString();
    if (QMessageBox::question(this, tr("Remove run"),
                              tr("Remove the run \u201c%1\u201d and all its spans from the "
                                 "workspace? The files it was imported from are not touched.")
                                  .arg(label)) != QMessageBox::Yes)
        return;
    m_model->removeRun(row);
}

int RunsPanel::sourceRow(const QModelIndex &index) const {
    return m_proxy->mapToSource(index).row();
}

} // namespace spanscope

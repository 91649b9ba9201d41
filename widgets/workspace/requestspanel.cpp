#include "requestspanel.h"

#include "item/tracefiltermodel.h"
#include "item/tracetablemodel.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace spanscope {

RequestsPanel::RequestsPanel(TraceTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model) {
    m_filter = new TraceFilterModel(this);
    m_filter->setSourceModel(model);
    m_text = new QLineEdit;
    m_text->setPlaceholderText(tr("Filter by name, session, trace or item"));
    m_text->setClearButtonEnabled(true);
    m_minDuration = new QDoubleSpinBox;
    m_minDuration->setRange(0, 1e6);
    m_minDuration->setDecimals(1);
    m_minDuration->setSuffix(tr(" s"));
    m_minDuration->setPrefix(tr("\u2265 "));
    m_minDuration->setToolTip(tr("Only requests lasting at least this long: the slow outliers"));
    m_table = new QTableView;
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TraceTableModel::Start, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_minDuration);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addLayout(bar);
    box->addWidget(m_table, 1);
    connect(m_text, &QLineEdit::textChanged, m_filter, &TraceFilterModel::setText);
    connect(m_minDuration, &QDoubleSpinBox::valueChanged, this,
            [this](double s) { m_filter->setMinimumDurationNs(static_cast<qint64>(s * 1e9)); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        emit requestActivated(m_filter->mapToSource(i).row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) {
                if (i.isValid()) emit requestSelected(m_filter->mapToSource(i).row());
            });
}

void RequestsPanel::setFilterText(const QString &text) {
    m_text->setText(text);
}

void RequestsPanel::setMinimumDurationSeconds(double seconds) {
    m_minDuration->setValue(seconds);
}

void RequestsPanel::selectRequest(int requestIndex) {
    const QModelIndex i = m_filter->mapFromSource(m_model->index(requestIndex, 0));
    if (!i.isValid()) return;
    m_table->setCurrentIndex(i);
    m_table->scrollTo(i);
}

} // namespace spanscope

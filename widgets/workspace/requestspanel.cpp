#include "requestspanel.h"

#include "item/tracefiltermodel.h"
#include "item/tracetablemodel.h"
#include "latestresult.h"
#include "store/runqueries.h"
#include "store/workspace.h"

#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace spanscope {

RequestsPanel::RequestsPanel(TraceTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model) {
    m_filter = new TraceFilterModel(this);
    m_filter->setSourceModel(model);
    m_text = new QLineEdit;
    m_text->setAccessibleName(tr("Filter requests"));
    m_text->setPlaceholderText(tr("Filter: name, item, span, model\u2026"));
    m_text->setToolTip(tr("Requests whose name, session, trace or item id, or any of whose "
                          "spans' names, models or attributes contain the text"));
    m_count = new QLabel;
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    m_text->setClearButtonEnabled(true);
    m_minDuration = new QDoubleSpinBox;
    m_minDuration->setAccessibleName(tr("Minimum request duration"));
    m_minDuration->setRange(0, 1e6);
    m_minDuration->setDecimals(1);
    m_minDuration->setSuffix(tr(" s"));
    m_minDuration->setPrefix(tr("\u2265 "));
    m_minDuration->setToolTip(tr("Only requests lasting at least this long: the slow outliers"));
    m_table = new QTableView;
    m_table->setAccessibleName(tr("Requests"));
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
    bar->addWidget(m_count);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addLayout(bar);
    box->addWidget(m_table, 1);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (t.trimmed().isEmpty()) {
            m_typing->stop();
            applyText();
        } else {
            m_typing->start();
        }
    });
    connect(m_typing, &QTimer::timeout, this, &RequestsPanel::applyText);
    // Another run: its spans are not the ones matched before.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_filter->text().isEmpty()) applyText();
        filterChanged();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &RequestsPanel::filterChanged);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RequestsPanel::filterChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestsPanel::filterChanged);
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

RequestsPanel::~RequestsPanel() {
    for (QFuture<void> &f : m_pending)
        f.waitForFinished();
}

void RequestsPanel::applyText() {
    const QString text = m_text->text().trimmed();
    const std::uint64_t job = ++m_textJobs;
    if (text.isEmpty() || m_model->runId() == 0) {
        m_filter->setText(text);
        return filterChanged();
    }
    const QString path = m_model->workspace().path();
    const std::int64_t runId = m_model->runId();
    auto future = QtConcurrent::run([path, runId, needle = text.toStdString()] {
        try {
            const Workspace ws(path);
            return RunQueries(ws).tracesWithSpansMatching(runId, needle);
        } catch (const std::exception &) {
            return std::vector<std::int64_t>(); // the requests' own fields still filter
        }
    });
    m_pending.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_pending.push_back(QFuture<void>(future));
    ++m_running;
    filterChanged();
    auto *watcher = new QFutureWatcher<std::vector<std::int64_t>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, text, runId] {
        watcher->deleteLater();
        --m_running;
        if (job == m_textJobs && runId == m_model->runId())
            m_filter->setText(text, watcher->result());
        filterChanged();
    });
    watcher->setFuture(future);
}

void RequestsPanel::refreshRun() {
    const std::int64_t runId = m_model->runId();
    if (runId == 0 || refreshing()) return;
    if (!m_rows)
        m_rows = std::make_unique<LatestResult<std::vector<TraceRow>>>(this,
                                                                       m_model->workspace().path());
    m_rows->run([runId](const Workspace &ws) { return RunQueries(ws).traces(runId); },
                [this, runId](const std::vector<TraceRow> &rows) {
                    if (runId != m_model->runId()) return; // another run was chosen meanwhile
                    m_model->setRows(runId, rows);
                    // The new requests' spans have not been searched yet.
                    if (!m_text->text().trimmed().isEmpty()) applyText();
                },
                nullptr);
}

bool RequestsPanel::refreshing() const {
    return m_rows && m_rows->busy();
}

bool RequestsPanel::filtering() const {
    return m_running > 0;
}

QString RequestsPanel::countText() const {
    return m_count->text();
}

void RequestsPanel::filterChanged() {
    const int all = m_model->rowCount();
    const bool on = m_filter->filtering();
    if (m_running > 0)
        m_count->setText(tr("filtering\u2026"));
    else if (on)
        m_count->setText(tr("%L1 of %L2").arg(m_filter->rowCount()).arg(all));
    else
        m_count->setText(all == 1 ? tr("1 request") : tr("%L1 requests").arg(all));
    if (m_running > 0) return; // the timeline keeps what it shows until the matches are in
    std::vector<bool> shown;
    if (on) {
        shown.resize(static_cast<std::size_t>(all));
        for (int r = 0; r < all; ++r)
            shown[static_cast<std::size_t>(r)] = m_filter->accepts(r);
    }
    emit requestsFiltered(shown);
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

#include "sessionspane.h"

#include "charts/chartsupport.h"
#include "charts/exportmenu.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "item/sessiontablemodel.h"
#include "store/runanalysis.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <map>
#include <qcustomplot.h>

namespace spanscope {

namespace {

QString dur(double ns) {
    return local::duration(static_cast<std::int64_t>(ns));
}

constexpr int colourGroups = 12;

// The sessions sorted by number, outliers' names in red.
class SessionProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override {
        if (role == Qt::ForegroundRole && index.column() == SessionTableModel::Session &&
            index.data(SessionTableModel::OutlierRole).toBool())
            return theme::bad();
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

SessionsPane::SessionsPane(QWidget *parent) : QWidget(parent) {
    m_summary = new QLabel;
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_scatter = new QCustomPlot;
    m_histogram = new QCustomPlot;
    charts::style(m_scatter);
    charts::style(m_histogram);
    charts::addSaveMenu(m_scatter, QStringLiteral("request-latency.png"));
    charts::addSaveMenu(m_histogram, QStringLiteral("latency-histogram.png"));
    m_scatter->xAxis->setLabel(tr("request start (s from the run's start)"));
    m_scatter->yAxis->setLabel(tr("latency (s)"));
    m_scatter->setInteractions(QCP::iRangeZoom | QCP::iRangeDrag | QCP::iSelectPlottables |
                               QCP::iMultiSelect);
    m_scatter->setSelectionRectMode(QCP::srmSelect);
    m_scatter->setToolTip(tr("Click a point to open its request's waterfall with the critical "
                             "path; drag a box to list the requests in it; the wheel zooms"));
    m_histogram->xAxis->setLabel(tr("requests"));
    charts::integerTicks(m_histogram->xAxis);
    m_histogram->setMinimumWidth(160);

    m_sessionModel = new SessionTableModel(this);
    m_sessionProxy = new SessionProxy(this);
    m_sessionProxy->setSourceModel(m_sessionModel);
    m_sessionProxy->setSortRole(SessionTableModel::SortRole);
    m_sessions = new QTableView;
    m_sessions->setAccessibleName(tr("Sessions"));
    m_sessions->setModel(m_sessionProxy);
    m_sessions->setSortingEnabled(true);
    m_sessions->sortByColumn(SessionTableModel::SummedLatency, Qt::DescendingOrder);
    m_sessions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessions->verticalHeader()->setVisible(false);
    m_sessions->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_sessions->horizontalHeader()->setDefaultSectionSize(
        fontMetrics().horizontalAdvance(QStringLiteral("0000 min 00 s")));
    m_requests = new QTreeWidget;
    m_requests->setAccessibleName(tr("Slow requests"));
    m_requests->setRootIsDecorated(false);
    m_requests->setHeaderLabels(
        {tr("Request"), tr("Latency"), tr("Start"), tr("Session"), tr("Spans"), tr("Errors")});
    m_requests->setSortingEnabled(true);
    m_requests->setToolTip(tr("Double-click opens the request's waterfall with its critical path"));

    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_scatter);
    charts->addWidget(m_histogram);
    charts->setStretchFactor(0, 4);
    charts->setStretchFactor(1, 1);
    auto *tables = new QSplitter(Qt::Horizontal);
    tables->addWidget(m_sessions);
    tables->addWidget(m_requests);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(charts);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(4, 4, 4, 4);
    box->addWidget(m_summary);
    box->addWidget(split, 1);

    connect(m_scatter, &QCustomPlot::selectionChangedByUser, this, &SessionsPane::collectSelection);
    // The latency axes stay aligned while the scatter zooms.
    connect(m_scatter->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), m_histogram,
            [this](const QCPRange &r) {
                m_histogram->yAxis->setRange(r);
                m_histogram->replot(QCustomPlot::rpQueuedReplot);
            });
    // With the selection rectangle on, QCustomPlot sends no click signals: a press and release
    // in one place is a click, and the point nearest to it (within the plot's tolerance) opens.
    connect(m_scatter, &QCustomPlot::mousePress, this,
            [this](QMouseEvent *e) { m_pressedAt = e->position().toPoint(); });
    connect(m_scatter, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) {
        if (e->button() != Qt::LeftButton ||
            (e->position().toPoint() - m_pressedAt).manhattanLength() > 3)
            return;
        const std::int32_t t = traceAt(e->position());
        if (t >= 0) emit requestActivated(t);
    });
    connect(m_sessions->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_a) return;
        std::vector<std::int32_t> traces;
        for (const QModelIndex &row : m_sessions->selectionModel()->selectedRows()) {
            const SessionStats *s = m_sessionModel->session(m_sessionProxy->mapToSource(row).row());
            if (!s) continue;
            for (const RequestSample &r : m_a->requests)
                if (r.session == s->session) traces.push_back(r.trace);
        }
        listRequests(traces);
    });
    exporting::addCsvMenu(m_sessions, QStringLiteral("sessions.csv"));
    exporting::addCsvMenu(m_requests, QStringLiteral("requests.csv"));
    connect(m_requests, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit requestActivated(item->data(0, Qt::UserRole).toInt());
    });
    setAnalysis(nullptr);
}

void SessionsPane::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    m_a = std::move(analysis);
    fillScatter();
    fillHistogram();
    fillSessions();
    listRequests({});
}

std::int32_t SessionsPane::traceOfPoint(const QCPGraph *graph, int dataIndex) const {
    for (const auto &[g, traces] : m_pointTraces)
        if (g == graph && dataIndex >= 0 && static_cast<std::size_t>(dataIndex) < traces.size())
            return traces[static_cast<std::size_t>(dataIndex)];
    return -1;
}

std::int32_t SessionsPane::traceAt(QPointF pos) const {
    double best = m_scatter->selectionTolerance();
    std::int32_t trace = -1;
    for (const auto &[graph, traces] : m_pointTraces) {
        QVariant details;
        const double d = graph->selectTest(pos, false, &details);
        if (d < 0 || d > best) continue;
        const QCPDataSelection hit = details.value<QCPDataSelection>();
        if (hit.isEmpty()) continue;
        const std::int32_t t = traceOfPoint(graph, hit.dataRange().begin());
        if (t < 0) continue;
        best = d;
        trace = t;
    }
    return trace;
}

void SessionsPane::fillScatter() {
    m_scatter->clearGraphs();
    m_scatter->clearItems();
    m_pointTraces.clear();
    m_outliers = 0;
    if (!m_a || m_a->requests.empty()) {
        m_summary->setText(m_a ? tr("This run has no requests.") : QString());
        charts::replotWhenShown(m_scatter);
        return;
    }
    const auto &req = m_a->requests;
    const auto &order = m_a->requestsByStart; // sorted on the worker, with the spread
    const std::int64_t t0 = req[static_cast<std::size_t>(order.front())].startNs;
    const LatencySpread &spread = m_a->requestSpread;
    // A graph per colour: sessions hashed onto colourGroups colours; no session: one colour.
    const bool haveSessions = !m_a->sessions.empty();
    std::map<int, std::pair<QVector<double>, QVector<double>>> points;
    std::map<int, std::vector<std::int32_t>> traces;
    QVector<double> outX, outY;
    std::vector<std::int32_t> outTraces;
    for (const std::int32_t k : order) {
        const RequestSample &r = req[static_cast<std::size_t>(k)];
        const std::int32_t session = m_a->sessionOfRequest[static_cast<std::size_t>(k)];
        const int group = session >= 0 ? static_cast<int>(session % colourGroups) : -1;
        const double x = static_cast<double>(r.startNs - t0) / 1e9;
        const double y = static_cast<double>(r.latencyNs()) / 1e9;
        points[group].first << x;
        points[group].second << y;
        traces[group].push_back(r.trace);
        if (static_cast<double>(r.latencyNs()) > spread.fenceNs) {
            outX << x;
            outY << y;
            outTraces.push_back(r.trace);
            ++m_outliers;
        }
    }
    for (auto &[group, xy] : points) {
        QCPGraph *g = m_scatter->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = group < 0 ? charts::seriesColour(0) : charts::seriesColour(group);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 6));
        g->setSelectable(QCP::stMultipleDataRanges);
        g->selectionDecorator()->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssDisc, palette().color(QPalette::Text), QColor(0xf9, 0xa8, 0x25), 8));
        g->setData(xy.first, xy.second, true);
        g->removeFromLegend();
        m_pointTraces.push_back({g, traces[group]});
    }
    QCPGraph *out = m_scatter->addGraph();
    out->setName(tr("outliers"));
    out->setLineStyle(QCPGraph::lsNone);
    out->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(theme::bad(), 1.6), Qt::NoBrush, 12));
    out->setSelectable(QCP::stNone);
    out->setData(outX, outY, true);
    m_pointTraces.push_back({out, outTraces}); // a click on a ring opens its request too
    const auto line = [&](double ns, const QString &label, const QColor &colour) {
        auto *l = new QCPItemStraightLine(m_scatter);
        l->point1->setCoords(0, ns / 1e9);
        l->point2->setCoords(1, ns / 1e9);
        l->setPen(QPen(colour, 1.2, Qt::DashLine));
        auto *t = new QCPItemText(m_scatter);
        t->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        t->position->setTypeY(QCPItemPosition::ptPlotCoords);
        t->position->setCoords(0.995, ns / 1e9);
        t->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        t->setText(label.arg(dur(ns)));
        t->setColor(colour);
    };
    line(spread.medianNs, tr("median %1"), theme::good());
    line(spread.p95Ns, tr("p95 %1"), theme::warn());
    m_scatter->rescaleAxes();
    m_scatter->yAxis->setRangeLower(0);
    m_scatter->yAxis->scaleRange(1.08);
    m_scatter->yAxis->setRangeLower(0);
    m_scatter->xAxis->scaleRange(1.04);
    m_summary->setText(
        tr("%L1 requests%2 \u00b7 median %3 \u00b7 p95 %4 \u00b7 %L5 outliers above "
           "%6 (Q3 + 1.5 IQR, ringed)")
            .arg(req.size())
            .arg(haveSessions ? tr(" in %L1 sessions (a colour each)").arg(m_a->sessions.size())
                              : QString())
            .arg(dur(spread.medianNs), dur(spread.p95Ns))
            .arg(m_outliers)
            .arg(dur(spread.fenceNs)));
    charts::replotWhenShown(m_scatter);
}

void SessionsPane::fillHistogram() {
    m_histogram->clearPlottables();
    m_histogram->clearItems();
    if (!m_a || m_a->requests.empty()) return charts::replotWhenShown(m_histogram);
    std::vector<double> lat;
    for (const RequestSample &r : m_a->requests)
        lat.push_back(static_cast<double>(r.latencyNs()) / 1e9);
    const double hi = *std::max_element(lat.begin(), lat.end());
    // Linear bins on the scatter's latency axis, so the two read side by side.
    const int bins = std::clamp(static_cast<int>(std::sqrt(lat.size())) + 1, 5, 40);
    const double width = std::max(hi, 1e-9) / bins;
    QVector<double> keys, counts(bins, 0);
    for (int b = 0; b < bins; ++b)
        keys << (b + 0.5) * width;
    for (const double v : lat)
        counts[std::min(bins - 1, static_cast<int>(v / width))] += 1;
    auto *bars = new QCPBars(m_histogram->yAxis, m_histogram->xAxis);
    bars->setData(keys, counts);
    bars->setWidth(width * 0.92);
    bars->setPen(Qt::NoPen);
    bars->setBrush(charts::seriesColour(0));
    // The profiler's forecast of the workflow runtime: its mean and 95% interval as a band.
    if (const auto f = m_a->metric("forecast.workflow_runtime.mean"); f && f->value) {
        auto *band = new QCPItemRect(m_histogram);
        band->topLeft->setTypeX(QCPItemPosition::ptAxisRectRatio);
        band->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
        band->topLeft->setCoords(0, f->upper.value_or(*f->value));
        band->bottomRight->setCoords(1, f->lower.value_or(*f->value));
        band->setPen(Qt::NoPen);
        band->setBrush(theme::withAlpha(theme::accent(), 50));
        auto *t = new QCPItemText(m_histogram);
        t->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(0.98, *f->value);
        t->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setText(tr("forecast %1 s").arg(local::fixed(*f->value, 1)));
        t->setColor(theme::accent());
    }
    m_histogram->xAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1);
    m_histogram->yAxis->setRange(m_scatter->yAxis->range());
    charts::replotWhenShown(m_histogram);
}

void SessionsPane::fillSessions() {
    if (!m_a) {
        m_sessionModel->setSessions({}, 0);
        return;
    }
    std::int64_t t0 = 0;
    for (std::size_t k = 0; k < m_a->requests.size(); ++k)
        t0 = k == 0 ? m_a->requests[k].startNs : std::min(t0, m_a->requests[k].startNs);
    m_sessionModel->setSessions(m_a->sessions, t0);
    m_sessions->setVisible(!m_a->sessions.empty());
}

void SessionsPane::collectSelection() {
    std::vector<std::int32_t> traces;
    for (const auto &[g, list] : m_pointTraces)
        for (const QCPDataRange &r : g->selection().dataRanges())
            for (int i = r.begin(); i < r.end(); ++i)
                if (static_cast<std::size_t>(i) < list.size())
                    traces.push_back(list[static_cast<std::size_t>(i)]);
    listRequests(traces);
}

void SessionsPane::listRequests(const std::vector<std::int32_t> &traces) {
    m_listed = traces;
    m_requests->setSortingEnabled(false);
    m_requests->clear();
    if (!m_a) return;
    const std::int64_t t0 = m_a->spans && m_a->spans->size() ? timeRange(*m_a->spans).first : 0;
    QList<QTreeWidgetItem *> items;
    for (const std::int32_t t : traces) {
        if (t < 0 || static_cast<std::size_t>(t) >= m_a->rows.size()) continue;
        const TraceRow &row = m_a->rows[static_cast<std::size_t>(t)];
        auto *item = new QTreeWidgetItem(
            {row.itemKey.empty() ? tr("#%1").arg(t + 1) : QString::fromStdString(row.itemKey),
             dur(double(row.endNs - row.startNs)),
             QStringLiteral("+") + dur(double(row.startNs - t0)),
             QString::fromStdString(row.sessionKey), QString::number(row.spans),
             QString::number(row.errors)});
        item->setData(0, Qt::UserRole, t);
        item->setData(1, Qt::UserRole, double(row.endNs - row.startNs));
        items << item;
    }
    m_requests->addTopLevelItems(items);
    m_requests->setSortingEnabled(true);
    m_requests->sortByColumn(1, Qt::DescendingOrder);
    for (int c = 0; c < m_requests->columnCount(); ++c)
        m_requests->resizeColumnToContents(c);
}

} // namespace spanscope

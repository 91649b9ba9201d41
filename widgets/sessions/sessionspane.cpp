#include "sessionspane.h"

#include "charts/chartsupport.h"
#include "store/runanalysis.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <map>
#include <qcustomplot.h>

namespace spanscope {

namespace {

QString dur(double ns) {
    return QString::fromStdString(formatDuration(static_cast<std::int64_t>(ns)));
}

// A table cell that sorts by a number while showing formatted text.
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(const QString &text, double value) : QTableWidgetItem(text), m_value(value) {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override {
        const auto *n = dynamic_cast<const NumberItem *>(&other);
        return n ? m_value < n->m_value : QTableWidgetItem::operator<(other);
    }

private:
    double m_value;
};

constexpr int colourGroups = 12;

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
    m_scatter->setToolTip(tr("Drag to select requests, click a point to list it, double-click "
                             "to open its waterfall; wheel zooms (Ctrl+drag pans)"));
    m_histogram->xAxis->setLabel(tr("requests"));
    m_histogram->setMinimumWidth(160);

    m_sessions = new QTableWidget;
    m_sessions->setColumnCount(8);
    m_sessions->setHorizontalHeaderLabels({tr("Session"), tr("Requests"), tr("First start"),
                                           tr("Span"), tr("Summed latency"), tr("Slowest"),
                                           tr("Tokens"), tr("Errors")});
    m_sessions->setSortingEnabled(true);
    m_sessions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sessions->verticalHeader()->setVisible(false);
    m_requests = new QTreeWidget;
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
    connect(m_scatter, &QCustomPlot::plottableDoubleClick, this,
            [this](QCPAbstractPlottable *p, int index) {
                const std::int32_t t = traceOfPoint(qobject_cast<QCPGraph *>(p), index);
                if (t >= 0) emit requestActivated(t);
            });
    connect(m_sessions, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_a) return;
        std::vector<std::int32_t> traces;
        for (const QModelIndex &row : m_sessions->selectionModel()->selectedRows()) {
            const std::string key = m_sessions->item(row.row(), 0)->text().toStdString();
            for (const RequestSample &r : m_a->requests)
                if (r.session == key) traces.push_back(r.trace);
        }
        listRequests(traces);
    });
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

void SessionsPane::fillScatter() {
    m_scatter->clearGraphs();
    m_scatter->clearItems();
    m_pointTraces.clear();
    m_outliers = 0;
    if (!m_a || m_a->requests.empty()) {
        m_summary->setText(m_a ? tr("This run has no requests.") : QString());
        m_scatter->replot();
        return;
    }
    const auto &req = m_a->requests;
    std::int64_t t0 = req.front().startNs;
    std::vector<double> lat;
    for (const RequestSample &r : req) {
        t0 = std::min(t0, r.startNs);
        lat.push_back(static_cast<double>(r.latencyNs()));
    }
    const LatencySpread spread = latencySpread(lat);
    std::vector<std::int32_t> order(req.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = static_cast<std::int32_t>(k);
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return req[static_cast<std::size_t>(a)].startNs < req[static_cast<std::size_t>(b)].startNs;
    });
    // A graph per colour: sessions hashed onto colourGroups colours; no session: one colour.
    const bool haveSessions = !m_a->sessions.empty();
    std::map<int, std::pair<QVector<double>, QVector<double>>> points;
    std::map<int, std::vector<std::int32_t>> traces;
    QVector<double> outX, outY;
    for (const std::int32_t k : order) {
        const RequestSample &r = req[static_cast<std::size_t>(k)];
        const int group =
            haveSessions && !r.session.empty()
                ? static_cast<int>(qHash(QString::fromStdString(r.session)) % colourGroups)
                : -1;
        const double x = static_cast<double>(r.startNs - t0) / 1e9;
        const double y = static_cast<double>(r.latencyNs()) / 1e9;
        points[group].first << x;
        points[group].second << y;
        traces[group].push_back(r.trace);
        if (static_cast<double>(r.latencyNs()) > spread.fenceNs) {
            outX << x;
            outY << y;
            ++m_outliers;
        }
    }
    for (auto &[group, xy] : points) {
        QCPGraph *g = m_scatter->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = group < 0 ? charts::seriesColour(0) : charts::seriesColour(group);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 6));
        g->setSelectable(QCP::stMultipleDataRanges);
        g->selectionDecorator()->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::black, QColor(0xf9, 0xa8, 0x25), 8));
        g->setData(xy.first, xy.second, true);
        g->removeFromLegend();
        m_pointTraces.push_back({g, traces[group]});
    }
    QCPGraph *out = m_scatter->addGraph();
    out->setName(tr("outliers"));
    out->setLineStyle(QCPGraph::lsNone);
    out->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                         QPen(QColor(0xc6, 0x28, 0x28), 1.6), Qt::NoBrush, 12));
    out->setSelectable(QCP::stNone);
    out->setData(outX, outY, true);
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
    line(spread.medianNs, tr("median %1"), QColor(0x2e, 0x7d, 0x32));
    line(spread.p95Ns, tr("p95 %1"), QColor(0xef, 0x6c, 0x00));
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
    m_scatter->replot();
}

void SessionsPane::fillHistogram() {
    m_histogram->clearPlottables();
    m_histogram->clearItems();
    if (!m_a || m_a->requests.empty()) return m_histogram->replot();
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
        band->setBrush(QColor(0x7b, 0x1f, 0xa2, 50));
        auto *t = new QCPItemText(m_histogram);
        t->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(0.98, *f->value);
        t->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setText(tr("forecast %1 s").arg(*f->value, 0, 'f', 1));
        t->setColor(QColor(0x7b, 0x1f, 0xa2));
    }
    m_histogram->xAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1);
    m_histogram->yAxis->setRange(m_scatter->yAxis->range());
    m_histogram->replot();
}

void SessionsPane::fillSessions() {
    m_sessions->setSortingEnabled(false);
    m_sessions->clearContents();
    m_sessions->setRowCount(0);
    if (!m_a) return;
    const std::int64_t t0 =
        m_a->requests.empty()
            ? 0
            : std::min_element(m_a->requests.begin(), m_a->requests.end(), [](auto &a, auto &b) {
                  return a.startNs < b.startNs;
              })->startNs;
    m_sessions->setRowCount(static_cast<int>(m_a->sessions.size()));
    int row = 0;
    for (const SessionStats &s : m_a->sessions) {
        auto *name = new QTableWidgetItem(QString::fromStdString(s.session));
        if (s.outlier) {
            name->setForeground(QColor(0xc6, 0x28, 0x28));
            name->setToolTip(tr("Summed latency above Q3 + 1.5 IQR of the sessions"));
        }
        m_sessions->setItem(row, 0, name);
        m_sessions->setItem(row, 1,
                            new NumberItem(QString::number(s.requests), double(s.requests)));
        m_sessions->setItem(row, 2,
                            new NumberItem(QStringLiteral("+") + dur(double(s.firstStartNs - t0)),
                                           double(s.firstStartNs)));
        m_sessions->setItem(row, 3,
                            new NumberItem(dur(double(s.lastEndNs - s.firstStartNs)),
                                           double(s.lastEndNs - s.firstStartNs)));
        m_sessions->setItem(
            row, 4, new NumberItem(dur(double(s.summedLatencyNs)), double(s.summedLatencyNs)));
        m_sessions->setItem(row, 5,
                            new NumberItem(dur(double(s.maxLatencyNs)), double(s.maxLatencyNs)));
        m_sessions->setItem(row, 6,
                            new NumberItem(QStringLiteral("%L1").arg(s.tokens), double(s.tokens)));
        m_sessions->setItem(row, 7, new NumberItem(QString::number(s.errors), double(s.errors)));
        ++row;
    }
    m_sessions->setSortingEnabled(true);
    m_sessions->sortByColumn(4, Qt::DescendingOrder);
    m_sessions->resizeColumnsToContents();
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

#include "stackspane.h"

#include "charts/exportmenu.h"
#include "common/pathcolumn.h"
#include "flamegraphview.h"
#include "item/localformat.h"
#include "item/stacktablemodel.h"
#include "natoperationsview.h"
#include "natpatternsview.h"
#include "natpredictionsview.h"
#include "store/runanalysis.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <unordered_map>

namespace spanscope {

namespace {

QString dur(std::int64_t ns) {
    return local::duration(ns);
}

QString secs(double s) {
    return dur(static_cast<std::int64_t>(s * 1e9));
}

constexpr int maxSlowest = 200;

} // namespace

StacksPane::StacksPane(QWidget *parent) : QWidget(parent) {
    m_weight = new QComboBox;
    m_weight->setAccessibleName(tr("Flame graph weight"));
    m_weight->addItem(tr("Total time"), static_cast<int>(StackWeight::Total));
    m_weight->addItem(tr("Self time"), static_cast<int>(StackWeight::Self));
    m_weight->addItem(tr("Wall-clock share"), static_cast<int>(StackWeight::Wall));
    m_weight->addItem(tr("Calls"), static_cast<int>(StackWeight::Calls));
    m_weight->addItem(tr("Tokens"), static_cast<int>(StackWeight::Tokens));
    m_weight->setToolTip(
        tr("Box widths: total = the calls' durations; self = less the union of their children "
           "(parallel calls each count in full); wall-clock share = each instant shared by the "
           "innermost calls running then (adds up to the request's time); calls; tokens"));
    m_search = new QLineEdit;
    m_search->setAccessibleName(tr("Highlight paths by name"));
    m_search->setPlaceholderText(tr("Highlight paths by name"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_hits = new QLabel;
    m_crumbs = new QLabel;
    m_crumbs->setTextFormat(Qt::RichText);
    // A deep path must not widen the window: the label gives way and elides.
    m_crumbs->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *exportButton = new QToolButton;
    exportButton->setText(tr("Export\u2026"));
    exportButton->setToolTip(tr("Save the flame graph as PNG, SVG or PDF"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    bar->addWidget(new QLabel(tr("Weight")));
    bar->addWidget(m_weight);
    bar->addSpacing(8);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_hits);
    bar->addSpacing(8);
    bar->addWidget(m_crumbs, 2);
    bar->addWidget(exportButton);

    m_flame = new FlameGraphView;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_flame);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_topDown = new StackTableModel(StackTableModel::Kind::TopDown, this);
    m_bottomUp = new StackTableModel(StackTableModel::Kind::BottomUp, this);
    m_topDownProxy = new QSortFilterProxyModel(this);
    m_bottomUpProxy = new QSortFilterProxyModel(this);
    m_topDownView = makeTable(m_topDown, m_topDownProxy);
    m_bottomUpView = makeTable(m_bottomUp, m_bottomUpProxy);
    m_slowest = new QTreeWidget;
    m_slowest->setAccessibleName(tr("Slowest calls"));
    m_slowest->setRootIsDecorated(false);
    m_slowest->setHeaderLabels(
        {tr("Duration"), tr("Self"), tr("Request"), tr("Start"), tr("Path")});
    m_slowest->setToolTip(tr("The selected path's slowest calls; double-click opens the call "
                             "in its request's waterfall"));
    m_nat = new QTreeWidget;
    m_nat->setAccessibleName(tr("NAT's bottlenecks"));
    m_nat->setRootIsDecorated(false);
    m_nat->setHeaderLabels({tr("#"), tr("Call"), tr("NAT subtree"), tr("Recomputed"),
                            tr("NAT self"), tr("Recomputed"), tr("Self by parent"), tr("Duration"),
                            tr("Concurrency")});
    m_natNote = new QLabel;
    m_natNote->setWordWrap(true);
    auto *natBox = new QWidget;
    auto *natLayout = new QVBoxLayout(natBox);
    natLayout->setContentsMargins(4, 4, 4, 4);
    natLayout->addWidget(m_natNote);
    natLayout->addWidget(m_nat, 1);

    m_tabs = new QTabWidget;
    m_tabs->addTab(m_topDownView, tr("Top-down"));
    m_tabs->addTab(m_bottomUpView, tr("Bottom-up"));
    m_tabs->addTab(m_slowest, tr("Slowest calls"));
    m_tabs->addTab(natBox, tr("NAT's bottlenecks"));
    m_operations = new NatOperationsView;
    m_tabs->addTab(m_operations, tr("NAT's operations"));
    m_predictions = new NatPredictionsView;
    m_tabs->addTab(m_predictions, tr("NAT's call predictions"));
    m_patterns = new NatPatternsView;
    m_tabs->addTab(m_patterns, tr("NAT's call patterns"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(scroll);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    box->addLayout(bar);
    box->addWidget(split, 1);

    connect(m_weight, &QComboBox::activated, this, [this] {
        m_flame->setWeight(static_cast<StackWeight>(m_weight->currentData().toInt()));
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        const int hits = m_flame->setSearch(t);
        m_hits->setText(t.isEmpty() ? QString() : tr("%L1 paths").arg(hits));
        m_topDownProxy->setFilterFixedString(t);
        m_bottomUpProxy->setFilterFixedString(t);
    });
    connect(m_flame, &FlameGraphView::nodeClicked, this, [this](std::int32_t node) {
        selectNodes(node >= 0 ? std::vector<std::int32_t>{node} : std::vector<std::int32_t>{});
    });
    connect(m_flame, &FlameGraphView::zoomChanged, this, &StacksPane::updateBreadcrumb);
    connect(m_crumbs, &QLabel::linkActivated, this, [this](const QString &link) {
        const std::int32_t node = link.toInt();
        m_flame->zoomTo(node);
        selectNodes(node >= 0 ? std::vector<std::int32_t>{node} : std::vector<std::int32_t>{});
    });
    connect(exportButton, &QToolButton::clicked, this, &StacksPane::exportFlame);
    connect(m_flame, &FlameGraphView::nodeActivated, this,
            [this](std::int32_t node) { openSlowest({node}); });
    exporting::addCsvMenu(m_slowest, QStringLiteral("slowest-calls.csv"));
    exporting::addCsvMenu(m_nat, QStringLiteral("nat-bottlenecks.csv"));
    connect(m_slowest, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit callActivated(item->data(0, Qt::UserRole).toInt(),
                           item->data(1, Qt::UserRole).toInt());
    });
    setAnalysis(nullptr);
}

StacksPane::~StacksPane() = default;

QTreeView *StacksPane::makeTable(StackTableModel *model, QSortFilterProxyModel *proxy) {
    proxy->setSourceModel(model);
    proxy->setSortRole(StackTableModel::SortRole);
    proxy->setFilterRole(StackTableModel::FilterRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setRecursiveFilteringEnabled(true);
    auto *view = new QTreeView;
    view->setAccessibleName(model->kind() == StackTableModel::Kind::TopDown
                                ? tr("Call paths, top-down")
                                : tr("Functions and their callers, bottom-up"));
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(StackTableModel::Total, Qt::DescendingOrder);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    PathColumn::keepReadable(view);
    exporting::addCsvMenu(view, model->kind() == StackTableModel::Kind::TopDown
                                    ? QStringLiteral("stacks-top-down.csv")
                                    : QStringLiteral("stacks-bottom-up.csv"));
    // Double-click: the row's slowest call, in its request's waterfall.
    connect(view, &QAbstractItemView::doubleClicked, this,
            [this, model, proxy](const QModelIndex &i) {
                openSlowest(model->stackNodes(proxy->mapToSource(i.siblingAtColumn(0))));
            });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, model, proxy](const QModelIndex &current) {
                const QModelIndex source = proxy->mapToSource(current.siblingAtColumn(0));
                if (!source.isValid()) return;
                const std::vector<std::int32_t> nodes = model->stackNodes(source);
                if (nodes != m_selected) selectNodes(nodes);
            });
    return view;
}

void StacksPane::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    m_a = std::move(analysis);
    m_selected.clear();
    m_flame->setAnalysis(m_a);
    m_flame->setWeight(static_cast<StackWeight>(m_weight->currentData().toInt()));
    m_flame->setSearch(m_search->text());
    m_topDown->setAnalysis(m_a);
    m_bottomUp->setAnalysis(m_a);
    m_topDownView->expandToDepth(1);
    for (QTreeView *v : {m_topDownView, m_bottomUpView}) {
        for (int c = 1; c < StackTableModel::ColumnCount; ++c)
            v->resizeColumnToContents(c);
        PathColumn::fit(v);
    }
    fillSlowest();
    fillNat();
    m_operations->setAnalysis(m_a);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_operations), m_a && !m_a->natOperations.empty());
    m_predictions->setAnalysis(m_a);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_predictions), m_a && m_a->natPredictions);
    m_patterns->setAnalysis(m_a);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_patterns), m_a && !m_a->natPatterns.empty());
    updateBreadcrumb();
}

void StacksPane::selectNodes(const std::vector<std::int32_t> &nodes) {
    m_selected = nodes;
    m_flame->setSelectedNode(nodes.empty() ? -1 : nodes.front());
    if (nodes.size() == 1) {
        // Follow in the top-down table, without re-entering through its selection signal.
        const QModelIndex source = m_topDown->indexOfNode(nodes.front());
        const QModelIndex index = m_topDownProxy->mapFromSource(source);
        if (index.isValid() && m_topDownView->currentIndex().siblingAtColumn(0) != index) {
            QSignalBlocker block(m_topDownView->selectionModel());
            m_topDownView->setCurrentIndex(index);
            m_topDownView->scrollTo(index);
        }
    }
    fillSlowest();
    std::vector<std::int32_t> spans;
    QString what;
    if (m_a && !nodes.empty()) {
        for (const std::int32_t n : nodes) {
            const auto &s = m_a->stacks.nodes[static_cast<std::size_t>(n)].spans;
            spans.insert(spans.end(), s.begin(), s.end());
        }
        const StackNode &first = m_a->stacks.nodes[static_cast<std::size_t>(nodes.front())];
        what = nodes.size() == 1 ? QString::fromStdString(m_a->stacks.path(nodes.front()))
                                 : QString::fromStdString(m_a->stacks.names[first.nameId]);
    }
    emit spansSelected(spans, what);
}

void StacksPane::openSlowest(const std::vector<std::int32_t> &nodes) {
    if (!m_a) return;
    std::int32_t best = -1;
    const TimelineSpans &s = *m_a->spans;
    for (const std::int32_t n : nodes) {
        if (n < 0) continue;
        const auto &spans = m_a->stacks.nodes[static_cast<std::size_t>(n)].spans;
        if (spans.empty()) continue; // slowest first
        const auto d = [&](std::int32_t i) {
            return s.end[static_cast<std::size_t>(i)] - s.start[static_cast<std::size_t>(i)];
        };
        if (best < 0 || d(spans.front()) > d(best)) best = spans.front();
    }
    if (best >= 0) emit callActivated(s.trace[static_cast<std::size_t>(best)], best);
}

void StacksPane::updateBreadcrumb() {
    if (!m_a) return m_crumbs->clear();
    QStringList parts;
    std::vector<std::int32_t> chain;
    for (std::int32_t n = m_flame->zoomNode(); n >= 0;
         n = m_a->stacks.nodes[static_cast<std::size_t>(n)].parent)
        chain.push_back(n);
    parts << (chain.empty() ? tr("<b>all requests</b>")
                            : QStringLiteral("<a href='-1'>%1</a>").arg(tr("all requests")));
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const QString name =
            QString::fromStdString(
                m_a->stacks.names[m_a->stacks.nodes[static_cast<std::size_t>(*it)].nameId])
                .toHtmlEscaped();
        parts << (*it == chain.front() ? QStringLiteral("<b>%1</b>").arg(name)
                                       : QStringLiteral("<a href='%1'>%2</a>").arg(*it).arg(name));
    }
    m_crumbs->setText(parts.join(QStringLiteral(" \u203a ")));
}

void StacksPane::fillSlowest() {
    m_slowest->clear();
    if (!m_a || m_selected.empty()) return;
    std::vector<std::int32_t> spans;
    for (const std::int32_t n : m_selected) {
        const auto &s = m_a->stacks.nodes[static_cast<std::size_t>(n)].spans;
        spans.insert(spans.end(), s.begin(), s.end());
    }
    const TimelineSpans &s = *m_a->spans;
    const auto d = [&](std::int32_t i) {
        return s.end[static_cast<std::size_t>(i)] - s.start[static_cast<std::size_t>(i)];
    };
    const std::size_t k = std::min<std::size_t>(maxSlowest, spans.size());
    std::partial_sort(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(k), spans.end(),
                      [&](std::int32_t a, std::int32_t b) { return d(a) > d(b); });
    const auto origin = timeRange(s).first;
    QList<QTreeWidgetItem *> items;
    for (std::size_t j = 0; j < k; ++j) {
        const auto u = static_cast<std::size_t>(spans[j]);
        const std::int32_t trace = s.trace[u];
        const TraceRow &row = m_a->rows[static_cast<std::size_t>(trace)];
        auto *item = new QTreeWidgetItem(
            {dur(d(spans[j])), QString(),
             row.itemKey.empty() ? tr("#%1").arg(trace + 1) : QString::fromStdString(row.itemKey),
             QStringLiteral("+") + dur(s.start[u] - origin),
             QString::fromStdString(m_a->stacks.path(m_a->stacks.nodeOfSpan[u]))});
        item->setData(0, Qt::UserRole, trace);
        item->setData(1, Qt::UserRole, spans[j]);
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_slowest->addTopLevelItems(items);
    for (int c = 0; c < 4; ++c)
        m_slowest->resizeColumnToContents(c);
}

void StacksPane::fillNat() {
    m_nat->clear();
    const bool have = m_a && m_a->natRecomputed && !m_a->natReported.empty();
    m_tabs->setTabEnabled(3, have);
    if (!have) {
        m_natNote->setText(tr("This run carries no NAT nested-stack analysis."));
        return;
    }
    const NatStackAnalysis &ours = *m_a->natRecomputed;
    std::map<std::string, const NatNode *> byKey;
    for (const NatNode &n : ours.nodes)
        byKey[m_a->natCalls[static_cast<std::size_t>(n.call)].key] = &n;
    // The same span in the columns, for its parent-based self time beside NAT's.
    const TimelineSpans &s = *m_a->spans;
    std::unordered_map<std::int64_t, std::int32_t> indexOfId;
    for (const NatCall &c : m_a->natCalls)
        indexOfId.emplace(c.spanId, -1);
    for (std::size_t i = 0; i < s.size(); ++i)
        if (const auto it = indexOfId.find(s.spanId[i]); it != indexOfId.end())
            it->second = static_cast<std::int32_t>(i);
    int rank = 1;
    for (const NatReportedBottleneck &b : m_a->natReported) {
        const auto it = byKey.find(b.uuid);
        QString ourSelf;
        if (it != byKey.end()) {
            const NatCall &c = m_a->natCalls[static_cast<std::size_t>(it->second->call)];
            if (const std::int32_t i = indexOfId[c.spanId]; i >= 0) ourSelf = dur(selfTimeNs(s, i));
        }
        auto *item = new QTreeWidgetItem(
            {QString::number(rank++),
             QStringLiteral("%1 %2").arg(QString::fromStdString(b.kind),
                                         QString::fromStdString(b.name)),
             secs(b.subtreeS), it != byKey.end() ? secs(it->second->subtreeS) : tr("not found"),
             secs(b.selfS), it != byKey.end() ? secs(it->second->selfS) : QString(), ourSelf,
             secs(b.durationS), QString::number(b.concurrency)});
        for (int c = 2; c < 8; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        m_nat->addTopLevelItem(item);
    }
    for (int c = 0; c < m_nat->columnCount(); ++c)
        m_nat->resizeColumnToContents(c);
    m_natNote->setText(
        tr("NAT's profiler nests calls by the order of their events, not by their parents: a "
           "call that starts while another is open becomes its child even when both ran side by "
           "side, so NAT's self and subtree times (its bottleneck score) differ from the call "
           "paths above wherever calls run in parallel. \"Recomputed\" is NAT's rule applied to "
           "this run's spans by Spanscope (%L1 calls, concurrency p50 %2, p95 %3); the flame "
           "graph and tables above nest by parent.")
            .arg(ours.nodes.size())
            .arg(ours.concurrency.p50)
            .arg(ours.concurrency.p95));
}

void StacksPane::exportFlame() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export flame graph"),
                                                      QStringLiteral("flamegraph.svg"),
                                                      tr("SVG (*.svg);;PNG (*.png);;PDF (*.pdf)"));
    if (path.isEmpty()) return;
    exporting::writeImage(m_flame, path, [this](QPainter &p, QSize s) { m_flame->render(p, s); });
}

} // namespace spanscope

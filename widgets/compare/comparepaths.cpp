#include "comparepaths.h"

#include "charts/exportmenu.h"
#include "charts/sortcell.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "stacks/flamegraphview.h"
#include "store/runanalysis.h"
#include "store/runcomparer.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace spanscope {

namespace {

enum Column {
    Path,
    CallsA,
    CallsB,
    P50A,
    P50B,
    P50Change,
    P95A,
    P95B,
    SelfA,
    SelfB,
    TokensA,
    TokensB,
    Changed,
    Columns
};

QString seconds(const std::optional<double> &v) {
    return v ? local::fixed(*v, 3) : QStringLiteral("-");
}

QString changeText(const PathComparison &p) {
    if (p.callsA == 0) return QObject::tr("new in B");
    if (p.callsB == 0) return QObject::tr("gone in B");
    const bool slower = p.p50Change() > 0;
    if (p.selfChanged)
        return slower ? QObject::tr("slower (own time)") : QObject::tr("faster (own time)");
    if (p.durationChanged)
        return slower ? QObject::tr("slower (callees)") : QObject::tr("faster (callees)");
    return {};
}

} // namespace

ComparePaths::ComparePaths(QWidget *parent) : QWidget(parent) {
    m_table = new QTableWidget(0, Columns);
    m_table->setAccessibleName(tr("Call paths compared"));
    m_table->setHorizontalHeaderLabels(
        {tr("Call path"), tr("Calls A"), tr("Calls B"), tr("p50 A (s)"), tr("p50 B (s)"),
         tr("p50 B − A"), tr("p95 A (s)"), tr("p95 B (s)"), tr("Self p50 A"), tr("Self p50 B"),
         tr("Tokens A"), tr("Tokens B"), tr("Changed")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setToolTip(tr("Mann-Whitney test per path on the durations and on the self times, "
                           "Benjamini-Hochberg over all paths: 'own time' when the path's own "
                           "work changed, 'callees' when only what it called did"));
    exporting::addCsvMenu(m_table, QStringLiteral("paths-ab.csv"));
    m_flame = new FlameGraphView;
    m_flame->setBoxColours([this](std::int32_t node) { return colourOf(node); });
    m_flame->setTooltipExtra([this](std::int32_t node) -> QString {
        const PathComparison *p = pathOfNode(node);
        if (!p) return {};
        if (p->callsA == 0) return tr("<hr><b>new in B</b>: A had no such path");
        QString s = tr("<hr>A: %L1 calls, p50 %2 s, p95 %3 s<br>B − A: p50 %4 s")
                        .arg(p->callsA)
                        .arg(seconds(p->p50A), seconds(p->p95A))
                        .arg(local::fixed(p->p50Change(), 3));
        if (p->p50A && *p->p50A > 0)
            s += QStringLiteral(" (%1%)").arg(local::fixed(p->p50Change() / *p->p50A * 100, 1));
        s += tr("<br>own time q %1, duration q %2")
                 .arg(p->qSelf, 0, 'g', 2)
                 .arg(p->qDuration, 0, 'g', 2);
        const QString what = changeText(*p);
        if (!what.isEmpty()) s += QStringLiteral("<br><b>%1</b>").arg(what);
        return s;
    });
    auto *legend = new QLabel(tr(
        "Width: B's time. <span style='background:#e53935;color:white'>&nbsp;own time "
        "slower&nbsp;</span> <span style='background:#ef9a9a;color:#212121'>&nbsp;slower through "
        "callees&nbsp;</span> <span style='background:#43a047;color:white'>&nbsp;own time "
        "faster&nbsp;</span> <span style='background:#a5d6a7;color:#212121'>&nbsp;faster through "
        "callees&nbsp;</span> <span style='background:#e0e0e0;color:#212121'>&nbsp;within "
        "noise&nbsp;</span> <span style='background:#ab47bc;color:white'>&nbsp;new in "
        "B&nbsp;</span>"));
    legend->setTextFormat(Qt::RichText);
    legend->setWordWrap(true);
    auto *flameBox = new QWidget;
    auto *flameLayout = new QVBoxLayout(flameBox);
    flameLayout->setContentsMargins(0, 0, 0, 0);
    flameLayout->addWidget(legend);
    flameLayout->addWidget(m_flame, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(flameBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty() || !m_c) return;
        const auto it =
            m_nodeOfPath.find(m_table->item(rows.first().row(), Path)->text().toStdString());
        if (it != m_nodeOfPath.end()) m_flame->setSelectedNode(it->second);
    });
    connect(m_flame, &FlameGraphView::nodeClicked, this, [this](std::int32_t node) {
        const PathComparison *p = pathOfNode(node);
        if (!p) return;
        for (int r = 0; r < m_table->rowCount(); ++r)
            if (m_table->item(r, Path)->text().toStdString() == p->path) {
                const QSignalBlocker block(m_table);
                m_table->selectRow(r);
                m_table->scrollToItem(m_table->item(r, Path));
                break;
            }
    });
}

const PathComparison *ComparePaths::pathOfNode(std::int32_t node) const {
    if (!m_c || node < 0 || static_cast<std::size_t>(node) >= m_pathOfNode.size()) return nullptr;
    const std::int32_t i = m_pathOfNode[static_cast<std::size_t>(node)];
    return i < 0 ? nullptr : &m_c->result.paths[static_cast<std::size_t>(i)];
}

QColor ComparePaths::colourOf(std::int32_t node) const {
    const PathComparison *p = pathOfNode(node);
    const bool dark = theme::dark();
    const QColor neutral = dark ? QColor(0x4a, 0x4d, 0x52) : QColor(0xe0, 0xe0, 0xe0);
    if (!p) return neutral;
    if (p->callsA == 0) return QColor(0xab, 0x47, 0xbc);
    const bool slower = p->p50Change() > 0;
    if (p->selfChanged) {
        // Deeper the larger the relative change of the p50 (full at +-100%).
        const double rel = p->p50A && *p->p50A > 0 ? std::abs(p->p50Change()) / *p->p50A : 1.0;
        const double t = std::clamp(0.35 + 0.65 * rel, 0.35, 1.0);
        const QColor full = slower ? QColor(0xe5, 0x39, 0x35) : QColor(0x43, 0xa0, 0x47);
        const QColor pale = dark ? QColor(0x3a, 0x3d, 0x41) : QColor(0xf5, 0xf5, 0xf5);
        return QColor::fromRgbF(pale.redF() + (full.redF() - pale.redF()) * t,
                                pale.greenF() + (full.greenF() - pale.greenF()) * t,
                                pale.blueF() + (full.blueF() - pale.blueF()) * t);
    }
    if (p->durationChanged) {
        if (dark) return slower ? QColor(0x8e, 0x3b, 0x3b) : QColor(0x3b, 0x7a, 0x3f);
        return slower ? QColor(0xef, 0x9a, 0x9a) : QColor(0xa5, 0xd6, 0xa7);
    }
    return neutral;
}

void ComparePaths::setComparison(std::shared_ptr<const StoredComparison> comparison) {
    m_c = std::move(comparison);
    m_pathOfNode.clear();
    m_nodeOfPath.clear();
    if (!m_c) {
        m_flameRun.reset();
        m_flame->setAnalysis(nullptr);
        m_table->setRowCount(0);
        return;
    }
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < m_c->result.paths.size(); ++i)
        index.emplace(m_c->result.paths[i].path, static_cast<std::int32_t>(i));
    const StackTree &tree = m_c->stacksB;
    m_pathOfNode.assign(tree.nodes.size(), -1);
    for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
        const std::string path = tree.path(static_cast<std::int32_t>(n));
        if (const auto it = index.find(path); it != index.end()) m_pathOfNode[n] = it->second;
        m_nodeOfPath.emplace(path, static_cast<std::int32_t>(n));
    }
    auto run = std::make_shared<RunAnalysis>();
    run->runId = m_c->b.id;
    run->stacks = tree;
    m_flameRun = run;
    m_flame->setAnalysis(run);
    fillTable();
}

void ComparePaths::fillTable() {
    const auto &paths = m_c->result.paths;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(paths.size()));
    for (int row = 0; row < static_cast<int>(paths.size()); ++row) {
        const PathComparison &p = paths[static_cast<std::size_t>(row)];
        const auto set = [&](int column, const QString &text, double value) {
            auto *c = new SortCell(text, value);
            if (column != Path && column != Changed)
                c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, c);
            return c;
        };
        set(Path, QString::fromStdString(p.path), row)->setToolTip(QString::fromStdString(p.path));
        set(CallsA, QString::number(p.callsA), static_cast<double>(p.callsA));
        set(CallsB, QString::number(p.callsB), static_cast<double>(p.callsB));
        set(P50A, seconds(p.p50A), p.p50A.value_or(-1));
        set(P50B, seconds(p.p50B), p.p50B.value_or(-1));
        QTableWidgetItem *change =
            set(P50Change, p.p50A && p.p50B ? local::fixed(p.p50Change(), 3) : "-", p.p50Change());
        set(P95A, seconds(p.p95A), p.p95A.value_or(-1));
        set(P95B, seconds(p.p95B), p.p95B.value_or(-1));
        set(SelfA, seconds(p.selfP50A), p.selfP50A.value_or(-1));
        set(SelfB, seconds(p.selfP50B), p.selfP50B.value_or(-1));
        set(TokensA, QString::number(p.tokensA), static_cast<double>(p.tokensA));
        set(TokensB, QString::number(p.tokensB), static_cast<double>(p.tokensB));
        QTableWidgetItem *what = set(Changed, changeText(p), row);
        if (p.selfChanged || p.durationChanged) {
            const QColor c = p.p50Change() > 0 ? theme::bad() : theme::good();
            change->setForeground(c);
            what->setForeground(c);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(Path, std::min(m_table->columnWidth(Path), 520));
    // Sorted by the path column's value, the row: the changed-first order the comparison chose.
    m_table->horizontalHeader()->setSortIndicator(Path, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
}

} // namespace spanscope

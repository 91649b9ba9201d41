#include "stacktablemodel.h"

#include "analysis/timelinespans.h"
#include "localformat.h"

namespace spanscope {

StackTableModel::StackTableModel(Kind kind, QObject *parent)
    : QAbstractItemModel(parent), m_kind(kind) {}

void StackTableModel::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    beginResetModel();
    m_a = std::move(analysis);
    m_rows.clear();
    m_children.clear();
    if (m_a) {
        // Rows are the source nodes themselves (same ids); the roots' list goes last.
        const auto copy = [&](const auto &nodes, const std::vector<std::int32_t> &roots) {
            m_rows.resize(nodes.size());
            m_children.resize(nodes.size() + 1);
            for (std::size_t k = 0; k < nodes.size(); ++k) {
                m_rows[k].parent = nodes[k].parent;
                m_rows[k].nameId = nodes[k].nameId;
                m_rows[k].source = static_cast<std::int32_t>(k);
                m_children[k] = nodes[k].children;
            }
            m_children.back() = roots;
            for (const auto &list : m_children)
                for (std::size_t i = 0; i < list.size(); ++i)
                    m_rows[static_cast<std::size_t>(list[i])].indexInParent =
                        static_cast<std::int32_t>(i);
        };
        if (m_kind == Kind::TopDown) {
            copy(m_a->stacks.nodes, m_a->stacks.roots);
        } else {
            copy(m_a->bottomUp.nodes, m_a->bottomUp.roots);
        }
    }
    endResetModel();
}

const std::vector<std::int32_t> &StackTableModel::childrenOf(std::int32_t row) const {
    return row < 0 ? m_children.back() : m_children[static_cast<std::size_t>(row)];
}

QModelIndex StackTableModel::index(int row, int column, const QModelIndex &parent) const {
    if (m_rows.empty() || column < 0 || column >= ColumnCount) return {};
    if (parent.isValid() && parent.column() != 0) return {};
    const auto &kids =
        childrenOf(parent.isValid() ? static_cast<std::int32_t>(parent.internalId()) : -1);
    if (row < 0 || static_cast<std::size_t>(row) >= kids.size()) return {};
    return createIndex(row, column, static_cast<quintptr>(kids[static_cast<std::size_t>(row)]));
}

QModelIndex StackTableModel::parent(const QModelIndex &child) const {
    if (!child.isValid()) return {};
    const Row &r = m_rows[static_cast<std::size_t>(child.internalId())];
    if (r.parent < 0) return {};
    return createIndex(m_rows[static_cast<std::size_t>(r.parent)].indexInParent, 0,
                       static_cast<quintptr>(r.parent));
}

int StackTableModel::rowCount(const QModelIndex &parent) const {
    if (m_rows.empty() || (parent.isValid() && parent.column() != 0)) return 0;
    return static_cast<int>(
        childrenOf(parent.isValid() ? static_cast<std::int32_t>(parent.internalId()) : -1).size());
}

int StackTableModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant StackTableModel::value(const Row &r, int column, bool raw) const {
    const auto ns = [&](double v) -> QVariant {
        return raw ? QVariant(v) : QVariant(local::duration(static_cast<std::int64_t>(v)));
    };
    const auto count = [&](std::int64_t v) -> QVariant {
        return raw ? QVariant(static_cast<qlonglong>(v)) : QVariant(QStringLiteral("%L1").arg(v));
    };
    if (m_kind == Kind::BottomUp) {
        const BottomUpNode &n = m_a->bottomUp.nodes[static_cast<std::size_t>(r.source)];
        switch (column) {
        case Calls:
            return count(n.calls);
        case Total:
            return ns(static_cast<double>(n.totalNs));
        case Self:
            return ns(static_cast<double>(n.selfNs));
        case Mean:
            return ns(n.calls ? static_cast<double>(n.totalNs) / static_cast<double>(n.calls)
                              : 0.0);
        case Tokens:
            return count(n.tokens);
        default:
            return {};
        }
    }
    const StackNode &n = m_a->stacks.nodes[static_cast<std::size_t>(r.source)];
    switch (column) {
    case Calls:
        return count(n.calls);
    case Total:
        return ns(static_cast<double>(n.totalNs));
    case Self:
        return ns(static_cast<double>(n.selfNs));
    case Mean:
        return ns(n.meanNs());
    case P50:
        return ns(static_cast<double>(n.p50Ns));
    case P95:
        return ns(static_cast<double>(n.p95Ns));
    case Max:
        return ns(static_cast<double>(n.maxNs));
    case Tokens:
        return count(n.tokens());
    case MaxConcurrency:
        return count(n.maxConcurrency);
    default:
        return {};
    }
}

QVariant StackTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_a) return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.internalId())];
    const QString name = QString::fromStdString(m_a->stacks.names[r.nameId]);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Name ? QVariant(name) : value(r, index.column(), false);
    case SortRole:
        return index.column() == Name ? QVariant(name) : value(r, index.column(), true);
    case FilterRole:
        return name;
    case NodeRole: {
        const auto nodes = stackNodes(index);
        return nodes.empty() ? QVariant() : QVariant(nodes.front());
    }
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant()
                                      : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        return index.column() == Name && m_kind == Kind::TopDown
                   ? QVariant(QString::fromStdString(m_a->stacks.path(r.source)))
                   : QVariant();
    default:
        return {};
    }
}

QVariant StackTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name:
        return m_kind == Kind::TopDown ? tr("Call path") : tr("Function / callers");
    case Calls:
        return tr("Calls");
    case Total:
        return tr("Total");
    case Self:
        return tr("Self");
    case Mean:
        return tr("Mean");
    case P50:
        return tr("p50");
    case P95:
        return tr("p95");
    case Max:
        return tr("Max");
    case Tokens:
        return tr("Tokens");
    case MaxConcurrency:
        return tr("Max conc.");
    default:
        return {};
    }
}

std::vector<std::int32_t> StackTableModel::stackNodes(const QModelIndex &index) const {
    if (!index.isValid() || !m_a) return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.internalId())];
    if (m_kind == Kind::TopDown) return {r.source};
    std::vector<std::int32_t> nodes =
        m_a->bottomUp.nodes[static_cast<std::size_t>(r.source)].stackNodes;
    std::sort(nodes.begin(), nodes.end(), [&](std::int32_t x, std::int32_t y) {
        return m_a->stacks.nodes[static_cast<std::size_t>(x)].selfNs >
               m_a->stacks.nodes[static_cast<std::size_t>(y)].selfNs;
    });
    return nodes;
}

QModelIndex StackTableModel::indexOfNode(std::int32_t node) const {
    if (m_kind != Kind::TopDown || node < 0 || static_cast<std::size_t>(node) >= m_rows.size())
        return {};
    return createIndex(m_rows[static_cast<std::size_t>(node)].indexInParent, 0,
                       static_cast<quintptr>(node));
}

} // namespace spanscope

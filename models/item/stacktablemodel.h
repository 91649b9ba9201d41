#pragma once

#include "store/runanalysis.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace spanscope {

// A run's call paths as a sortable tree table (DESIGN.md section 2, models/item): top-down
// (the call tree, path by path) or bottom-up (one row per span name, the paths that called it
// below). Display text is formatted; SortRole gives raw numbers; NodeRole the StackTree node
// (top-down) or the heaviest call path through the row (bottom-up), for linking the row to
// the flame graph and the timeline.
class StackTableModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { TopDown, BottomUp };
    enum Column {
        Name,
        Calls,
        Total,
        Self,
        Mean,
        P50,
        P95,
        Max,
        Tokens,
        MaxConcurrency,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, NodeRole, FilterRole };

    explicit StackTableModel(Kind kind, QObject *parent = nullptr);

    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis); // null clears
    Kind kind() const { return m_kind; }
    // Every call path of the row: one for a top-down row, all paths through a bottom-up row.
    std::vector<std::int32_t> stackNodes(const QModelIndex &index) const;
    // The top-down row of a StackTree node (invalid in a bottom-up model).
    QModelIndex indexOfNode(std::int32_t node) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // The rows of either tree, uniformly: parent and children by row id.
    struct Row {
        std::int32_t parent = -1;
        std::int32_t indexInParent = 0;
        std::uint32_t nameId = 0;
        std::int32_t source = -1; // StackTree or BottomUpTree node
    };
    const std::vector<std::int32_t> &childrenOf(std::int32_t row) const;
    QVariant value(const Row &r, int column, bool raw) const;

    Kind m_kind;
    std::shared_ptr<const RunAnalysis> m_a;
    std::vector<Row> m_rows;
    std::vector<std::vector<std::int32_t>> m_children; // by row, and roots at the end
};

} // namespace spanscope

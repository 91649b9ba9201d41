#pragma once

#include <QWidget>
#include <memory>
#include <unordered_map>

class QTableWidget;

namespace spanscope {

class FlameGraphView;
struct PathComparison;
struct RunAnalysis;
struct StoredComparison;

// Where the time went differently: every call path of both runs matched by path (calls, p50 and
// p95 duration, self time and tokens in A and B, what changed), and a differential flame graph:
// B's call paths at B's widths, red where a path's own work got slower than in A, green where
// faster (by the change of its p50), pale where only its callees changed, grey within noise,
// purple where A had no such path.
class ComparePaths : public QWidget {
    Q_OBJECT
public:
    explicit ComparePaths(QWidget *parent = nullptr);

    void setComparison(std::shared_ptr<const StoredComparison> comparison);

    QTableWidget *table() const { return m_table; }
    FlameGraphView *flame() const { return m_flame; }
    // The comparison of a node of B's stack tree; null when none (cannot happen for B's nodes).
    const PathComparison *pathOfNode(std::int32_t node) const;
    QColor colourOf(std::int32_t node) const;

private:
    void fillTable();

    std::shared_ptr<const StoredComparison> m_c;
    std::shared_ptr<RunAnalysis> m_flameRun; // B's stack tree, for the flame view
    std::vector<std::int32_t> m_pathOfNode;  // B's node -> index into result.paths
    std::unordered_map<std::string, std::int32_t> m_nodeOfPath;
    QTableWidget *m_table;
    FlameGraphView *m_flame;
};

} // namespace spanscope

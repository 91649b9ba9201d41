#pragma once

#include <QWidget>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace spanscope {

class FlameGraphView;
class NatOperationsView;
class NatPatternsView;
class NatPredictionsView;
class StackTableModel;
struct RunAnalysis;

// Where the time goes: the run's call paths as an icicle graph over top-down and bottom-up
// tables, the slowest calls of the selected path, and NAT's own bottlenecks beside ours.
// Selecting a path (a box or a row) lists its slowest calls and asks the timeline to outline
// its spans; double-clicking a call opens its request's waterfall.
class StacksPane : public QWidget {
    Q_OBJECT
public:
    explicit StacksPane(QWidget *parent = nullptr);
    ~StacksPane() override;

    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis); // null clears
    // Selects call paths (StackTree nodes), as a click on a box or a row does.
    void selectNodes(const std::vector<std::int32_t> &nodes);
    const std::vector<std::int32_t> &selectedNodes() const { return m_selected; }

    FlameGraphView *flameGraph() const { return m_flame; }
    StackTableModel *topDownModel() const { return m_topDown; }
    StackTableModel *bottomUpModel() const { return m_bottomUp; }
    QTreeView *topDownView() const { return m_topDownView; }
    QTreeView *bottomUpView() const { return m_bottomUpView; }
    QTreeWidget *slowestCalls() const { return m_slowest; }
    QTreeWidget *natTable() const { return m_nat; }
    NatPredictionsView *predictions() const { return m_predictions; }
    NatOperationsView *operations() const { return m_operations; }
    NatPatternsView *patterns() const { return m_patterns; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *weightBox() const { return m_weight; }
    QLabel *breadcrumb() const { return m_crumbs; }

signals:
    void spansSelected(const std::vector<std::int32_t> &spans, const QString &what);
    void callActivated(std::int32_t trace, std::int32_t span); // open the waterfall there

private:
    QTreeView *makeTable(StackTableModel *model, QSortFilterProxyModel *proxy);
    void updateBreadcrumb();
    void openSlowest(const std::vector<std::int32_t> &nodes);
    void fillSlowest();
    void fillNat();
    void exportFlame();

    std::shared_ptr<const RunAnalysis> m_a;
    std::vector<std::int32_t> m_selected;
    QComboBox *m_weight;
    QLineEdit *m_search;
    QLabel *m_crumbs;
    QLabel *m_hits;
    FlameGraphView *m_flame;
    StackTableModel *m_topDown;
    StackTableModel *m_bottomUp;
    QSortFilterProxyModel *m_topDownProxy;
    QSortFilterProxyModel *m_bottomUpProxy;
    QTreeView *m_topDownView;
    QTreeView *m_bottomUpView;
    QTreeWidget *m_slowest;
    QTreeWidget *m_nat;
    NatOperationsView *m_operations;
    NatPredictionsView *m_predictions;
    NatPatternsView *m_patterns;
    QLabel *m_natNote;
    QTabWidget *m_tabs;
};

} // namespace spanscope

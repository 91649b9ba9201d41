#pragma once

#include "analysis/callstacks.h"

#include <QColor>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

namespace spanscope {

struct RunAnalysis;

// An icicle graph of a run's call paths (DESIGN.md section 6): the top row is the whole run,
// each path's children below it, widths by the chosen weight. Boxes narrower than a pixel are
// merged per parent into one "+N more" box and not descended into, so a frame costs boxes on
// screen, not paths. Click zooms into a subtree (its ancestors stay above, full width); hover
// tells calls, total, self, mean, p50/p95/max, tokens and max concurrency; a search outlines
// the boxes whose name contains the text and fades the rest.
class FlameGraphView : public QWidget {
    Q_OBJECT
public:
    static constexpr int rowHeight = 18;

    // A laid-out box: node -1 is the run's top row; merged > 0 is a "+N more" box.
    struct Box {
        double x = 0, w = 0;
        std::int32_t depth = 0;
        std::int32_t node = -1;
        std::int32_t merged = 0;
        bool ancestor = false; // above the zoomed node
    };

    explicit FlameGraphView(QWidget *parent = nullptr);

    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis);
    void setWeight(StackWeight weight);
    StackWeight weight() const { return m_weight; }
    void zoomTo(std::int32_t node); // -1: the whole run
    std::int32_t zoomNode() const { return m_zoom; }
    void setSelectedNode(std::int32_t node);
    std::int32_t selectedNode() const { return m_selected; }
    // Colours boxes by `colour(node)` instead of by category (the differential flame graph);
    // an empty function restores the category colours.
    void setBoxColours(std::function<QColor(std::int32_t node)> colour);
    // Appends `extra(node)` (HTML) to a box's tooltip.
    void setTooltipExtra(std::function<QString(std::int32_t node)> extra);
    // Case-insensitive substring of a path's name; "" clears. Returns the matching paths.
    int setSearch(const QString &text);

    const std::vector<Box> &boxes() const { return m_boxes; }
    const Box *boxAt(QPoint p) const;
    QString tooltipFor(std::int32_t node) const;
    // Paints the graph at the given size (the widget, a PNG, or an SVG generator).
    void render(QPainter &painter, QSize size);
    QSize sizeHint() const override;

signals:
    void nodeClicked(std::int32_t node); // -1: the top row
    void zoomChanged(std::int32_t node);
    void nodeActivated(std::int32_t node); // double-click: open its slowest call

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void relayout();
    void layoutInto(std::vector<Box> &out, double width) const;

    std::shared_ptr<const RunAnalysis> m_a;
    StackWeight m_weight = StackWeight::Total;
    std::vector<double> m_widths;
    std::int32_t m_zoom = -1;
    std::int32_t m_selected = -1;
    std::vector<char> m_match; // by node; empty when no search
    std::function<QColor(std::int32_t)> m_colour;
    std::function<QString(std::int32_t)> m_tooltipExtra;
    std::vector<Box> m_boxes;
    int m_rows = 1;
};

} // namespace spanscope

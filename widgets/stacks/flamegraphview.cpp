#include "flamegraphview.h"

#include "common/theme.h"
#include "item/localformat.h"
#include "store/runanalysis.h"
#include "timeline/timelinepainter.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <functional>

namespace spanscope {

namespace {

QColor boxColour(const StackNode &n, const std::string &name) {
    // The category's colour, its lightness varied by the name so neighbours stand apart.
    const QColor base = TimelinePainter::categoryColour(n.category);
    const auto h = static_cast<int>(std::hash<std::string>{}(name) % 41) - 20;
    return h >= 0 ? base.lighter(100 + h) : base.darker(100 - h);
}

QString weightText(const StackNode &n, StackWeight w) {
    switch (w) {
    case StackWeight::Calls:
        return FlameGraphView::tr("%L1 calls").arg(n.calls);
    case StackWeight::Tokens:
        return FlameGraphView::tr("%L1 tokens").arg(n.tokens());
    default:
        return local::duration(n.totalNs);
    }
}

} // namespace

FlameGraphView::FlameGraphView(QWidget *parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumHeight(rowHeight * 4);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize FlameGraphView::sizeHint() const {
    return {800, std::max(rowHeight * 4, m_rows * rowHeight)};
}

void FlameGraphView::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    m_a = std::move(analysis);
    m_zoom = -1;
    m_selected = -1;
    m_match.clear();
    m_widths = m_a ? flameWidths(m_a->stacks, m_weight) : std::vector<double>();
    relayout();
}

void FlameGraphView::setWeight(StackWeight weight) {
    m_weight = weight;
    m_widths = m_a ? flameWidths(m_a->stacks, m_weight) : std::vector<double>();
    relayout();
}

void FlameGraphView::zoomTo(std::int32_t node) {
    if (!m_a || node >= static_cast<std::int32_t>(m_a->stacks.nodes.size())) node = -1;
    m_zoom = node;
    relayout();
    emit zoomChanged(node);
}

void FlameGraphView::setSelectedNode(std::int32_t node) {
    m_selected = node;
    update();
}

int FlameGraphView::setSearch(const QString &text) {
    m_match.clear();
    int hits = 0;
    if (m_a && !text.isEmpty()) {
        const std::string needle = text.toLower().toStdString();
        std::vector<char> nameHit(m_a->stacks.names.size(), 0);
        for (std::size_t k = 0; k < nameHit.size(); ++k) {
            std::string n = m_a->stacks.names[k];
            std::transform(n.begin(), n.end(), n.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            nameHit[k] = n.find(needle) != std::string::npos;
        }
        m_match.resize(m_a->stacks.nodes.size());
        for (std::size_t k = 0; k < m_match.size(); ++k) {
            m_match[k] = nameHit[m_a->stacks.nodes[k].nameId];
            hits += m_match[k];
        }
    }
    update();
    return hits;
}

void FlameGraphView::layoutInto(std::vector<Box> &out, double width) const {
    out.clear();
    if (!m_a) return;
    const StackTree &t = m_a->stacks;
    // Above a zoomed node: its ancestors, full width.
    std::vector<std::int32_t> chain;
    for (std::int32_t n = m_zoom; n >= 0; n = t.nodes[static_cast<std::size_t>(n)].parent)
        chain.push_back(n);
    out.push_back({0, width, 0, -1, 0, m_zoom >= 0});
    std::int32_t depth = 1;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it, ++depth)
        out.push_back({0, width, depth, *it, 0, *it != m_zoom});

    struct Todo {
        std::int32_t node;
        double x, w;
        std::int32_t depth;
    };
    std::vector<Todo> todo;
    const auto kidsOf = [&](std::int32_t n) -> const std::vector<std::int32_t> & {
        return n < 0 ? t.roots : t.nodes[static_cast<std::size_t>(n)].children;
    };
    todo.push_back({m_zoom, 0, width, depth - 1});
    while (!todo.empty()) {
        const Todo p = todo.back();
        todo.pop_back();
        const auto &kids = kidsOf(p.node);
        double sum = 0;
        for (const std::int32_t c : kids)
            sum += m_widths[static_cast<std::size_t>(c)];
        const double own = p.node < 0 ? sum : m_widths[static_cast<std::size_t>(p.node)];
        const double denom = std::max(own, sum);
        if (denom <= 0) continue;
        const double scale = p.w / denom;
        double x = p.x, mergedW = 0;
        std::int32_t merged = 0;
        for (const std::int32_t c : kids) {
            const double w = m_widths[static_cast<std::size_t>(c)] * scale;
            if (w < 1.0) {
                mergedW += w;
                merged += w > 0;
                continue;
            }
            out.push_back({x, w, p.depth + 1, c, 0, false});
            todo.push_back({c, x, w, p.depth + 1});
            x += w;
        }
        if (merged > 0 && mergedW >= 0.5)
            out.push_back({x, std::max(mergedW, 1.0), p.depth + 1, p.node, merged, false});
    }
}

void FlameGraphView::relayout() {
    layoutInto(m_boxes, width());
    m_rows = 1;
    for (const Box &b : m_boxes)
        m_rows = std::max(m_rows, b.depth + 1);
    setMinimumHeight(std::max(rowHeight * 4, m_rows * rowHeight));
    updateGeometry();
    update();
}

void FlameGraphView::resizeEvent(QResizeEvent *) {
    relayout();
}

void FlameGraphView::setBoxColours(std::function<QColor(std::int32_t)> colour) {
    m_colour = std::move(colour);
    update();
}

void FlameGraphView::setTooltipExtra(std::function<QString(std::int32_t)> extra) {
    m_tooltipExtra = std::move(extra);
}

const FlameGraphView::Box *FlameGraphView::boxAt(QPoint p) const {
    const int depth = p.y() / rowHeight;
    for (const Box &b : m_boxes)
        if (b.depth == depth && p.x() >= static_cast<int>(b.x) &&
            p.x() < static_cast<int>(b.x) + std::max(1, static_cast<int>(b.w + 0.5)))
            return &b;
    return nullptr;
}

QString FlameGraphView::tooltipFor(std::int32_t node) const {
    if (!m_a) return {};
    const StackTree &t = m_a->stacks;
    if (node < 0) {
        std::int64_t total = 0, calls = 0;
        for (const std::int32_t r : t.roots) {
            total += t.nodes[static_cast<std::size_t>(r)].totalNs;
            calls += t.nodes[static_cast<std::size_t>(r)].calls;
        }
        return tr("<b>whole run</b><br>%L1 top-level calls, %2 in all")
            .arg(calls)
            .arg(local::duration(total));
    }
    const StackNode &n = t.nodes[static_cast<std::size_t>(node)];
    const auto d = [](std::int64_t ns) { return local::duration(ns); };
    QString s = QStringLiteral("<b>%1</b><br><small>%2</small><br>")
                    .arg(QString::fromStdString(t.names[n.nameId]).toHtmlEscaped(),
                         QString::fromStdString(t.path(node)).toHtmlEscaped());
    s += tr("%L1 calls, total %2, self %3<br>mean %4, p50 %5, p95 %6, max %7")
             .arg(n.calls)
             .arg(d(n.totalNs), d(n.selfNs), d(static_cast<std::int64_t>(n.meanNs())), d(n.p50Ns),
                  d(n.p95Ns), d(n.maxNs));
    if (n.tokens() > 0)
        s += tr("<br>tokens %L1 in, %L2 out").arg(n.inputTokens).arg(n.outputTokens);
    s += tr("<br>at most %L1 at once").arg(n.maxConcurrency);
    if (n.errors > 0) s += tr("<br><font color='#c62828'>%L1 failed</font>").arg(n.errors);
    if (m_tooltipExtra) s += m_tooltipExtra(node);
    return s;
}

void FlameGraphView::render(QPainter &p, QSize size) {
    std::vector<Box> boxes;
    const std::vector<Box> *list = &m_boxes;
    if (size.width() != width()) {
        layoutInto(boxes, size.width());
        list = &boxes;
    }
    p.fillRect(QRect(QPoint(0, 0), size), palette().base());
    if (!m_a) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, tr("No run"));
        return;
    }
    const StackTree &t = m_a->stacks;
    const QFontMetrics fm(font());
    const bool searching = !m_match.empty();
    for (const Box &b : *list) {
        const QRect r(static_cast<int>(b.x), b.depth * rowHeight,
                      std::max(1, static_cast<int>(b.w + 0.5)) - (b.w >= 3 ? 1 : 0), rowHeight - 1);
        QColor fill;
        QString label;
        if (b.merged > 0) {
            fill = palette().color(QPalette::Mid);
            label = tr("+%L1 more").arg(b.merged);
        } else if (b.node < 0) {
            fill = theme::folded();
            label = tr("all requests");
        } else {
            const StackNode &n = t.nodes[static_cast<std::size_t>(b.node)];
            fill = m_colour ? m_colour(b.node) : boxColour(n, t.names[n.nameId]);
            label = QString::fromStdString(t.names[n.nameId]);
            if (r.width() > 160)
                label += QStringLiteral("  (") + weightText(n, m_weight) + QLatin1Char(')');
        }
        const bool hit =
            searching && b.node >= 0 && b.merged == 0 && m_match[static_cast<std::size_t>(b.node)];
        if (b.ancestor || (searching && !hit)) fill = fill.lighter(150);
        p.fillRect(r, fill);
        if (hit || (b.node == m_selected && b.node >= 0 && b.merged == 0)) {
            p.setPen(QPen(hit ? theme::searchHit() : palette().color(QPalette::Text), 2));
            p.drawRect(r.adjusted(1, 1, -1, -1));
        }
        if (r.width() > 28) {
            p.setPen(theme::textOn(fill));
            p.drawText(r.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(label, Qt::ElideRight, r.width() - 5));
        }
    }
}

void FlameGraphView::paintEvent(QPaintEvent *) {
    QPainter p(this);
    render(p, size());
}

void FlameGraphView::mousePressEvent(QMouseEvent *e) {
    if (e->button() != Qt::LeftButton) return QWidget::mousePressEvent(e);
    const Box *b = boxAt(e->position().toPoint());
    if (!b || b->merged > 0) return;
    // A click on an ancestor or the top row zooms out to it; on a box, into it.
    m_selected = b->node;
    zoomTo(b->node);
    emit nodeClicked(b->node);
}

void FlameGraphView::mouseDoubleClickEvent(QMouseEvent *e) {
    const Box *b = e->button() == Qt::LeftButton ? boxAt(e->position().toPoint()) : nullptr;
    if (b && b->node >= 0 && b->merged == 0) emit nodeActivated(b->node);
}

bool FlameGraphView::event(QEvent *e) {
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const Box *b = boxAt(help->pos());
        if (!b) {
            QToolTip::hideText();
        } else if (b->merged > 0) {
            QToolTip::showText(
                help->globalPos(),
                tr("%L1 paths too narrow to draw; zoom in to see them").arg(b->merged), this);
        } else {
            QToolTip::showText(help->globalPos(), theme::html(tooltipFor(b->node)), this);
        }
        return true;
    }
    return QWidget::event(e);
}

} // namespace spanscope

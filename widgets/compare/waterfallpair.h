#pragma once

#include "analysis/pathrows.h"

#include <QString>
#include <QWidget>
#include <vector>

namespace spanscope {

// The same item's request in A and in B, one waterfall above the other on one time scale (time
// since each request's start), rows matched by call path: a step both runs took is on the same
// row in both, a step only one took has an empty row in the other. Hover names a bar.
class WaterfallPair : public QWidget {
    Q_OBJECT
public:
    static constexpr int rowHeight = 16;
    static constexpr int axisHeight = 20;
    static constexpr int titleHeight = 20;

    explicit WaterfallPair(QWidget *parent = nullptr);

    void setRequests(const QString &titleA, std::vector<RequestSpan> a, const QString &titleB,
                     std::vector<RequestSpan> b);
    void clear();

    const PathRows &rows() const { return m_rows; }
    std::int64_t scaleNs() const { return m_scaleNs; }
    // The bar under a point: side 0 = A, 1 = B, and the span index; {-1, -1} when none.
    std::pair<int, int> spanAt(QPoint p) const;
    QString tooltipAt(QPoint p) const;
    void render(QPainter &painter, QSize size) const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int gutter() const;
    int panelTop(int side) const;
    double xOf(std::int64_t ns, int width) const;

    QString m_title[2];
    std::vector<RequestSpan> m_spans[2];
    std::int64_t m_start[2] = {0, 0};
    PathRows m_rows;
    std::int64_t m_scaleNs = 1;
};

} // namespace spanscope

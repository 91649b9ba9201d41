#pragma once

#include <QObject>

class QTreeView;

namespace spanscope {

// Keeps a tree's first column (a call path, a name) readable: it takes the room the other
// columns leave, as a stretched column would, but never less than minWidth; when the others need
// more (many columns, long translated headers), the view scrolls sideways instead of squeezing
// the names to nothing.
class PathColumn : public QObject {
public:
    static void keepReadable(QTreeView *view, int minWidth = 280);
    // Sizes the column now (after the other columns were resized to their contents).
    static void fit(QTreeView *view);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    PathColumn(QTreeView *view, int minWidth);
    QTreeView *m_view;
    int m_minWidth;
};

} // namespace spanscope

#include "pathcolumn.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTreeView>
#include <algorithm>

namespace spanscope {

PathColumn::PathColumn(QTreeView *view, int minWidth)
    : QObject(view), m_view(view), m_minWidth(minWidth) {}

void PathColumn::keepReadable(QTreeView *view, int minWidth) {
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    auto *keeper = new PathColumn(view, minWidth);
    keeper->setObjectName(QStringLiteral("spanscopePathColumn"));
    view->viewport()->installEventFilter(keeper);
    fit(view);
}

void PathColumn::fit(QTreeView *view) {
    const auto *keeper = view->findChild<PathColumn *>(QStringLiteral("spanscopePathColumn"),
                                                       Qt::FindDirectChildrenOnly);
    if (!keeper) return;
    int others = 0;
    for (int c = 1; c < view->header()->count(); ++c)
        if (!view->header()->isSectionHidden(c)) others += view->header()->sectionSize(c);
    const int room = view->viewport()->width() - others;
    view->setColumnWidth(0, std::max(keeper->m_minWidth, room));
}

bool PathColumn::eventFilter(QObject *, QEvent *event) {
    if (event->type() == QEvent::Resize) fit(m_view);
    return false;
}

} // namespace spanscope

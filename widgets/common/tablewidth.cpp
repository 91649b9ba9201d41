#include "tablewidth.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <algorithm>

namespace spanscope {

int tableWidth(const QTableView *table) {
    const QHeaderView *header = table->horizontalHeader();
    const QAbstractItemView *view = table; // QTableView hides the public sizeHintForColumn
    int width = 0;
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c)) continue;
        width += std::max(view->sizeHintForColumn(c), header->sectionSizeHint(c));
    }
    return width + 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width() +
           (table->verticalHeader()->isVisible() ? table->verticalHeader()->width() : 0);
}

} // namespace spanscope

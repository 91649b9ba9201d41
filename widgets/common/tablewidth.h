#pragma once

class QTableView;

namespace spanscope {

// The width a table needs to show every column at its contents' (or its header's) width, with
// its frame and vertical scroll bar: what a dock holding it should get at first show.
int tableWidth(const QTableView *table);

} // namespace spanscope

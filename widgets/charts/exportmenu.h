#pragma once

#include <QSize>
#include <QString>
#include <functional>

class QAbstractItemModel;
class QAbstractItemView;
class QMenu;
class QPainter;
class QWidget;

namespace spanscope::exporting {

// Writes a table (all rows of a flat model, or a tree depth-first with the names indented by
// two spaces a level) as CSV with a header row. Returns false when the file cannot be written.
bool writeCsv(const QAbstractItemModel &model, const QString &path);
// Saves a widget's look: PNG by grabbing it, SVG or PDF by painting it with `paint` into a
// QSvgGenerator or QPdfWriter of the widget's size.
bool writeImage(QWidget *widget, const QString &path,
                const std::function<void(QPainter &, QSize)> &paint);
// Adds "Export CSV..." for a table to a context menu (asks for the file).
void addCsvAction(QMenu *menu, QWidget *parent, const QAbstractItemModel *model,
                  const QString &suggestedName);

// Gives a table or tree view a context menu with "Export CSV..." of its model.
void addCsvMenu(QAbstractItemView *view, const QString &suggestedName);

} // namespace spanscope::exporting

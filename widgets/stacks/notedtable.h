#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace spanscope {

// A flat table under a wrapped note that says what the rows are (or why there are none),
// with "Export CSV" on its context menu: the shape of the views of NAT's own reports.
class NotedTable : public QWidget {
    Q_OBJECT
public:
    NotedTable(const QStringList &headers, const QString &csvName, QWidget *parent = nullptr);
    QTreeWidget *table() const { return m_table; }

protected:
    QLabel *m_note;
    QTreeWidget *m_table;
};

} // namespace spanscope

#include "notedtable.h"

#include "charts/exportmenu.h"

#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace spanscope {

NotedTable::NotedTable(const QStringList &headers, const QString &csvName, QWidget *parent)
    : QWidget(parent) {
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_table = new QTreeWidget;
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels(headers);
    exporting::addCsvMenu(m_table, csvName);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(4, 4, 4, 4);
    box->addWidget(m_note);
    box->addWidget(m_table, 1);
}

} // namespace spanscope

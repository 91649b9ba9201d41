#include "exportmenu.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

namespace spanscope::exporting {

namespace {

QString csvField(QString s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

void writeRows(const QAbstractItemModel &m, const QModelIndex &parent, int depth,
               QTextStream &out) {
    for (int r = 0; r < m.rowCount(parent); ++r) {
        QStringList fields;
        for (int c = 0; c < m.columnCount(parent); ++c) {
            QString v = m.index(r, c, parent).data().toString();
            if (c == 0) v = QString(depth * 2, QLatin1Char(' ')) + v;
            fields << csvField(v);
        }
        out << fields.join(QLatin1Char(',')) << '\n';
        const QModelIndex child = m.index(r, 0, parent);
        if (m.hasChildren(child)) writeRows(m, child, depth + 1, out);
    }
}

} // namespace

bool writeCsv(const QAbstractItemModel &model, const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    QTextStream out(&f);
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << csvField(model.headerData(c, Qt::Horizontal).toString());
    out << header.join(QLatin1Char(',')) << '\n';
    writeRows(model, {}, 0, out);
    return f.error() == QFile::NoError;
}

bool writeImage(QWidget *widget, const QString &path,
                const std::function<void(QPainter &, QSize)> &paint) {
    const QSize size = widget->size();
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(widget->windowTitle());
        QPainter p(&svg);
        paint(p, size);
        return p.end();
    }
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setResolution(72);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&pdf);
        paint(p, size);
        return p.end();
    }
    return widget->grab().save(path);
}

void addCsvAction(QMenu *menu, QWidget *parent, const QAbstractItemModel *model,
                  const QString &suggestedName) {
    menu->addAction(QObject::tr("Export CSV\u2026"), parent, [parent, model, suggestedName] {
        const QString path = QFileDialog::getSaveFileName(
            parent, QObject::tr("Export table"), suggestedName, QObject::tr("CSV (*.csv)"));
        if (!path.isEmpty()) writeCsv(*model, path);
    });
}

void addCsvMenu(QAbstractItemView *view, const QString &suggestedName) {
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, view,
                     [view, suggestedName](QPoint p) {
                         QMenu menu;
                         addCsvAction(&menu, view, view->model(), suggestedName);
                         menu.exec(view->viewport()->mapToGlobal(p));
                     });
}

} // namespace spanscope::exporting

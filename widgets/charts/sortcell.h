#pragma once

#include <QTableWidgetItem>

namespace spanscope {

// A table cell that sorts by the number in its Qt::UserRole (figures shown formatted, "-" for
// none) and by its text when it holds no number.
class SortCell : public QTableWidgetItem {
public:
    SortCell(const QString &text, double value) : QTableWidgetItem(text) {
        setData(Qt::UserRole, value);
    }
    explicit SortCell(const QString &text) : QTableWidgetItem(text) {}
    bool operator<(const QTableWidgetItem &other) const override {
        const QVariant a = data(Qt::UserRole), b = other.data(Qt::UserRole);
        if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
            return a.toDouble() < b.toDouble();
        return text() < other.text();
    }
};

} // namespace spanscope

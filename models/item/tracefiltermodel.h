#pragma once

#include <QSortFilterProxyModel>

namespace spanscope {

// Sorts a TraceTableModel by its raw numbers and filters it by text (name, session, trace or
// item key, case-insensitive) and by a minimum duration.
class TraceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TraceFilterModel(QObject *parent = nullptr);
    void setText(const QString &text);
    void setMinimumDurationNs(qint64 ns);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    qint64 m_minDurationNs = 0;
};

} // namespace spanscope

#pragma once

#include <QWidget>
#include <cstdint>

class QDoubleSpinBox;
class QLineEdit;
class QTableView;

namespace spanscope {

class TraceFilterModel;
class TraceTableModel;

// A run's requests (traces) as a sortable table with a text filter and a minimum duration;
// activating a row (double-click, Enter) opens that request's waterfall.
class RequestsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RequestsPanel(TraceTableModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    TraceFilterModel *filter() const { return m_filter; }
    void setFilterText(const QString &text);
    void setMinimumDurationSeconds(double seconds);
    // Selects the row of a request (index in request order) without opening it.
    void selectRequest(int requestIndex);

signals:
    void requestActivated(int requestIndex); // index in the run's request order
    void requestSelected(int requestIndex);  // the current row moved to it

private:
    TraceTableModel *m_model;
    TraceFilterModel *m_filter;
    QLineEdit *m_text;
    QDoubleSpinBox *m_minDuration;
    QTableView *m_table;
};

} // namespace spanscope

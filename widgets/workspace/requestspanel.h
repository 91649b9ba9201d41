#pragma once

#include <QFuture>
#include <QList>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTableView;

namespace spanscope {

class TraceFilterModel;
class TraceTableModel;
struct TraceRow;
template <typename T> class LatestResult;

// A run's requests (traces) as a sortable table with a text filter and a minimum duration;
// activating a row (double-click, Enter) opens that request's waterfall. The text matches the
// requests' own fields and anything their spans carry (names, models, attributes), searched
// on a worker once typing pauses; "7 of 24" says what passed, and the timeline is told which
// requests to keep bright (issue 13, item 15).
class RequestsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RequestsPanel(TraceTableModel *model, QWidget *parent = nullptr);
    ~RequestsPanel() override;
    QTableView *table() const { return m_table; }
    TraceFilterModel *filter() const { return m_filter; }
    void setFilterText(const QString &text);
    void setMinimumDurationSeconds(double seconds);
    // Selects the row of a request (index in request order) without opening it.
    void selectRequest(int requestIndex);
    QString countText() const;
    bool filtering() const; // a text search still running
    // Reads the shown run's requests again on a worker (a live run grew) and updates the
    // table in place: selection, sort and scroll position stay. One read at a time.
    void refreshRun();
    bool refreshing() const;
signals:
    void requestActivated(int requestIndex); // index in the run's request order
    void requestSelected(int requestIndex);  // the current row moved to it
    // Which requests pass the filter, by request index; empty when nothing is filtered.
    void requestsFiltered(const std::vector<bool> &shown);

private:
    void applyText();     // the text as typed, with its span matches once they are found
    void filterChanged(); // the count, and the requests the timeline keeps bright

    TraceTableModel *m_model;
    QLabel *m_count;
    QTimer *m_typing;
    std::uint64_t m_textJobs = 0; // a text's matches count only if no newer text came
    QList<QFuture<void>> m_pending;
    int m_running = 0;
    TraceFilterModel *m_filter;
    QLineEdit *m_text;
    QDoubleSpinBox *m_minDuration;
    QTableView *m_table;
    std::unique_ptr<LatestResult<std::vector<TraceRow>>> m_rows;
};

} // namespace spanscope

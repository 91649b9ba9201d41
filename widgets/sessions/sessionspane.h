#pragma once

#include <QPoint>
#include <QWidget>
#include <memory>
#include <vector>

class QCPGraph;
class QCustomPlot;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTreeWidget;

namespace spanscope {

class SessionTableModel;
struct RunAnalysis;

// Slow requests and sessions: request latency against start time (a colour per session when
// the run has session ids), median and p95 lines, outliers (above Q3 + 1.5 IQR) ringed, the
// latency histogram beside it sharing its axis, with the profiler's workflow-runtime forecast
// band; a table of sessions; a list of the requests picked by a box-select, a session row or
// a click. Activating a request opens its waterfall with the critical path outlined.
class SessionsPane : public QWidget {
    Q_OBJECT
public:
    explicit SessionsPane(QWidget *parent = nullptr);

    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis); // null clears
    // Lists these requests (trace indexes) below the charts.
    void listRequests(const std::vector<std::int32_t> &traces);
    const std::vector<std::int32_t> &listedRequests() const { return m_listed; }
    // The trace of a scatter point (graph and data index), -1 when there is none.
    std::int32_t traceOfPoint(const QCPGraph *graph, int dataIndex) const;
    // The trace of the point nearest to a position of the scatter, -1 when none is near.
    std::int32_t traceAt(QPointF pos) const;

    QCustomPlot *scatter() const { return m_scatter; }
    QCustomPlot *histogram() const { return m_histogram; }
    QTableView *sessionTable() const { return m_sessions; }
    SessionTableModel *sessionModel() const { return m_sessionModel; }
    QTreeWidget *requestList() const { return m_requests; }
    std::int32_t outlierCount() const { return m_outliers; }

signals:
    void requestActivated(std::int32_t trace);

private:
    void fillScatter();
    void fillHistogram();
    void fillSessions();
    void collectSelection();

    std::shared_ptr<const RunAnalysis> m_a;
    // Per scatter graph, the trace of each data point (points added sorted by start).
    std::vector<std::pair<const QCPGraph *, std::vector<std::int32_t>>> m_pointTraces;
    std::vector<std::int32_t> m_listed;
    std::int32_t m_outliers = 0;
    QPoint m_pressedAt;
    QCustomPlot *m_scatter;
    QCustomPlot *m_histogram;
    QTableView *m_sessions;
    SessionTableModel *m_sessionModel;
    QSortFilterProxyModel *m_sessionProxy;
    QTreeWidget *m_requests;
    QLabel *m_summary;
};

} // namespace spanscope

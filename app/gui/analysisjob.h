#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace spanscope {

struct RunAnalysis;
struct TimelineSpans;

// Computes a run's analysis (RunAnalysis: stacks, concurrency, sessions, tokens, NAT's view)
// on a worker thread with its own workspace connection, from the span columns the timeline
// has loaded. Only the newest request's result is delivered.
class AnalysisJob : public QObject {
    Q_OBJECT
public:
    explicit AnalysisJob(QString workspacePath, QObject *parent = nullptr);
    ~AnalysisJob() override; // waits for running workers

    void start(std::int64_t runId, std::shared_ptr<const TimelineSpans> spans);
    void clear(); // drops any running request
    bool busy() const { return m_running > 0; }

signals:
    void ready(std::shared_ptr<const spanscope::RunAnalysis> analysis);
    void failed(const QString &message);

private:
    QString m_path;
    std::uint64_t m_generation = 0;
    int m_running = 0;
    QList<QFuture<void>> m_pending;
};

} // namespace spanscope

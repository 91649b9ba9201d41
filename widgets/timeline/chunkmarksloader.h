#pragma once

#include "timelinepainter.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <memory>
#include <unordered_map>
#include <vector>

class QTimer;

namespace spanscope {

class TimelineView;

// Reads the chunk series of streamed calls for the timeline's bars (issue 13, item 10): once
// the view settles, the bars drawn 24 px wide or more that were not asked for yet, a batch of
// 256 at a time, on a worker with its own workspace connection; the view draws what has come.
class ChunkMarksLoader : public QObject {
    Q_OBJECT
public:
    explicit ChunkMarksLoader(TimelineView *view, QObject *parent = nullptr);
    ~ChunkMarksLoader() override; // waits for a batch still running

    // Another run (null spans: none): what was read is forgotten, a batch still running for
    // the run before is dropped when it returns.
    void setRun(const QString &workspacePath, std::shared_ptr<const TimelineSpans> spans);
    const std::unordered_map<std::int32_t, ChunkMarks> &marks() const { return m_marks; }

private:
    void fetch();

    TimelineView *m_view;
    QString m_path;
    std::shared_ptr<const TimelineSpans> m_spans;
    std::unordered_map<std::int32_t, ChunkMarks> m_marks;
    std::vector<bool> m_asked; // by span
    QTimer *m_settle;
    std::uint64_t m_generation = 0; // the run a batch was asked for
    bool m_reading = false;
    QFuture<void> m_batch;
};

} // namespace spanscope

#include "chunkmarksloader.h"

#include "store/chunkseries.h"
#include "store/workspace.h"
#include "timelineview.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace spanscope {

namespace {
using Batch = std::vector<std::pair<std::int32_t, ChunkMarks>>;
} // namespace

ChunkMarksLoader::ChunkMarksLoader(TimelineView *view, QObject *parent)
    : QObject(parent), m_view(view) {
    m_view->setChunkMarks(&m_marks);
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(120);
    connect(m_settle, &QTimer::timeout, this, &ChunkMarksLoader::fetch);
    connect(m_view, &TimelineView::viewportChanged, m_settle, qOverload<>(&QTimer::start));
}

ChunkMarksLoader::~ChunkMarksLoader() {
    m_batch.waitForFinished();
}

void ChunkMarksLoader::setRun(const QString &workspacePath,
                              std::shared_ptr<const TimelineSpans> spans) {
    ++m_generation;
    m_reading = false;
    m_path = workspacePath;
    m_spans = std::move(spans);
    m_marks.clear();
    m_asked.assign(m_spans ? m_spans->size() : 0, false);
    if (m_spans) m_settle->start();
}

void ChunkMarksLoader::fetch() {
    if (!m_spans || m_reading) return;
    std::vector<std::pair<std::int32_t, std::int64_t>> wanted; // span, row id
    for (const TimelineRect &r : m_view->lastFrame().rects()) {
        const auto i = static_cast<std::size_t>(r.span);
        if (r.count != 1 || r.w < 24 || i >= m_asked.size() || m_asked[i]) continue;
        m_asked[i] = true;
        wanted.push_back({r.span, m_spans->spanId[i]});
        if (wanted.size() == 256) break;
    }
    if (wanted.empty()) return;
    m_reading = true;
    auto future = QtConcurrent::run([path = m_path, spans = m_spans, wanted] {
        Batch out;
        try {
            const Workspace ws(path);
            for (const auto &[span, id] : wanted) {
                ChunkSeries c = ChunkSeries::read(ws, id, false);
                if (c.count <= 0) continue;
                ChunkMarks m;
                m.first = c.firstNs;
                const std::int64_t start = spans->start[static_cast<std::size_t>(span)];
                for (const std::int64_t offset : c.offsetsNs)
                    m.at.push_back(start + offset);
                out.push_back({span, std::move(m)});
            }
        } catch (const std::exception &) {
            // Marks are a nicety: a busy or damaged workspace leaves the bars plain.
        }
        return out;
    });
    m_batch = QFuture<void>(future);
    auto *watcher = new QFutureWatcher<Batch>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation = m_generation] {
                watcher->deleteLater();
                if (generation != m_generation) return; // for the run before
                m_reading = false;
                Batch read = watcher->result();
                for (auto &[span, marks] : read)
                    m_marks.emplace(span, std::move(marks));
                if (!read.empty()) m_view->update();
                m_settle->start(); // more wide bars than one batch
            });
    watcher->setFuture(future);
}

} // namespace spanscope

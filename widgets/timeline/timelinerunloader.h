#pragma once

#include "analysis/timelinelayout.h"
#include "timelinepainter.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace spanscope {

// A run as the timeline opens it, read on a worker thread.
struct LoadedRun {
    std::shared_ptr<TimelineSpans> spans;
    std::shared_ptr<TimelineLayout> layout;
    QString emptyNotice;              // what the run holds instead of spans
    int unfinished = 0;               // spans that never ended
    std::vector<GroupLabel> requests; // by request index, for the lane groups and the header
};

// Search hits: a flag per span and the hit spans in time order.
struct SearchHits {
    std::vector<bool> flags;
    std::vector<std::int32_t> order;
};

// The timeline pane's work off the UI thread, each call on its own workspace connection to
// the file at `path`: opening a run, searching it. Also the notices shown instead of spans.
class TimelineRunLoader {
public:
    // The run's spans, a first layout (packed when it has more requests than `rowsShown`
    // rows, so the whole run shows at a glance), leaving out spans with `hideFlags`.
    static LoadedRun load(const QString &path, std::int64_t runId, int rowsShown,
                          std::uint8_t hideFlags);
    static SearchHits search(const QString &path, std::int64_t runId, const TimelineSpans &spans,
                             const std::string &needle);
    // What an empty workspace can be given: the links are handled by the main window.
    static QString welcomeNotice();
};

} // namespace spanscope

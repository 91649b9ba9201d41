#pragma once

// Hand-built runs for the analysis tests: spans given by trace, parent, name and times, laid out
// as RunQueries::timelineSpans lays them out (by trace, then start; at equal starts the longer
// first), so indexes in a test are the order the spans are added in when that order is already
// sorted.

#include "analysis/timelinespans.h"
#include "core/category.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace testsupport {

class HandSpans {
public:
    // Adds a span and returns its index. `parent` is the index of an earlier-added span, or -1.
    int add(int trace, int parent, const std::string &name, std::int64_t start, std::int64_t end,
            spanscope::Category category = spanscope::Category::Function, std::uint8_t flags = 0) {
        auto it = std::find(m_s.names.begin(), m_s.names.end(), name);
        if (it == m_s.names.end()) it = m_s.names.insert(m_s.names.end(), name);
        m_s.start.push_back(start);
        m_s.end.push_back(end);
        m_s.parent.push_back(parent);
        m_s.trace.push_back(trace);
        m_s.category.push_back(static_cast<std::uint8_t>(category));
        m_s.flags.push_back(flags);
        m_s.nameId.push_back(static_cast<std::uint32_t>(it - m_s.names.begin()));
        m_s.spanId.push_back(static_cast<std::int64_t>(m_s.size()) + 100);
        m_s.traceCount = std::max(m_s.traceCount, trace + 1);
        return static_cast<int>(m_s.size()) - 1;
    }
    // The columns; fails (returns empty) if the spans were not added in the loader's order.
    const spanscope::TimelineSpans &spans() const { return m_s; }
    bool sortedLikeTheLoader() const {
        for (std::size_t i = 1; i < m_s.size(); ++i) {
            if (m_s.trace[i] != m_s.trace[i - 1]) {
                if (m_s.trace[i] < m_s.trace[i - 1]) return false;
                continue;
            }
            if (m_s.start[i] < m_s.start[i - 1]) return false;
        }
        return true;
    }

private:
    spanscope::TimelineSpans m_s;
};

} // namespace testsupport

#include "tracelinker.h"

#include "core/category.h"
#include "core/importreport.h"
#include "core/records.h"
#include "core/tracetotals.h"
#include "statement.h"
#include "workspace.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

namespace spanscope {

void TraceLinker::link(std::int64_t firstTraceId, std::int64_t lastTraceId) {
    linkRanges({{firstTraceId, lastTraceId}}, {firstTraceId, lastTraceId});
}

void TraceLinker::linkTraces(const std::vector<std::int64_t> &traceIds, Range run) {
    // Consecutive ids as one range: a commit's new traces are mostly a run of fresh ids, read by
    // one query instead of one each.
    std::vector<Range> ranges;
    for (const std::int64_t id : traceIds) {
        if (!ranges.empty() && ranges.back().last + 1 == id)
            ranges.back().last = id;
        else if (ranges.empty() || ranges.back().last != id)
            ranges.push_back({id, id});
    }
    linkRanges(ranges, run);
}

// Duplicate span ids are looked for in the walk, which reads every key anyway, rather than by a
// query over the run (that needed an index on (trace, span id) kept up for every span imported);
// the few traces that have them are left for the walk after they are settled.
void TraceLinker::linkRanges(const std::vector<Range> &ranges, Range run) {
    const std::vector<Range> again = walkTraces(ranges, run, true);
    if (!again.empty()) {
        settleDuplicates(again);
        walkTraces(again, run, false);
    }
    m_findings.report(m_report);
    m_findings = {};
}

void TraceLinker::settleDuplicates(const std::vector<Range> &ranges) {
    struct Dup {
        std::int64_t trace;
        std::string key;
    };
    std::vector<Dup> dups;
    {
        Statement st(m_ws.handle(),
                     "SELECT trace_id, span_key FROM spans WHERE trace_id BETWEEN ? AND ? "
                     "GROUP BY trace_id, span_key HAVING count(*) > 1");
        for (const Range &r : ranges) {
            st.bind(1, r.first).bind(2, r.last);
            while (st.step())
                dups.push_back({st.int64(0), st.text(1)});
            st.reset();
        }
    }
    Statement rows(
        m_ws.handle(),
        "SELECT id, name, start_ns, end_ns, coalesce(attributes, ''), coalesce(parent_key, '') "
        "FROM spans WHERE trace_id = ? AND span_key = ? ORDER BY id");
    Statement rename(m_ws.handle(), "UPDATE spans SET span_key = ? WHERE id = ?");
    std::vector<Statement> drop;
    for (const char *sql :
         {"DELETE FROM span_payloads WHERE span_id = ?", "DELETE FROM events WHERE span_id = ?",
          "DELETE FROM spans WHERE id = ?"})
        drop.emplace_back(m_ws.handle(), sql);
    for (const Dup &d : dups) {
        struct Row {
            std::int64_t id;
            std::string content;
        };
        std::vector<Row> group;
        rows.bind(1, d.trace).bind(2, std::string_view(d.key));
        while (rows.step())
            group.push_back({rows.int64(0), rows.text(1) + '\0' + std::to_string(rows.int64(2)) +
                                                '\0' + std::to_string(rows.int64(3)) + '\0' +
                                                rows.text(4) + '\0' + rows.text(5)});
        rows.reset();
        int renamed = 0;
        for (std::size_t i = 1; i < group.size(); ++i) {
            const bool same =
                std::any_of(group.begin(), group.begin() + static_cast<std::ptrdiff_t>(i),
                            [&](const Row &r) { return r.content == group[i].content; });
            if (same) {
                for (Statement &st : drop)
                    st.bind(1, group[i].id).run();
                m_report.warn("duplicate-span", "span " + d.key +
                                                    " appears more than once with the same "
                                                    "content; imported once");
            } else {
                const std::string key = d.key + "#" + std::to_string(++renamed);
                rename.bind(1, std::string_view(key)).bind(2, group[i].id).run();
                m_report.warn("conflicting-span-id", "two different spans share the id " + d.key +
                                                         "; the later one is kept as " + key);
            }
        }
    }
}

std::int64_t TraceLinker::earliestTimedStart(Range run) {
    Statement st(m_ws.handle(), "SELECT min(start_ns) FROM spans WHERE trace_id BETWEEN ? AND ? "
                                "AND (flags & ?) = 0");
    st.bind(1, run.first).bind(2, run.last).bind(3, static_cast<int>(SpanUntimed));
    return st.step() ? st.optInt64(0).value_or(0) : 0;
}

std::vector<TraceLinker::Range> TraceLinker::walkTraces(const std::vector<Range> &ranges, Range run,
                                                        bool leaveDuplicates) {
    Statement spans(
        m_ws.handle(),
        "SELECT id, trace_id, coalesce(parent_id, 0), parent_key IS NOT NULL, category, flags, "
        "coalesce(input_tokens, 0), coalesce(output_tokens, 0), start_ns, end_ns, name, "
        "span_key, coalesce(parent_key, '') "
        "FROM spans WHERE trace_id BETWEEN ? AND ? ORDER BY trace_id");
    Statement updateSpan(m_ws.handle(), "UPDATE spans SET parent_id = ?, flags = ? WHERE id = ?");
    Statement updateTimes(m_ws.handle(), "UPDATE spans SET start_ns = ?, end_ns = ? WHERE id = ?");
    std::optional<std::int64_t> runStart; // asked for only when a trace has no timed span
    const auto askRunStart = [&]() -> std::optional<std::int64_t> {
        if (!runStart) runStart = earliestTimedStart(run);
        return runStart;
    };
    Statement updateTrace(
        m_ws.handle(),
        "UPDATE traces SET name = ?, start_ns = ?, end_ns = ?, span_count = ?, llm_calls = ?, "
        "input_tokens = ?, output_tokens = ?, error_count = ?, unfinished_count = ? "
        "WHERE id = ?");
    // A row as read: the nodes view its strings once the trace's rows are all in.
    struct Row {
        std::int64_t parentId = 0; // 0 = NULL
        int flags = 0;
        std::string name, key, parentKey;
    };
    std::vector<Row> rows;
    std::vector<TraceNode> nodes;
    TraceFinish finisher;
    std::vector<Range> duplicates;

    const auto finishTrace = [&](std::int64_t traceId) {
        if (nodes.empty()) return;
        for (TraceNode &n : nodes) {
            const Row &r = rows[n.source];
            n.name = r.name;
            n.key = r.key;
            n.parentKey = r.parentKey;
        }
        TraceFinish::order(nodes);
        const TraceFinish::Result result =
            finisher.finish(nodes, askRunStart, leaveDuplicates, m_findings);
        if (result.outcome == TraceFinish::Outcome::Duplicates) {
            // Finished, and counted in the report, once settled.
            duplicates.push_back({traceId, traceId});
        } else {
            for (const TraceNode &n : nodes) {
                const Row &r = rows[n.source];
                if (n.flags & SpanUntimed)
                    updateTimes.bind(1, n.start).bind(2, n.end).bind(3, n.id).run();
                const std::int64_t parentId =
                    n.parent >= 0 ? nodes[static_cast<std::size_t>(n.parent)].id : 0;
                if (parentId == r.parentId && n.flags == r.flags) continue;
                if (parentId)
                    updateSpan.bind(1, parentId);
                else
                    updateSpan.bindNull(1);
                updateSpan.bind(2, n.flags).bind(3, n.id).run();
            }
            updateTrace.bind(1, result.name);
            bindTotals(updateTrace, 2, result.totals);
            updateTrace.bind(10, traceId).run();
        }
        nodes.clear();
        rows.clear();
    };

    std::int64_t current = -1;
    for (const Range &r : ranges) {
        spans.bind(1, r.first).bind(2, r.last);
        while (spans.step()) {
            const std::int64_t trace = spans.int64(1);
            if (trace != current) {
                finishTrace(current);
                current = trace;
            }
            TraceNode n;
            n.id = spans.int64(0);
            n.hadParentKey = spans.int64(3) != 0;
            n.category = static_cast<Category>(spans.int64(4));
            n.flags = static_cast<int>(spans.int64(5));
            n.in = spans.int64(6);
            n.out = spans.int64(7);
            n.start = spans.int64(8);
            n.end = spans.int64(9);
            n.source = rows.size();
            nodes.push_back(n);
            rows.push_back(
                {spans.int64(2), n.flags, spans.text(10), spans.text(11), spans.text(12)});
        }
        spans.reset();
    }
    finishTrace(current);
    return duplicates;
}

} // namespace spanscope

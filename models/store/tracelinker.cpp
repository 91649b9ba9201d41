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

namespace {

struct Node {
    std::int64_t id = 0;
    int parent = -1; // local index
    bool hadParentKey = false;
    Category category = Category::Other;
    int flags = 0;
    int originalFlags = 0;
    std::int64_t originalParentId = 0; // 0 = NULL
    std::int64_t in = 0, out = 0, start = 0, end = 0;
    std::string name;
    std::string key, parentKey;
};

} // namespace

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
    m_orphans = m_untimed = m_skewed = 0;
    const std::vector<Range> again = walkTraces(ranges, run, true);
    if (!again.empty()) {
        settleDuplicates(again);
        walkTraces(again, run, false);
    }
    // Once for both walks, so each message gives the whole count.
    if (m_orphans)
        m_report.warn("orphan-spans",
                      std::to_string(m_orphans) + " spans name a parent that is not in the input; "
                                                  "attached to their trace's root",
                      m_orphans);
    if (m_untimed)
        m_report.warn("untimed-spans",
                      std::to_string(m_untimed) +
                          " spans have no start time in the input; placed at their parent's start "
                          "with no duration and flagged 'no timing'",
                      m_untimed);
    if (m_skewed) m_report.note("spans outside their parent's interval (clock skew)", m_skewed);
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
        "FROM spans WHERE trace_id BETWEEN ? AND ? ORDER BY trace_id, start_ns");
    Statement updateSpan(m_ws.handle(), "UPDATE spans SET parent_id = ?, flags = ? WHERE id = ?");
    Statement updateTimes(m_ws.handle(), "UPDATE spans SET start_ns = ?, end_ns = ? WHERE id = ?");
    std::optional<std::int64_t> runStart; // asked for only when a trace has no timed span
    Statement updateTrace(
        m_ws.handle(),
        "UPDATE traces SET name = ?, start_ns = ?, end_ns = ?, span_count = ?, llm_calls = ?, "
        "input_tokens = ?, output_tokens = ?, error_count = ?, unfinished_count = ? "
        "WHERE id = ?");
    std::vector<Node> nodes;
    std::unordered_map<std::string, int> byKey;
    std::vector<Range> duplicates;

    const auto finishTrace = [&](std::int64_t traceId) {
        if (nodes.empty()) return;
        // Parents from the keys, every time: a parent that arrived since the last link is found,
        // and what the last link derived (orphan, wrapping LLM) is derived again. Of two spans
        // with one id, the first written is the parent (settleDuplicates renames the other).
        byKey.clear();
        bool duplicate = false;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const auto [it, isNew] = byKey.try_emplace(nodes[i].key, static_cast<int>(i));
            if (!isNew) {
                duplicate = true;
                if (nodes[i].id < nodes[static_cast<std::size_t>(it->second)].id)
                    it->second = static_cast<int>(i);
            }
        }
        if (duplicate) {
            duplicates.push_back({traceId, traceId});
            if (leaveDuplicates) { // finished, and counted in the report, once settled
                nodes.clear();
                return;
            }
        }
        for (Node &n : nodes) {
            n.flags &= ~(SpanOrphan | SpanInnerLlm);
            const auto it = n.hadParentKey ? byKey.find(n.parentKey) : byKey.end();
            n.parent = it == byKey.end() ? -1 : it->second;
            if (n.hadParentKey && n.parent < 0) n.flags |= SpanOrphan;
        }
        // Break parent cycles so every walk up the tree ends.
        std::vector<std::uint8_t> state(nodes.size(), 0);
        std::vector<int> path;
        for (std::size_t s = 0; s < nodes.size(); ++s) {
            path.clear();
            for (int i = static_cast<int>(s); i >= 0 && state[static_cast<std::size_t>(i)] == 0;) {
                state[static_cast<std::size_t>(i)] = 1;
                path.push_back(i);
                int &parent = nodes[static_cast<std::size_t>(i)].parent;
                if (parent >= 0 && state[static_cast<std::size_t>(parent)] == 1) {
                    m_report.warn("parent-cycle", "span " +
                                                      nodes[static_cast<std::size_t>(i)].name +
                                                      " is its own ancestor; made it a root");
                    parent = -1;
                }
                i = parent;
            }
            for (int k : path)
                state[static_cast<std::size_t>(k)] = 2;
        }
        // Spans without a time sit at their nearest timed ancestor's start, with no duration
        // (where Zipkin's UI draws them), else at the trace's (or the run's) earliest time.
        std::optional<std::int64_t> traceStart;
        for (const Node &n : nodes)
            if (!(n.flags & SpanUntimed))
                traceStart = std::min(traceStart.value_or(n.start), n.start);
        for (Node &n : nodes) {
            if (!(n.flags & SpanUntimed)) continue;
            int p = n.parent;
            for (std::size_t guard = 0;
                 p >= 0 && (nodes[static_cast<std::size_t>(p)].flags & SpanUntimed) &&
                 guard < nodes.size();
                 ++guard)
                p = nodes[static_cast<std::size_t>(p)].parent;
            if (p < 0 || (nodes[static_cast<std::size_t>(p)].flags & SpanUntimed)) {
                if (!traceStart && !runStart) runStart = earliestTimedStart(run);
            }
            n.start = p >= 0 && !(nodes[static_cast<std::size_t>(p)].flags & SpanUntimed)
                          ? nodes[static_cast<std::size_t>(p)].start
                          : traceStart.value_or(runStart.value_or(0));
            n.end = n.start;
            updateTimes.bind(1, n.start).bind(2, n.end).bind(3, n.id).run();
            ++m_untimed;
        }
        // Orphans hang under the trace's root (its earliest span without a parent), when it has
        // one; a span with a time is preferred over one placed without.
        int root = -1;
        for (const bool timedOnly : {true, false})
            for (std::size_t i = 0; i < nodes.size() && root < 0; ++i)
                if (nodes[i].parent < 0 && !(nodes[i].flags & SpanOrphan) &&
                    (!timedOnly || !(nodes[i].flags & SpanUntimed)))
                    root = static_cast<int>(i);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            Node &n = nodes[i];
            if (!(n.flags & SpanOrphan)) continue;
            ++m_orphans;
            if (root >= 0 && root != static_cast<int>(i)) n.parent = root;
        }
        // LLM spans that wrap another LLM span: count calls and tokens once, on the inner one.
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].category != Category::Llm) continue;
            int p = nodes[i].parent;
            for (std::size_t guard = 0; p >= 0 && guard < nodes.size(); ++guard) {
                Node &a = nodes[static_cast<std::size_t>(p)];
                if (a.category == Category::Llm) a.flags |= SpanInnerLlm;
                p = a.parent;
            }
        }
        TraceTotals totals;
        for (Node &n : nodes) {
            totals.add(n.category, n.flags, n.start, n.end, n.in, n.out);
            if (n.parent >= 0 && !(n.flags & SpanOrphan)) {
                const Node &p = nodes[static_cast<std::size_t>(n.parent)];
                if (n.start < p.start || n.end > p.end) ++m_skewed;
            }
            const std::int64_t parentId =
                n.parent >= 0 ? nodes[static_cast<std::size_t>(n.parent)].id : 0;
            if (parentId != n.originalParentId || n.flags != n.originalFlags) {
                if (parentId)
                    updateSpan.bind(1, parentId);
                else
                    updateSpan.bindNull(1);
                updateSpan.bind(2, n.flags).bind(3, n.id).run();
            }
        }
        updateTrace
            .bind(1, std::string_view(root >= 0 ? nodes[static_cast<std::size_t>(root)].name
                                                : nodes.front().name))
            .bind(2, totals.start)
            .bind(3, totals.end)
            .bind(4, totals.spans)
            .bind(5, totals.llmCalls)
            .bind(6, totals.inputTokens)
            .bind(7, totals.outputTokens)
            .bind(8, totals.errors)
            .bind(9, totals.unfinished)
            .bind(10, traceId)
            .run();
        nodes.clear();
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
            Node n;
            n.id = spans.int64(0);
            n.originalParentId = spans.int64(2);
            n.hadParentKey = spans.int64(3) != 0;
            n.category = static_cast<Category>(spans.int64(4));
            n.flags = n.originalFlags = static_cast<int>(spans.int64(5));
            n.in = spans.int64(6);
            n.out = spans.int64(7);
            n.start = spans.int64(8);
            n.end = spans.int64(9);
            n.name = spans.text(10);
            n.key = spans.text(11);
            n.parentKey = spans.text(12);
            nodes.push_back(std::move(n));
        }
        spans.reset();
    }
    finishTrace(current);
    return duplicates;
}

} // namespace spanscope

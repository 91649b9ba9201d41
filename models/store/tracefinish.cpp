#include "tracefinish.h"

#include "core/importreport.h"
#include "core/records.h"
#include "statement.h"

#include <algorithm>

namespace spanscope {

TraceNode TraceNode::of(const LooseSpanRecord &l, std::int64_t id, std::size_t source) {
    const SpanRecord &s = l.span;
    TraceNode n;
    n.id = id;
    n.hadParentKey = !l.parentKey.empty();
    n.category = s.category;
    n.flags = static_cast<int>(s.flags);
    n.in = s.inputTokens.value_or(0);
    n.out = s.outputTokens.value_or(0);
    n.start = s.startNs;
    n.end = s.endNs;
    n.source = source;
    n.name = s.name;
    n.key = s.key;
    n.parentKey = l.parentKey;
    return n;
}

void TraceFindings::add(const TraceFindings &other) {
    orphans += other.orphans;
    untimed += other.untimed;
    skewed += other.skewed;
    cycles.insert(cycles.end(), other.cycles.begin(), other.cycles.end());
}

void TraceFindings::report(ImportReport &report) const {
    for (const std::string &name : cycles)
        report.warn("parent-cycle", "span " + name + " is its own ancestor; made it a root");
    if (orphans)
        report.warn("orphan-spans",
                    std::to_string(orphans) + " spans name a parent that is not in the input; "
                                              "attached to their trace's root",
                    orphans);
    if (untimed)
        report.warn("untimed-spans",
                    std::to_string(untimed) +
                        " spans have no start time in the input; placed at their parent's start "
                        "with no duration and flagged 'no timing'",
                    untimed);
    if (skewed) report.note("spans outside their parent's interval (clock skew)", skewed);
}

void TraceFinish::order(std::vector<TraceNode> &nodes) {
    // A span without a time came with start 0 and keeps it until a link places it.
    const auto at = [](const TraceNode &n) { return n.flags & SpanUntimed ? 0 : n.start; };
    std::sort(nodes.begin(), nodes.end(), [&](const TraceNode &a, const TraceNode &b) {
        const std::int64_t sa = at(a), sb = at(b);
        return sa != sb ? sa < sb : a.id < b.id;
    });
}

bool TraceFinish::indexKeys(const std::vector<TraceNode> &nodes) {
    m_byKey.clear();
    bool duplicate = false;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto [it, isNew] = m_byKey.try_emplace(nodes[i].key, static_cast<int>(i));
        if (!isNew) {
            duplicate = true;
            if (nodes[i].id < nodes[static_cast<std::size_t>(it->second)].id)
                it->second = static_cast<int>(i);
        }
    }
    return duplicate;
}

void TraceFinish::resolveParents(std::vector<TraceNode> &nodes) {
    indexKeys(nodes);
    for (TraceNode &n : nodes) {
        const auto it = n.hadParentKey ? m_byKey.find(n.parentKey) : m_byKey.end();
        n.parent = it == m_byKey.end() ? -1 : it->second;
    }
}

TraceFinish::Result
TraceFinish::finish(std::vector<TraceNode> &nodes,
                    const std::function<std::optional<std::int64_t>()> &runStart,
                    bool leaveDuplicates, TraceFindings &findings) {
    Result result;
    if (nodes.empty()) return result;
    // Parents from the keys, every time: a parent that arrived since the last link is found,
    // and what the last link derived (orphan, wrapping LLM) is derived again.
    if (indexKeys(nodes) && leaveDuplicates) {
        result.outcome = Outcome::Duplicates;
        return result;
    }
    std::optional<std::int64_t> traceStart;
    for (const TraceNode &n : nodes)
        if (!(n.flags & SpanUntimed)) traceStart = std::min(traceStart.value_or(n.start), n.start);
    if (!traceStart) { // every span is without a time: they go to the run's earliest time
        traceStart = runStart();
        if (!traceStart) {
            result.outcome = Outcome::NeedsRunStart;
            return result;
        }
    }
    for (TraceNode &n : nodes) {
        n.flags &= ~(SpanOrphan | SpanInnerLlm);
        const auto it = n.hadParentKey ? m_byKey.find(n.parentKey) : m_byKey.end();
        n.parent = it == m_byKey.end() ? -1 : it->second;
        if (n.hadParentKey && n.parent < 0) n.flags |= SpanOrphan;
    }
    // Break parent cycles so every walk up the tree ends.
    m_state.assign(nodes.size(), 0);
    for (std::size_t s = 0; s < nodes.size(); ++s) {
        m_path.clear();
        for (int i = static_cast<int>(s); i >= 0 && m_state[static_cast<std::size_t>(i)] == 0;) {
            m_state[static_cast<std::size_t>(i)] = 1;
            m_path.push_back(i);
            int &parent = nodes[static_cast<std::size_t>(i)].parent;
            if (parent >= 0 && m_state[static_cast<std::size_t>(parent)] == 1) {
                findings.cycles.emplace_back(nodes[static_cast<std::size_t>(i)].name);
                parent = -1;
            }
            i = parent;
        }
        for (int k : m_path)
            m_state[static_cast<std::size_t>(k)] = 2;
    }
    // Spans without a time sit at their nearest timed ancestor's start, with no duration
    // (where Zipkin's UI draws them), else at the trace's (or the run's) earliest time.
    for (TraceNode &n : nodes) {
        if (!(n.flags & SpanUntimed)) continue;
        int p = n.parent;
        for (std::size_t guard = 0;
             p >= 0 && (nodes[static_cast<std::size_t>(p)].flags & SpanUntimed) &&
             guard < nodes.size();
             ++guard)
            p = nodes[static_cast<std::size_t>(p)].parent;
        n.start = p >= 0 && !(nodes[static_cast<std::size_t>(p)].flags & SpanUntimed)
                      ? nodes[static_cast<std::size_t>(p)].start
                      : *traceStart;
        n.end = n.start;
        ++findings.untimed;
    }
    // Orphans hang under the trace's root (its earliest span without a parent), when it has
    // one; a span with a time is preferred over one placed without.
    int &root = result.root;
    for (const bool timedOnly : {true, false})
        for (std::size_t i = 0; i < nodes.size() && root < 0; ++i)
            if (nodes[i].parent < 0 && !(nodes[i].flags & SpanOrphan) &&
                (!timedOnly || !(nodes[i].flags & SpanUntimed)))
                root = static_cast<int>(i);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        TraceNode &n = nodes[i];
        if (!(n.flags & SpanOrphan)) continue;
        ++findings.orphans;
        if (root >= 0 && root != static_cast<int>(i)) n.parent = root;
    }
    // LLM spans that wrap another LLM span: count calls and tokens once, on the inner one.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].category != Category::Llm) continue;
        int p = nodes[i].parent;
        for (std::size_t guard = 0; p >= 0 && guard < nodes.size(); ++guard) {
            TraceNode &a = nodes[static_cast<std::size_t>(p)];
            if (a.category == Category::Llm) a.flags |= SpanInnerLlm;
            p = a.parent;
        }
    }
    for (const TraceNode &n : nodes) {
        result.totals.add(n.category, n.flags, n.start, n.end, n.in, n.out);
        if (n.parent >= 0 && !(n.flags & SpanOrphan)) {
            const TraceNode &p = nodes[static_cast<std::size_t>(n.parent)];
            if (n.start < p.start || n.end > p.end) ++findings.skewed;
        }
    }
    result.name = root >= 0 ? nodes[static_cast<std::size_t>(root)].name : nodes.front().name;
    return result;
}

void bindTotals(Statement &st, int first, const TraceTotals &totals) {
    if (totals.spans > 0)
        st.bind(first, totals.start).bind(first + 1, totals.end);
    else
        st.bindNull(first).bindNull(first + 1);
    st.bind(first + 2, totals.spans)
        .bind(first + 3, totals.llmCalls)
        .bind(first + 4, totals.inputTokens)
        .bind(first + 5, totals.outputTokens)
        .bind(first + 6, totals.errors)
        .bind(first + 7, totals.unfinished);
}

} // namespace spanscope

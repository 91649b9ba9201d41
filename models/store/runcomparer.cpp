#include "runcomparer.h"

#include "analysis/spantree.h"
#include "runqueries.h"
#include "statement.h"
#include "storeerror.h"
#include "workspace.h"

#include <unordered_map>

namespace spanscope {

std::vector<PathSample> storedPathSamples(const Workspace &ws, std::int64_t runId,
                                          StackTree *stacksOut) {
    const RunQueries q(ws);
    const TimelineSpans spans = q.timelineSpans(runId);
    const SpanTokens tokens = q.spanTokens(runId, spans);
    StackTree stacks = buildStacks(spans, &tokens);
    const std::vector<std::int64_t> self = selfTimes(spans, SpanChildren::build(spans));
    std::vector<PathSample> samples = pathSamples(stacks, spans, self);
    if (stacksOut) *stacksOut = std::move(stacks);
    return samples;
}

std::vector<RequestSpan> requestSpans(const Workspace &ws, std::int64_t traceId) {
    std::vector<RequestSpan> spans;
    std::vector<std::int64_t> parentIds;
    Statement st(ws.handle(), "SELECT id, parent_id, name, category, start_ns, end_ns FROM spans "
                              "WHERE trace_id = ? ORDER BY start_ns, id");
    st.bind(1, traceId);
    std::unordered_map<std::int64_t, std::int32_t> index;
    while (st.step()) {
        RequestSpan s;
        s.id = st.int64(0);
        parentIds.push_back(st.isNull(1) ? 0 : st.int64(1));
        s.name = st.text(2);
        s.category = static_cast<std::uint8_t>(st.int64(3));
        s.startNs = st.int64(4);
        s.endNs = st.int64(5);
        index[s.id] = static_cast<std::int32_t>(spans.size());
        spans.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < spans.size(); ++i)
        if (const auto it = index.find(parentIds[i]); parentIds[i] && it != index.end())
            spans[i].parent = it->second;
    return spans;
}

StoredComparison compareStoredRuns(const Workspace &ws, std::int64_t runA, std::int64_t runB,
                                   const CompareOptions &options) {
    StoredComparison c;
    const auto a = ws.run(runA), b = ws.run(runB);
    if (!a) throw StoreError("no run " + std::to_string(runA) + " in the workspace");
    if (!b) throw StoreError("no run " + std::to_string(runB) + " in the workspace");
    c.a = *a;
    c.b = *b;
    const EvalQueries eval(ws);
    c.itemsA = eval.items(runA);
    c.itemsB = eval.items(runB);
    std::vector<CompareItem> itemsA, itemsB;
    for (const EvalItemRow &r : c.itemsA)
        itemsA.push_back(r.item);
    for (const EvalItemRow &r : c.itemsB)
        itemsB.push_back(r.item);
    c.result = compareRuns(itemsA, itemsB, storedPathSamples(ws, runA, &c.stacksA),
                           storedPathSamples(ws, runB, &c.stacksB), options);
    // What was run differently: the configurations NAT (1.4+) wrote beside the results.
    const RunQueries q(ws);
    for (const char *name :
         {"config_effective.yml", "config_original.yml", "config_metadata.json"}) {
        ConfigPair p{name, q.runFile(runA, name), q.runFile(runB, name)};
        if (p.a || p.b) c.configs.push_back(std::move(p));
    }
    return c;
}

} // namespace spanscope

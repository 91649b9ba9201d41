#include "runcomparer.h"

#include "analysis/spantree.h"
#include "runqueries.h"
#include "storeerror.h"
#include "workspace.h"

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
    return c;
}

} // namespace spanscope

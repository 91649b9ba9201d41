// Call stacks, self and wall time on small hand-built runs whose answers are worked out in the
// comments.
#include "analysis/callstacks.h"
#include "analysis/spantree.h"
#include "core/records.h"
#include "handspans.h"

#include <QTest>
#include <numeric>

using namespace spanscope;
using testsupport::HandSpans;

namespace {

// R [0,10] with parallel children A [1,5] and B [3,8]; A has C [2,4].
HandSpans parallelTree() {
    HandSpans h;
    const int r = h.add(0, -1, "R", 0, 10);
    const int a = h.add(0, r, "A", 1, 5);
    h.add(0, a, "C", 2, 4, Category::Llm);
    h.add(0, r, "B", 3, 8, Category::Tool);
    return h;
}

std::int32_t nodeByPath(const StackTree &t, const std::string &path) {
    for (std::size_t k = 0; k < t.nodes.size(); ++k)
        if (t.path(static_cast<std::int32_t>(k)) == path) return static_cast<std::int32_t>(k);
    return -1;
}

} // namespace

class TstCallStacks : public QObject {
    Q_OBJECT
private slots:
    void selfTimeSubtractsTheUnionOfChildren() {
        const HandSpans h = parallelTree();
        QVERIFY(h.sortedLikeTheLoader());
        const auto self = selfTimes(h.spans(), SpanChildren::build(h.spans()));
        // R: 10 - |[1,8]| = 3; A: 4 - |[2,4]| = 2; C: 2; B: 5 (its sibling A does not count).
        QCOMPARE(self, (std::vector<std::int64_t>{3, 2, 2, 5}));
    }

    void wallSharesSplitParallelTimeAndAddUpToTheUnion() {
        const HandSpans h = parallelTree();
        const auto wall = wallShares(h.spans());
        // 0-1 R; 1-2 A; 2-3 C; 3-4 C and B half each; 4-5 A and B half each; 5-8 B; 8-10 R.
        QCOMPARE(wall[0], 3.0);
        QCOMPARE(wall[1], 1.5);
        QCOMPARE(wall[2], 1.5);
        QCOMPARE(wall[3], 4.0);
        QCOMPARE(std::accumulate(wall.begin(), wall.end(), 0.0), 10.0);
    }

    void wallSharesOfSeveralRootsCoverTheirUnion() {
        // Two roots of one trace (a parent never arrived): [0,4] and [2,6], union 6.
        HandSpans h;
        h.add(0, -1, "X", 0, 4);
        h.add(0, -1, "Y", 2, 6);
        h.add(0, -1, "Z", 8, 8); // zero length: no time
        const auto wall = wallShares(h.spans());
        QCOMPARE(wall[0], 3.0); // 0-2 alone, 2-4 half
        QCOMPARE(wall[1], 3.0);
        QCOMPARE(wall[2], 0.0);
    }

    void pathsAggregateOverRequests() {
        HandSpans h;
        // Request 0: R [0,10] > A [1,5]; request 1: R [2,6] > A [3,4], A [3,6] (two calls).
        const int r0 = h.add(0, -1, "R", 0, 10);
        h.add(0, r0, "A", 1, 5);
        const int r1 = h.add(1, -1, "R", 2, 6);
        h.add(1, r1, "A", 3, 6);
        h.add(1, r1, "A", 3, 4);
        const StackTree t = buildStacks(h.spans());
        QCOMPARE(t.nodes.size(), std::size_t(2));
        QCOMPARE(t.roots.size(), std::size_t(1));
        const StackNode &a = t.nodes[static_cast<std::size_t>(nodeByPath(t, "R;A"))];
        QCOMPARE(a.calls, std::int64_t(3));
        QCOMPARE(a.totalNs, std::int64_t(4 + 3 + 1));
        QCOMPARE(a.maxNs, std::int64_t(4));
        // Durations 1, 3, 4: numpy's p50 = 3, p95 = 3 + 0.9 * (4 - 3) = 3.9 -> 4 ns rounded.
        QCOMPARE(a.p50Ns, std::int64_t(3));
        QCOMPARE(a.p95Ns, std::int64_t(4));
        // [1,5], [3,6], [3,4] all run at 3..4: three at once, across the two requests.
        QCOMPARE(a.maxConcurrency, 3);
        QCOMPARE(a.spans.front(), 1); // slowest first
        const StackNode &r = t.nodes[static_cast<std::size_t>(nodeByPath(t, "R"))];
        QCOMPARE(r.totalNs, std::int64_t(14));
        QCOMPARE(r.selfNs, std::int64_t(6 + 1)); // 10 - 4, 4 - |[3,6]|
        QCOMPARE(r.maxConcurrency, 2);
    }

    void recursionMakesDeeperPathsAndCountsOnceBottomUp() {
        HandSpans h;
        const int r = h.add(0, -1, "R", 0, 10);
        const int a1 = h.add(0, r, "agent", 1, 9);
        const int t = h.add(0, a1, "tool", 2, 6, Category::Tool);
        h.add(0, t, "agent", 3, 5);
        const StackTree tree = buildStacks(h.spans());
        QVERIFY(nodeByPath(tree, "R;agent;tool;agent") >= 0);
        QCOMPARE(tree.nodes.size(), std::size_t(4));
        const BottomUpTree b = buildBottomUp(tree);
        const auto agent = std::find_if(b.roots.begin(), b.roots.end(), [&](std::int32_t n) {
            return tree.names[b.nodes[static_cast<std::size_t>(n)].nameId] == "agent";
        });
        QVERIFY(agent != b.roots.end());
        const BottomUpNode &node = b.nodes[static_cast<std::size_t>(*agent)];
        QCOMPARE(node.calls, std::int64_t(2));
        QCOMPARE(node.totalNs, std::int64_t(8)); // the inner call lies within the outer one
        QCOMPARE(node.selfNs, std::int64_t((8 - 4) + 2));
        // Its callers: R (the outer call) and tool (the inner one).
        QCOMPARE(node.children.size(), std::size_t(2));
        // The top-level rows' self times add up to all self time.
        std::int64_t self = 0;
        for (const std::int32_t n : b.roots)
            self += b.nodes[static_cast<std::size_t>(n)].selfNs;
        QCOMPARE(self, std::int64_t(2 + 4 + 2 + 2));
    }

    void zeroLengthAndUnfinishedSpans() {
        HandSpans h;
        const int r = h.add(0, -1, "R", 0, 10);
        h.add(0, r, "Z", 4, 4);
        h.add(0, r, "U", 6, 10, Category::Llm, SpanUnfinished);
        const StackTree t = buildStacks(h.spans());
        const StackNode &z = t.nodes[static_cast<std::size_t>(nodeByPath(t, "R;Z"))];
        QCOMPARE(z.totalNs, std::int64_t(0));
        QCOMPARE(z.maxConcurrency, 1); // it was called, if only for an instant
        QCOMPARE(z.wallNs, 0.0);
        const StackNode &root = t.nodes[static_cast<std::size_t>(nodeByPath(t, "R"))];
        QCOMPARE(root.selfNs, std::int64_t(6)); // the unfinished call holds 6..10
    }

    void callsWithoutTokenCountsAddNothing() {
        const HandSpans h = parallelTree();
        SpanTokens tok;
        tok.input = {0, 0, 120, 0}; // only the LLM call has counts
        tok.output = {0, 0, 30, 0};
        const StackTree t = buildStacks(h.spans(), &tok);
        QCOMPARE(t.nodes[static_cast<std::size_t>(nodeByPath(t, "R;A;C"))].tokens(),
                 std::int64_t(150));
        QCOMPARE(t.nodes[static_cast<std::size_t>(nodeByPath(t, "R;B"))].tokens(), std::int64_t(0));
        const auto width = flameWidths(t, StackWeight::Tokens);
        QCOMPARE(width[static_cast<std::size_t>(nodeByPath(t, "R"))], 150.0);
    }

    void missingParentStartsItsOwnPath() {
        HandSpans h;
        const int r = h.add(0, -1, "R", 0, 10);
        h.add(0, r, "A", 1, 2);
        h.add(0, -1, "A", 3, 4); // its parent never arrived: a top-level path of its own
        const StackTree t = buildStacks(h.spans());
        QVERIFY(nodeByPath(t, "A") >= 0);
        QVERIFY(nodeByPath(t, "R;A") >= 0);
        QCOMPARE(t.roots.size(), std::size_t(2));
    }

    void childBeforeItsParentInTheColumns() {
        HandSpans h;
        // Clock skew: the child starts before its parent, so it comes first in the columns.
        h.add(0, 1, "child", 0, 3);
        h.add(0, -1, "parent", 1, 5);
        const StackTree t = buildStacks(h.spans());
        QVERIFY(nodeByPath(t, "parent;child") >= 0);
        QCOMPARE(t.nodes.size(), std::size_t(2));
    }

    void flameWidthsContainTheirChildren() {
        const HandSpans h = parallelTree();
        const StackTree t = buildStacks(h.spans());
        for (const StackWeight w : {StackWeight::Self, StackWeight::Wall, StackWeight::Calls}) {
            const auto width = flameWidths(t, w);
            for (std::size_t k = 0; k < t.nodes.size(); ++k) {
                double kids = 0;
                for (const std::int32_t c : t.nodes[k].children)
                    kids += width[static_cast<std::size_t>(c)];
                QVERIFY(kids <= width[k]);
            }
        }
        // Self: R's subtree holds 3 + 2 + 2 + 5 = 12 (parallel work counted per call); wall: 10.
        QCOMPARE(flameWidths(t, StackWeight::Self)[static_cast<std::size_t>(t.roots[0])], 12.0);
        QCOMPARE(flameWidths(t, StackWeight::Wall)[static_cast<std::size_t>(t.roots[0])], 10.0);
        QCOMPARE(flameWidths(t, StackWeight::Total)[static_cast<std::size_t>(t.roots[0])], 10.0);
    }

    void pathNamesKeepTheCollapsedFormatParseable() {
        HandSpans h;
        const int r = h.add(0, -1, "a;b", 0, 2);
        h.add(0, r, "c d", 0, 1);
        const StackTree t = buildStacks(h.spans());
        QVERIFY(nodeByPath(t, "a:b;c d") >= 0);
    }

    void deepNestingDoesNotRecurse() {
        HandSpans h;
        int parent = -1;
        for (int d = 0; d < 100000; ++d)
            parent = h.add(0, parent, d % 2 ? "a" : "b", d, 200000 - d);
        const StackTree t = buildStacks(h.spans());
        QCOMPARE(t.nodes.size(), std::size_t(100000));
        QCOMPARE(t.depthFirst().size(), std::size_t(100000));
        QCOMPARE(buildBottomUp(t).roots.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TstCallStacks)
#include "tst_callstacks.moc"

// Run comparison: item matching by hand, and two generated runs that differ only by an injected
// slowness in one tool and lowered scores on chosen items.
#include "analysis/pathrows.h"
#include "analysis/runcomparison.h"
#include "analysis/textdiff.h"
#include "store/runcomparer.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"

#include <QTest>
#include <algorithm>
#include <set>

using namespace spanscope;

namespace {

CompareItem item(std::string key, std::map<std::string, double> scores = {},
                 std::optional<double> latency = {}) {
    CompareItem i;
    i.key = std::move(key);
    i.scores = std::move(scores);
    i.latency = latency;
    return i;
}

} // namespace

class TstRunComparison : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void itemsMatchByIdThenOrder() {
        // A: ids 1, 2, 2 (two passes), x, and two items without an id; B: 2, 1, 3, 2 and one
        // without an id.
        const std::vector<CompareItem> a = {item("1"), item("2"), item("2"),
                                            item("x"), item(""),  item("")};
        const std::vector<CompareItem> b = {item("2"), item("1"), item("3"), item("2"), item("")};
        const auto pairs = matchItems(a, b);
        const std::vector<std::tuple<int, int, bool>> expected = {
            {0, 1, false},  {1, 0, false},  {2, 3, false}, {4, 4, true}, // matched, A's order
            {3, -1, false}, {5, -1, false},                              // only in A
            {-1, 2, false}};                                             // only in B
        QCOMPARE(pairs.size(), expected.size());
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            QCOMPARE(pairs[i].a, std::get<0>(expected[i]));
            QCOMPARE(pairs[i].b, std::get<1>(expected[i]));
            QCOMPARE(pairs[i].byOrder, std::get<2>(expected[i]));
        }
        const RunComparison r = compareRuns(a, b, {}, {});
        QCOMPARE(r.matched, 4);
        QCOMPARE(r.unmatchedA, (std::vector<std::int32_t>{3, 5}));
        QCOMPARE(r.unmatchedB, (std::vector<std::int32_t>{2}));
    }

    void scoresAndLatencyPairedByHand() {
        // Scores: B - A = +0.5, -0.25, 0, -0.5 (item 4 has no B score: left out of the pairs).
        std::vector<CompareItem> a = {item("1", {{"acc", 0.25}}, 10), item("2", {{"acc", 1}}, 20),
                                      item("3", {{"acc", 0.5}}, 30), item("4", {{"acc", 1}}, 40),
                                      item("5", {{"acc", 1}})};
        std::vector<CompareItem> b = {item("1", {{"acc", 0.75}}, 12),
                                      item("2", {{"acc", 0.75}}, 19), item("3", {{"acc", 0.5}}, 30),
                                      item("4", {{"acc", 0.5}}, 44), item("5")};
        const RunComparison r = compareRuns(a, b, {}, {});
        QCOMPARE(r.evaluators.size(), std::size_t(1));
        const PairedComparison &acc = r.evaluators[0].paired;
        QCOMPARE(acc.n, 4);
        QCOMPARE(*acc.meanA, (0.25 + 1 + 0.5 + 1) / 4);
        QCOMPARE(*acc.meanB, (0.75 + 0.75 + 0.5 + 0.5) / 4);
        QCOMPARE(*acc.diff, (0.5 - 0.25 + 0 - 0.5) / 4);
        QCOMPARE(acc.improved, 1);
        QCOMPARE(acc.regressed, 2);
        QCOMPARE(acc.unchanged, 1);
        // Regressed items, largest fall first: item 4 (-0.5), then item 2 (-0.25).
        QCOMPARE(acc.regressedPairs.size(), std::size_t(2));
        QCOMPARE(r.pairs[static_cast<std::size_t>(acc.regressedPairs[0])].a, 3);
        QCOMPARE(r.pairs[static_cast<std::size_t>(acc.regressedPairs[1])].a, 1);
        // |d| = 0.5, 0.25, 0.5 with one zero dropped: ranks 2.5, 1, 2.5; W+ = 2.5; of the 8 sign
        // patterns, W+ <= 2.5 in {0, 1, 2.5, 2.5} = 4, W+ >= 2.5 in 6: p = 2 x 4/8 = 1.
        QCOMPARE(acc.test.wPlus, 2.5);
        QCOMPARE(acc.test.pValue, 1.0);
        // Latency: lower is better, items 1..4 paired, item 3 unchanged.
        QCOMPARE(r.latency.paired.n, 4);
        QCOMPARE(r.latency.paired.improved, 1); // item 2 got faster
        QCOMPARE(r.latency.paired.regressed, 2);
        QCOMPARE(*r.latency.p50A, 25.0);
        QCOMPARE(*r.latency.p50B, 24.5); // of 12, 19, 30, 44
    }

    void waterfallRowsMatchByPath() {
        // A: agent -> search (t=1), llm (t=5). B: agent -> llm (t=2), rerank (t=3), search (t=4),
        // with agent listed after its children (rows must not depend on the list's order).
        const auto span = [](std::int32_t parent, std::string name, std::int64_t start) {
            RequestSpan s;
            s.parent = parent;
            s.name = std::move(name);
            s.startNs = start;
            s.endNs = start + 1;
            return s;
        };
        const std::vector<RequestSpan> a = {span(-1, "agent", 0), span(0, "search", 1),
                                            span(0, "llm", 5)};
        const std::vector<RequestSpan> b = {span(3, "llm", 2), span(3, "rerank", 3),
                                            span(3, "search", 4), span(-1, "agent", 0)};
        const PathRows rows = matchRowsByPath(a, b);
        // Rows: agent, then its children by first start in either run: search (1), llm (2),
        // rerank (3).
        QCOMPARE(rows.names, (std::vector<std::string>{"agent", "search", "llm", "rerank"}));
        QCOMPARE(rows.depth, (std::vector<std::int32_t>{0, 1, 1, 1}));
        QCOMPARE(rows.rowOfA, (std::vector<std::int32_t>{0, 1, 2}));
        QCOMPARE(rows.rowOfB, (std::vector<std::int32_t>{2, 3, 1, 0}));
        QCOMPARE(rows.paths[3], std::string("agent;rerank"));
        // A parent cycle does not hang: the chain is cut and counted as a root.
        const std::vector<RequestSpan> loop = {span(1, "x", 0), span(0, "y", 1)};
        QCOMPARE(matchRowsByPath(loop, {}).names.size(), std::size_t(2));
    }

    void answersDiffByWord() {
        const auto d = textdiff::diffWords("The quick brown fox.", "The slow brown dog jumps.");
        QCOMPARE(d.commonWords, std::size_t(2)); // The, brown
        QCOMPARE(d.wordsA, std::size_t(4));
        QCOMPARE(d.wordsB, std::size_t(5));
        const auto joined = [](const std::vector<textdiff::Segment> &segments, bool changed) {
            std::string all, marked;
            for (const auto &s : segments) {
                all += s.text;
                if (s.changed == changed) marked += "[" + s.text + "]";
            }
            return std::pair{all, marked};
        };
        QCOMPARE(joined(d.a, true).first, std::string("The quick brown fox."));
        QCOMPARE(joined(d.a, true).second, std::string("[quick ][fox.]"));
        QCOMPARE(joined(d.b, true).first, std::string("The slow brown dog jumps."));
        QCOMPARE(joined(d.b, true).second, std::string("[slow ][dog jumps.]"));
        // Equal texts: one unchanged segment; a cap too small for the middle marks it all.
        QCOMPARE(textdiff::diffWords("a b", "a b").a.size(), std::size_t(1));
        const auto capped = textdiff::diffWords("x a b c y", "x c b a y", 1);
        QCOMPARE(capped.commonWords, std::size_t(2));
        QCOMPARE(joined(capped.a, true).second, std::string("[a b c ]"));
    }

    void injectedChangesAreExactlyWhatShows() {
        // Same seed: the same agent on the same questions. B's web_search takes 3x as long and
        // eight chosen items score 0.3 lower; nothing else differs.
        const std::vector<int> lowered = {3, 7, 11, 15, 19, 23, 27, 31};
        synth::WorkloadOptions base;
        base.spans = 2500;
        base.sessions = 20;
        base.seed = 7;
        synth::WorkloadOptions changed = base;
        changed.slowName = "web_search";
        changed.slowFactor = 3.0;
        changed.scoreDropItems = lowered;
        changed.scoreDrop = 0.3;
        const QString dirA = m_tmp.filePath("a"), dirB = m_tmp.filePath("b");
        synth::writeNatEval(base, dirA);
        synth::writeNatEval(changed, dirB);
        Workspace ws(m_tmp.filePath("cmp.spanscope"));
        const auto runA = testsupport::importPath(ws, dirA).at(0).runId;
        const auto runB = testsupport::importPath(ws, dirB).at(0).runId;
        const StoredComparison c = compareStoredRuns(ws, runA, runB);
        const RunComparison &r = c.result;

        QCOMPARE(r.matched, static_cast<std::int64_t>(c.itemsA.size()));
        QVERIFY(r.unmatchedA.empty() && r.unmatchedB.empty());

        QCOMPARE(r.evaluators.size(), std::size_t(1));
        const PairedComparison &acc = r.evaluators[0].paired;
        QVERIFY(acc.significant(0.05));
        QVERIFY(*acc.diff < 0);
        QCOMPARE(acc.improved, 0);
        std::set<std::string> regressed;
        for (std::int32_t p : acc.regressedPairs)
            regressed.insert(
                c.itemsA[static_cast<std::size_t>(r.pairs[static_cast<std::size_t>(p)].a)]
                    .item.key);
        std::set<std::string> expected;
        for (int id : lowered)
            expected.insert(std::to_string(id));
        QCOMPARE(regressed, expected);
        QVERIFY(acc.ci95->hi < 0);

        // Every request calls web_search: requests got slower, significantly.
        QVERIFY(r.latency.paired.significant(0.05));
        QVERIFY(*r.latency.paired.diff > 0);

        // The one path whose own time changed is web_search, at the top; the paths whose
        // duration changed are it and its callers; nothing else moved.
        QVERIFY(!r.paths.empty());
        QVERIFY2(r.paths[0].path.size() > 10 &&
                     r.paths[0].path.substr(r.paths[0].path.size() - 10) == "web_search",
                 r.paths[0].path.c_str());
        QVERIFY(r.paths[0].selfChanged);
        QVERIFY(r.paths[0].p50Change() > 0);
        for (std::size_t i = 1; i < r.paths.size(); ++i) {
            const PathComparison &p = r.paths[i];
            QVERIFY2(!p.selfChanged, p.path.c_str());
            if (p.durationChanged)
                QVERIFY2(r.paths[0].path.rfind(p.path + ";", 0) == 0, p.path.c_str());
            QCOMPARE(p.callsA, p.callsB);
        }
    }
};

QTEST_GUILESS_MAIN(TstRunComparison)
#include "tst_runcomparison.moc"

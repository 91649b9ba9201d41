// Critical paths, slow requests and sessions, token statistics: hand-worked answers.
#include "analysis/criticalpath.h"
#include "analysis/requeststats.h"
#include "analysis/tokenstats.h"
#include "analysis/triemeasure.h"
#include "handspans.h"

#include <QTest>

using namespace spanscope;
using testsupport::HandSpans;

namespace {

std::vector<std::tuple<int, int, int>> segments(const CriticalPath &cp) {
    std::vector<std::tuple<int, int, int>> out;
    for (const CriticalSegment &s : cp.segments)
        out.push_back({s.span, static_cast<int>(s.startNs), static_cast<int>(s.endNs)});
    return out;
}

CriticalPath pathOf(const HandSpans &h) {
    return criticalPath(h.spans(), SpanChildren::build(h.spans()), 0,
                        static_cast<std::int32_t>(h.spans().size()));
}

} // namespace

class TstRequestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void criticalPathFollowsTheLastFinishingChild() {
        HandSpans h;
        const int r = h.add(0, -1, "R", 0, 10);
        const int a = h.add(0, r, "A", 1, 5);
        h.add(0, a, "C", 2, 4);
        h.add(0, r, "B", 3, 8);
        // From 10 back: B ends last (8); inside B nothing; back in R before B's start (3) no
        // child ended by then (A ends at 5), so R holds 0..3.
        const CriticalPath cp = pathOf(h);
        QCOMPARE(segments(cp),
                 (std::vector<std::tuple<int, int, int>>{{0, 0, 3}, {3, 3, 8}, {0, 8, 10}}));
        QCOMPARE(cp.latencyNs, std::int64_t(10));
        QCOMPARE(cp.spans.size(), std::size_t(2));
        QCOMPARE(cp.spans[0].onPathNs, std::int64_t(5));
        QCOMPARE(cp.spans[1].onPathNs, std::int64_t(5));
    }

    void sequentialChildrenAllLieOnThePath() {
        HandSpans h;
        const int r = h.add(0, -1, "R", 0, 10);
        const int a = h.add(0, r, "A", 1, 4);
        h.add(0, a, "A1", 2, 3);
        h.add(0, r, "B", 5, 9);
        const CriticalPath cp = pathOf(h);
        QCOMPARE(
            segments(cp),
            (std::vector<std::tuple<int, int, int>>{
                {0, 0, 1}, {1, 1, 2}, {2, 2, 3}, {1, 3, 4}, {0, 4, 5}, {3, 5, 9}, {0, 9, 10}}));
        std::int64_t sum = 0;
        for (const CriticalSpan &s : cp.spans)
            sum += s.onPathNs;
        QCOMPARE(sum, cp.latencyNs); // one root: the path covers the whole request
    }

    void childrenAreClippedAndZeroLengthOnesIgnored() {
        HandSpans h;
        const int r = h.add(0, -1, "R", 0, 10);
        h.add(0, r, "early", -5, 2); // skew: starts before its parent
        h.add(0, r, "zero", 6, 6);
        h.add(0, r, "late", 7, 15); // ends after its parent: clipped to 10
        const CriticalPath cp = pathOf(h);
        QCOMPARE(segments(cp),
                 (std::vector<std::tuple<int, int, int>>{{1, 0, 2}, {0, 2, 7}, {3, 7, 10}}));
        QCOMPARE(cp.latencyNs, std::int64_t(20)); // -5 .. 15
    }

    void severalRootsShareTheRequest() {
        HandSpans h;
        h.add(0, -1, "X", 0, 4);
        h.add(0, -1, "Y", 6, 9);
        const CriticalPath cp = pathOf(h);
        QCOMPARE(segments(cp), (std::vector<std::tuple<int, int, int>>{{0, 0, 4}, {1, 6, 9}}));
    }

    void deepNestingIsIterative() {
        HandSpans h;
        int parent = -1;
        for (int d = 0; d < 100000; ++d)
            parent = h.add(0, parent, "n", d, 300000 - d);
        const CriticalPath cp = pathOf(h);
        QCOMPARE(cp.spans.size(), std::size_t(100000));
        QCOMPARE(cp.segments.size(), std::size_t(2 * 100000 - 1));
    }

    void sessionsAndOutliers() {
        std::vector<RequestSample> r;
        const auto add = [&](const char *s, std::int64_t start, std::int64_t lat) {
            RequestSample x;
            x.trace = static_cast<std::int32_t>(r.size());
            x.startNs = start;
            x.endNs = start + lat;
            x.session = s;
            x.tokens = 10;
            r.push_back(x);
        };
        add("s1", 0, 1);
        add("s1", 5, 2);
        add("s2", 1, 10);
        add("s3", 2, 3);
        add("s4", 3, 4);
        add("", 4, 100); // no session: in the slow list, not in the sessions
        const auto st = sessionStats(r);
        QCOMPARE(st.size(), std::size_t(4));
        QCOMPARE(st[0].session, std::string("s2"));
        // Sums 3, 10, 3, 4: Q1 = 3, Q3 = 4 + 0.25 * 6 = 5.5, fence = 5.5 + 1.5 * 2.5 = 9.25.
        QVERIFY(st[0].outlier);
        QVERIFY(!st[1].outlier);
        const auto s1 =
            std::find_if(st.begin(), st.end(), [](auto &s) { return s.session == "s1"; });
        QCOMPARE(s1->requests, std::int64_t(2));
        QCOMPARE(s1->firstStartNs, std::int64_t(0));
        QCOMPARE(s1->lastEndNs, std::int64_t(7));
        QCOMPARE(s1->summedLatencyNs, std::int64_t(3));
        QCOMPARE(s1->tokens, std::int64_t(20));
        QCOMPARE(slowestRequests(r, 2), (std::vector<std::int32_t>{5, 2}));
        const LatencySpread sp = latencySpread({1, 2, 3, 4, 10, 100});
        QCOMPARE(sp.medianNs, 3.5);
        QCOMPARE(sp.q3Ns, 8.5); // rank 3.75: 4 + 0.75 * 6
    }

    void histogramsGoLogarithmicPastTwoDecades() {
        const Histogram log = histogram({1, 10, 1000}, 3);
        QVERIFY(log.logScale);
        QCOMPARE(log.edges.size(), std::size_t(4));
        QVERIFY(qFuzzyCompare(log.edges[1], 10.0) && qFuzzyCompare(log.edges[2], 100.0));
        QCOMPARE(log.counts, (std::vector<std::int64_t>{1, 1, 1}));
        const Histogram withZero = histogram({0, 1, 10, 1000}, 3);
        QCOMPARE(withZero.counts, (std::vector<std::int64_t>{1, 1, 1, 1})); // [0,1) first
        const Histogram lin = histogram({0, 5, 10}, 2);
        QVERIFY(!lin.logScale);
        QCOMPARE(lin.counts, (std::vector<std::int64_t>{1, 2})); // the last bin is closed
        QCOMPARE(lin.binOf(11), -1);
        QCOMPARE(histogram({7, 7}, 4).counts.front(), std::int64_t(2)); // one value: one range
    }

    void tokenChartsCountEveryCallOnceByModel() {
        std::vector<LlmCallSample> c;
        for (int k = 0; k < 30; ++k)
            c.push_back({k, k % 3, k * 1'000'000'000LL, k * 1'000'000'000LL + 500'000'000,
                         k % 2 ? "a" : "b", k % 5 == 0 ? -1 : 100 + k, 10 + k});
        const TokenCharts t = tokenCharts(c);
        QCOMPARE(t.models, std::size_t(2));
        QCOMPARE(t.callsWithCounts, std::int64_t(30));
        std::int64_t prompt = 0;
        for (const auto &[model, counts] : t.prompt.byModel)
            for (const std::int64_t n : counts)
                prompt += n;
        QCOMPARE(prompt, std::int64_t(24)); // 6 calls carry no prompt count
        QCOMPARE(t.prompt.byModel.size(), std::size_t(2));
        std::int64_t latency = 0;
        for (const std::int64_t n : t.latencySeconds.counts)
            latency += n;
        QCOMPARE(latency, std::int64_t(30));
        QCOMPARE(t.minutes.size(), std::size_t(1));
        QCOMPARE(t.positions.front().calls, std::int64_t(3));
    }

    void tokensByPositionAndMinute() {
        std::vector<LlmCallSample> c(3);
        c[0] = {1, 0, 0, 1, "m", 10, 1};
        c[1] = {2, 0, 90'000'000'000, 1, "m", 20, 5};
        c[2] = {3, 1, 1, 2, "m", 30, -1}; // no output count
        const auto pos = tokensByPosition(c);
        QCOMPARE(pos.size(), std::size_t(2));
        QCOMPARE(pos[0].calls, std::int64_t(2));
        QCOMPARE(pos[0].meanInput, 20.0);
        QCOMPARE(pos[0].meanOutput, 1.0); // over the calls that have a count
        QCOMPARE(pos[1].meanInput, 20.0);
        const auto min = tokensPerMinute(c);
        QCOMPARE(min.size(), std::size_t(2));
        QCOMPARE(min[0].calls, std::int64_t(2));
        QCOMPARE(min[0].inputTokens, std::int64_t(40));
        QCOMPARE(min[1].outputTokens, std::int64_t(5));
    }

    // NAT's prediction trie beside the run's calls: a function's calls are numbered by end
    // time within each request; parallel calls of which only the later-ending one is waited
    // on split their time on the critical path; paths are root, root/parent, root/parent/fn.
    void predictionTrieIsMeasuredOnTheCriticalPath() {
        testsupport::HandSpans h;
        // Request 0 (10 s): agent calls two LLMs in parallel, 0-4 s and 0-8 s, then one 8-10 s.
        const int a = h.add(0, -1, "agent", 0, 10'000'000'000);
        const int l1 = h.add(0, a, "llm", 0, 8'000'000'000, Category::Llm);
        const int l2 = h.add(0, a, "llm", 0, 4'000'000'000, Category::Llm);
        const int l3 = h.add(0, a, "llm", 8'000'000'000, 10'000'000'000, Category::Llm);
        // Request 1 (4 s): one call of 2 s at the start, then 2 s of the agent's own work.
        const int b = h.add(1, -1, "agent", 20'000'000'000, 24'000'000'000);
        const int l4 = h.add(1, b, "llm", 20'000'000'000, 22'000'000'000, Category::Llm);
        QVERIFY(h.sortedLikeTheLoader());
        PredictionTrie trie;
        for (const auto &[path, index] :
             std::vector<std::pair<std::string, int>>{{"root", 0},
                                                      {"root/wf", 1},
                                                      {"root/wf/agent", 1},
                                                      {"root/wf/agent", 2},
                                                      {"root/wf/agent", 3},
                                                      {"root/wf/other", 1}}) {
            TriePrediction p;
            p.path = path;
            p.callIndex = index;
            trie.predictions.push_back(p);
        }
        const std::vector<TrieCall> calls = {{l1, "f0", "agent", "wf"},
                                             {l2, "f0", "agent", "wf"},
                                             {l3, "f0", "agent", "wf"},
                                             {l4, "f1", "agent", "wf"}};
        measurePredictionTrie(trie, h.spans(), SpanChildren::build(h.spans()),
                              traceRanges(h.spans()), calls);
        const auto &p = trie.predictions;
        QCOMPARE(p[0].measuredCalls, std::int64_t(4)); // root, any index: every call
        // Call 1 of a function: l2 (ended first, 4 s, not waited on) and l4 (2 s, waited on).
        QCOMPARE(p[2].measuredCalls, std::int64_t(2));
        QCOMPARE(*p[2].onCriticalPath, 2.0 / 6.0);
        QCOMPARE(*p[2].latencyShare, (0.4 + 0.5) / 2);
        QCOMPARE(p[1].measuredCalls, std::int64_t(2)); // root/wf, call 1: the same two
        // Call 2: l1 (8 s, all waited on); call 3: l3 (2 s, waited on).
        QCOMPARE(*p[3].onCriticalPath, 1.0);
        QCOMPARE(*p[3].latencyShare, 0.8);
        QCOMPARE(p[4].measuredCalls, std::int64_t(1));
        QCOMPARE(p[5].measuredCalls, std::int64_t(0));
        QVERIFY(!p[5].onCriticalPath);
    }
};

QTEST_GUILESS_MAIN(TstRequestAnalysis)
#include "tst_requestanalysis.moc"

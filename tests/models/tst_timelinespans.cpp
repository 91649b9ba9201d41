// Self time (duration less the union of the children) and the duration format.
#include "analysis/timelinespans.h"

#include <QTest>

using namespace spanscope;

namespace {

// One trace: spans given as (parent, start, end).
TimelineSpans trace(std::initializer_list<std::tuple<int, std::int64_t, std::int64_t>> spans) {
    TimelineSpans s;
    s.traceCount = 1;
    s.names = {"s"};
    for (const auto &[p, a, b] : spans) {
        s.start.push_back(a);
        s.end.push_back(b);
        s.parent.push_back(p);
        s.trace.push_back(0);
        s.category.push_back(0);
        s.flags.push_back(0);
        s.nameId.push_back(0);
        s.spanId.push_back(static_cast<std::int64_t>(s.size()));
    }
    return s;
}

} // namespace

class TstTimelineSpans : public QObject {
    Q_OBJECT
private slots:
    void selfTimeWithoutChildrenIsTheDuration() {
        const auto s = trace({{-1, 100, 350}});
        QCOMPARE(selfTimeNs(s, 0), std::int64_t(250));
    }

    void parallelChildrenAreNotCountedTwice() {
        // Children 10-40 and 30-60 overlap: together they cover 10-60, so self is 100 - 50.
        const auto s = trace({{-1, 0, 100}, {0, 10, 40}, {0, 30, 60}, {1, 12, 20}});
        QCOMPARE(selfTimeNs(s, 0), std::int64_t(50));
        QCOMPARE(selfTimeNs(s, 1), std::int64_t(22)); // its own child, not its sibling
        QCOMPARE(selfTimeNs(s, 3), std::int64_t(8));
    }

    void childrenOutsideTheParentAreClipped() {
        // A child that ends after its parent (clock skew) only covers the parent's part.
        const auto s = trace({{-1, 0, 100}, {0, 80, 150}, {0, -20, 10}});
        QCOMPARE(selfTimeNs(s, 0), std::int64_t(70));
    }

    void otherTracesAreNotChildren() {
        auto s = trace({{-1, 0, 100}, {0, 10, 20}, {-1, 0, 100}});
        s.trace[2] = 1;
        s.parent.push_back(0); // a span of trace 1 naming span 0: not looked at
        s.start.push_back(0);
        s.end.push_back(100);
        s.trace.push_back(1);
        s.category.push_back(0);
        s.flags.push_back(0);
        s.nameId.push_back(0);
        s.spanId.push_back(3);
        s.traceCount = 2;
        QCOMPARE(selfTimeNs(s, 0), std::int64_t(90));
    }

    void timeRangeIsEarliestStartToLatestEnd() {
        const auto s = trace({{-1, 50, 100}, {0, 60, 180}, {-1, 20, 30}});
        QCOMPARE(timeRange(s), (std::pair<std::int64_t, std::int64_t>{20, 180}));
        QCOMPARE(timeRange(TimelineSpans{}), (std::pair<std::int64_t, std::int64_t>{0, 0}));
    }

    void durationsReadInTheirUnit() {
        QCOMPARE(formatDuration(812), std::string("812 ns"));
        QCOMPARE(formatDuration(3'410'000), std::string("3.41 ms"));
        QCOMPARE(formatDuration(12'500'000'000), std::string("12.5 s"));
        QCOMPARE(formatDuration(125'000'000'000), std::string("2 min 05 s"));
        QCOMPARE(formatDuration(45'600), std::string("45.6 us"));
    }
};

QTEST_GUILESS_MAIN(TstTimelineSpans)
#include "tst_timelinespans.moc"

#include "analysis/timeaxis.h"

#include <QTest>

using namespace spanscope;

class TstTimeAxis : public QObject {
    Q_OBJECT
private slots:
    void stepsFollowOneTwoFive() {
        QCOMPARE(axisStep(1.0, 90), std::int64_t(100));
        QCOMPARE(axisStep(2.0, 90), std::int64_t(200));
        QCOMPARE(axisStep(5e6, 90), std::int64_t(500'000'000));
        QCOMPARE(axisStep(0.001, 90), std::int64_t(1));
        QCOMPARE(axisStep(2e9, 90), std::int64_t(200'000'000'000));
    }
    void labelsUseAdaptiveUnits() {
        QCOMPARE(formatOffset(0, 100), std::string("0"));
        QCOMPARE(formatOffset(250, 50), std::string("250 ns"));
        QCOMPARE(formatOffset(1500, 500), std::string("1.5 \u00b5s"));
        QCOMPARE(formatOffset(12'000'000, 2'000'000), std::string("12 ms"));
        QCOMPARE(formatOffset(3'250'000'000, 250'000'000), std::string("3.25 s"));
        QCOMPARE(formatOffset(125'000'000'000, 5'000'000'000), std::string("2 min 5 s"));
        QCOMPARE(formatOffset(-2'000'000, 1'000'000), std::string("-2 ms"));
    }
    void ticksAreSpacedAndRelativeToTheOrigin() {
        const std::int64_t origin = 1'700'000'000'000'000'000;
        const auto ticks = timeAxisTicks(origin + 1'234'567, 10'000.0, 1000, origin);
        QVERIFY(ticks.size() >= 5);
        for (std::size_t i = 0; i < ticks.size(); ++i) {
            QVERIFY(ticks[i].x >= 0 && ticks[i].x <= 1000);
            QCOMPARE((ticks[i].t - origin) % 1'000'000, std::int64_t(0)); // 1 ms steps at 10 µs/px
            if (i) QVERIFY(ticks[i].x - ticks[i - 1].x >= 90);
        }
        QCOMPARE(ticks.front().label, std::string("2 ms"));
        QVERIFY(timeAxisTicks(0, 0, 100, 0).empty());
    }
};

QTEST_GUILESS_MAIN(TstTimeAxis)
#include "tst_timeaxis.moc"

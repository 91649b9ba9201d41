#include "analysis/timeaxis.h"

#include <QTest>
#include <set>

using namespace spanscope;

class TstTimeAxis : public QObject {
    Q_OBJECT
private slots:
    void stepsFollowOneTwoFive() {
        QCOMPARE(axisStep(1.0, 90), std::int64_t(100));
        QCOMPARE(axisStep(2.0, 90), std::int64_t(200));
        QCOMPARE(axisStep(5e6, 90), std::int64_t(500'000'000));
        QCOMPARE(axisStep(0.001, 90), std::int64_t(1));
        // Above a second the steps are round on a clock, not 1-2-5 in ns (1000 s read as
        // "16 min 40 s, 33 min 20 s").
        QCOMPARE(axisStep(2e9, 90), std::int64_t(300'000'000'000));        // 5 min
        QCOMPARE(axisStep(1.5e10, 90), std::int64_t(1'800'000'000'000));   // 30 min
        QCOMPARE(axisStep(1.5e8, 90), std::int64_t(15'000'000'000));       // 15 s
        QCOMPARE(axisStep(5e8, 90), std::int64_t(60'000'000'000));         // 1 min
        QCOMPARE(axisStep(1e11, 90), std::int64_t(3 * 3'600'000'000'000)); // 3 h
    }
    void labelsUseAdaptiveUnits() {
        QCOMPARE(formatOffset(0, 100), std::string("0"));
        QCOMPARE(formatOffset(250, 50), std::string("250 ns"));
        QCOMPARE(formatOffset(1500, 500), std::string("1.5 \u00b5s"));
        QCOMPARE(formatOffset(12'000'000, 2'000'000), std::string("12 ms"));
        QCOMPARE(formatOffset(3'250'000'000, 250'000'000), std::string("3.25 s"));
        QCOMPARE(formatOffset(125'000'000'000, 5'000'000'000), std::string("2 min 5 s"));
        QCOMPARE(formatOffset(-2'000'000, 1'000'000), std::string("-2 ms"));
        QCOMPARE(formatOffset(600'000'000'000, 60'000'000'000), std::string("10 min"));
        QCOMPARE(formatOffset(90'000'000'000, 15'000'000'000), std::string("1 min 30 s"));
        QCOMPARE(formatOffset(5'400'000'000'000, 1'800'000'000'000), std::string("1 h 30 min"));
        QCOMPARE(formatOffset(7'200'000'000'000, 3'600'000'000'000), std::string("2 h"));
        // Deep in a run: every digit the step needs, exactly (no 52.000000149 from doubles).
        QCOMPARE(formatOffset(352'000'000'150, 10), std::string("5 min 52.00000015 s"));
        QCOMPARE(formatOffset(352'250'000'000, 250'000'000), std::string("5 min 52.25 s"));
        QCOMPARE(formatOffset(2'500'001, 1), std::string("2.500001 ms"));
    }
    // Issue 13, items 2 and 13: from a whole hour down to a nanosecond a screen, the ticks
    // are round, distinct and precise, never "5 min 52 s" on every tick.
    void ticksStayDistinctAtEveryZoom() {
        const std::int64_t origin = 1'700'000'000'000'000'000;
        const std::int64_t centre = origin + 352'123'456'789; // 5 min 52.123456789 s in
        for (double nsPerPixel = 4e9; nsPerPixel > 0.005; nsPerPixel *= 0.8) {
            const int width = 1500;
            const auto t0 = centre - static_cast<std::int64_t>(nsPerPixel * width / 2);
            const auto ticks = timeAxisTicks(t0, nsPerPixel, width, origin);
            QVERIFY2(ticks.size() >= 2, qPrintable(QString::number(nsPerPixel)));
            std::set<std::string> labels;
            for (std::size_t i = 0; i < ticks.size(); ++i) {
                QVERIFY(labels.insert(ticks[i].label).second);
                if (i) QVERIFY(ticks[i].x - ticks[i - 1].x >= 90);
            }
            const std::int64_t step = ticks[1].t - ticks[0].t;
            if (step >= 1'000'000'000) { // clock steps: whole seconds, minutes or hours
                QVERIFY2(step % 1'000'000'000 == 0, qPrintable(QString::number(step)));
                for (const AxisTick &t : ticks)
                    QVERIFY2(t.label.find('.') == std::string::npos, t.label.c_str());
            }
            if (ticks[1].label.front() == '+') {
                // Relative: the first tick anchors the full time, exactly.
                QVERIFY(ticks[0].anchor);
                QVERIFY(QByteArray::fromStdString(ticks[0].label).startsWith("5 min 52.1"));
                QCOMPARE(ticks[0].label, formatOffset(ticks[0].t - origin, step));
                QCOMPARE(ticks[1].label, "+" + formatOffset(step, step));
            } else {
                QVERIFY(!ticks[0].anchor);
                QVERIFY(ticks[0].label.size() <= 14); // fits the 90 px between ticks
            }
        }
        // Ten nanoseconds a screen: ticks every nanosecond or two, counted from an anchor.
        const auto deep = timeAxisTicks(centre, 10.0 / 1500, 1500, origin);
        QVERIFY(deep.front().anchor);
        QCOMPARE(deep.front().label, std::string("5 min 52.123456789 s"));
        QCOMPARE(deep[1].label, std::string("+1 ns"));
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

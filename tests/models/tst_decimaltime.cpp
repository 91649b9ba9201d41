#include "ingest/decimaltime.h"

#include <QTest>

using namespace spanscope;

class TstDecimalTime : public QObject {
    Q_OBJECT
private slots:
    void exactDigits_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        QTest::newRow("python repr") << "1748370705.6055355" << qint64(1748370705605535500);
        QTest::newRow("seven decimals") << "1763990400.0070002" << qint64(1763990400007000200);
        QTest::newRow("integer") << "1763990400" << qint64(1763990400000000000);
        QTest::newRow("three decimals") << "1763990400.005" << qint64(1763990400005000000);
        QTest::newRow("rounds half up at 10th") << "0.0000000015" << qint64(2);
        QTest::newRow("rounds down") << "0.0000000014999" << qint64(1);
        QTest::newRow("exponent") << "1.7639904e9" << qint64(1763990400000000000);
        QTest::newRow("negative exponent") << "15e-1" << qint64(1500000000);
        QTest::newRow("negative") << "-2.5" << qint64(-2500000000);
        QTest::newRow("leading point") << ".25" << qint64(250000000);
    }
    void exactDigits() {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        const auto r = decimalSecondsToNs(text.toStdString());
        QVERIFY(r.has_value());
        QCOMPARE(qint64(*r), ns);
    }

    void rejects_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("word") << "yesterday";
        QTest::newRow("trailing junk") << "12.5s";
        QTest::newRow("bare exponent") << "1e";
        QTest::newRow("overflow") << "99999999999999";
    }
    void rejects() {
        QFETCH(QString, text);
        QVERIFY(!decimalSecondsToNs(text.toStdString()).has_value());
    }

    void doubleFallbackIsClose() {
        // The double path can only be as good as the double: within a microsecond here.
        const auto viaText = *decimalSecondsToNs("1748370705.6055355");
        const auto viaDouble = *secondsToNs(1748370705.6055355);
        QVERIFY(std::llabs(viaText - viaDouble) < 1000);
        QVERIFY(!secondsToNs(std::numeric_limits<double>::infinity()).has_value());
    }
};

QTEST_GUILESS_MAIN(TstDecimalTime)
#include "tst_decimaltime.moc"

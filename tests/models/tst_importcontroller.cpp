// The desktop app's background import: each path commits or rolls back on its own and is
// reported, progress ends at all bytes read, a bad path does not stop the others, and a cancel
// leaves the workspace's bytes as they were.
#include "store/importcontroller.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace spanscope;

class TstImportController : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_good, m_bad;

private slots:
    void initTestCase() {
        synth::WorkloadOptions o;
        o.spans = 2000;
        m_good = m_tmp.filePath(QStringLiteral("good.jsonl"));
        synth::generate(o, synth::OutputFormat::OtlpJsonLines, m_good);
        // OTLP whose span has a trace id of the wrong type: a reader error, not a warning.
        m_bad = m_tmp.filePath(QStringLiteral("bad.json"));
        QFile f(m_bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":{"a":1},"spanId":"b7ad6b7169203331","name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})");
    }

    void importsEachPathAndReportsFailuresWithoutStopping() {
        const QString ws = m_tmp.filePath(QStringLiteral("a.spanscope"));
        Workspace{ws};
        ImportController c(ws);
        QSignalSpy imported(&c, &ImportController::pathImported);
        QSignalSpy failed(&c, &ImportController::pathFailed);
        QSignalSpy progress(&c, &ImportController::progressChanged);
        QSignalSpy finished(&c, &ImportController::finished);
        QVERIFY(c.start({m_bad, m_good}));
        QVERIFY(c.busy());
        QVERIFY(!c.start({m_good})); // one import at a time
        QVERIFY(finished.wait(60000));
        QVERIFY(!c.busy());
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), m_bad);
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("bad.json")), qPrintable(message));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().at(0).toString(), m_good);
        const auto ids = imported.first().at(1).value<QList<qint64>>();
        QCOMPARE(ids.size(), 1);
        // The last progress report has read every byte of both files.
        QVERIFY(!progress.isEmpty());
        const auto last = progress.last();
        QCOMPARE(last.at(0).toLongLong(), last.at(1).toLongLong());
        QVERIFY(last.at(1).toLongLong() >= QFile(m_good).size());
        Workspace check(ws);
        QCOMPARE(check.runs().size(), std::size_t(1));
        QCOMPARE(check.runs()[0].id, ids.first());
    }

    void cancelKeepsTheWorkspaceAsItWas() {
        const QString ws = m_tmp.filePath(QStringLiteral("b.spanscope"));
        {
            Workspace w(ws);
            testsupport::importPath(w, m_good);
        }
        const QByteArray before = testsupport::workspaceDigest(ws);
        ImportController c(ws);
        QSignalSpy finished(&c, &ImportController::finished);
        ImportOptions force;
        force.force = true; // otherwise the unchanged input is a quick no-op
        QVERIFY(c.start({m_good, m_good}, force));
        c.cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(testsupport::workspaceDigest(ws), before);
    }
};

QTEST_GUILESS_MAIN(TstImportController)
#include "tst_importcontroller.moc"

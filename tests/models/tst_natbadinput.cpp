// ../shared/samples/bad/nat and inputs made here: a clear error naming the file and the place,
// or a counted warning where the data is usable; a failed import leaves the workspace's bytes
// exactly as they were.
#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "store/importer.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <future>

using namespace spanscope;

class TstNatBadInput : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_wsPath;

    // A workspace that already holds one run, so "unchanged" means something.
    void seed() {
        m_wsPath = m_tmp.filePath(QStringLiteral("seeded.spanscope"));
        QFile::remove(m_wsPath);
        Workspace ws(m_wsPath);
        testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/parallel-newer")));
    }

private slots:
    void init() { seed(); }

    void failsCleanly_data() {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty-file") << "empty-file"
                                    << "all_requests_profiler_traces.json"
                                    << ": file is empty";
        QTest::newRow("not-json") << "not-json"
                                  << "all_requests_profiler_traces.json"
                                  << ": line 1, byte 0: not valid JSON";
        QTest::newRow("truncated") << "truncated"
                                   << "all_requests_profiler_traces.json"
                                   << ": line 1532, byte 77633: unexpected end of file";
        QTest::newRow("wrong-shape") << "wrong-shape"
                                     << "all_requests_profiler_traces.json"
                                     << ": line 1, byte 0: expected a JSON array";
        QTest::newRow("wrong-types") << "wrong-types"
                                     << "all_requests_profiler_traces.json"
                                     << ": request 0, step 1: payload.event_timestamp is a string";
        QTest::newRow("not-nat") << "not-nat"
                                 << ""
                                 << ": found no NAT eval";
    }
    void failsCleanly() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, sample);
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString folder = QDir(testsupport::samplesDir()).filePath("bad/nat/" + sample);
        const QByteArray before = testsupport::workspaceDigest(m_wsPath);
        {
            Workspace ws(m_wsPath);
            try {
                testsupport::importPath(ws, folder);
                QFAIL("the import did not fail");
            } catch (const IngestError &e) {
                const QString what = QString::fromStdString(e.what());
                QVERIFY2(what.contains(message), qPrintable(what));
                if (!file.isEmpty()) QVERIFY2(what.contains(file), qPrintable(what));
                QVERIFY2(what.contains(sample), qPrintable(what));
            }
        }
        QCOMPARE(testsupport::workspaceDigest(m_wsPath), before);
    }

    void importsWithWarnings_data() {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("spans");
        QTest::newRow("bom-crlf") << "bom-crlf"
                                  << "" << 0 << 24;
        QTest::newRow("duplicate-uuid") << "duplicate-uuid"
                                        << "duplicate-uuid" << 1 << 25;
        QTest::newRow("end-before-start") << "end-before-start"
                                          << "end-before-start" << 1 << 24;
        QTest::newRow("unknown-event-type") << "unknown-event-type"
                                            << "unknown-event-type:LLM_REASONING_DELTA" << 1 << 24;
        QTest::newRow("evaluator-mismatch: string score") << "evaluator-mismatch"
                                                          << "bad-score" << 1 << 12;
        QTest::newRow("evaluator-mismatch: unknown ids") << "evaluator-mismatch"
                                                         << "unknown-eval-item" << 22 << 12;
    }
    void importsWithWarnings() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, sample);
        QFETCH(QString, warning);
        QFETCH(int, count);
        QFETCH(int, spans);
        Workspace ws(m_wsPath);
        const auto runs = testsupport::importPath(
            ws, QDir(testsupport::samplesDir()).filePath("bad/nat/" + sample));
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].spans, spans);
        if (warning.isEmpty())
            QCOMPARE(runs[0].report.warningCount(), 0);
        else
            QCOMPARE(runs[0].report.warningCount(warning.toStdString()), count);
    }

    void aLateFailureRollsBackWhatWasWritten() {
        // Spans are written before the evaluator outputs are read: a broken evaluator file must
        // still leave nothing behind.
        QTemporaryDir dir;
        const QString src = testsupport::fixture(QStringLiteral("nat/parallel-newer"));
        for (const QString &f : QDir(src).entryList(QDir::Files))
            QFile::copy(src + "/" + f, dir.filePath(f));
        QFile broken(dir.filePath(QStringLiteral("accuracy_output.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"average_score\": 0.5, \"eval_output_items\": [{\"id\": 1, ");
        broken.close();
        const QByteArray before = testsupport::workspaceDigest(m_wsPath);
        {
            Workspace ws(m_wsPath);
            QVERIFY_THROWS_EXCEPTION(IngestError, testsupport::importPath(ws, dir.path()));
            QCOMPARE(ws.runs().size(), std::size_t(1));
        }
        QCOMPARE(testsupport::workspaceDigest(m_wsPath), before);
    }

    void cancelLeavesTheWorkspaceAsItWas() {
        SPANSCOPE_REQUIRE_SAMPLES();
        const QByteArray before = testsupport::workspaceDigest(m_wsPath);
        {
            // Cancel once the reader is well into the files, with rows already written.
            Workspace ws(m_wsPath);
            ImportProgress progress;
            auto job = std::async(std::launch::async, [&] {
                return Importer(ws).importPath(
                    QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat")), {}, progress);
            });
            while (progress.done() < (4 << 20) &&
                   job.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
            }
            progress.cancel();
            QVERIFY_THROWS_EXCEPTION(ImportCancelled, job.get());
        }
        QCOMPARE(testsupport::workspaceDigest(m_wsPath), before);
    }

    void wrongShapesNameTheRequest_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("steps object")
            << QByteArray("[{\"request_number\":0,\"intermediate_steps\":{\"a\":1}}]")
            << ": request 0: intermediate_steps is an object, expected an array";
        QTest::newRow("steps string")
            << QByteArray("[{\"intermediate_steps\":[]},{\"intermediate_steps\":\"x\"}]")
            << ": request 1: intermediate_steps is not an array";
        QTest::newRow("no steps") << QByteArray("[{\"request_number\":0}]")
                                  << ": request 0: has no intermediate_steps";
        QTest::newRow("request array")
            << QByteArray("[[1]]") << ": request 0: is an array, expected an object";
        QTest::newRow("scalar step")
            << QByteArray("[{\"intermediate_steps\":[1]}]")
            << ": request 0, step 0: a step is a number, expected an object";
    }
    void wrongShapesNameTheRequest() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("all_requests_profiler_traces.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = testsupport::workspaceDigest(m_wsPath);
        {
            Workspace ws(m_wsPath);
            try {
                testsupport::importPath(ws, dir.path());
                QFAIL("no error");
            } catch (const IngestError &e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(
                             "all_requests_profiler_traces.json" + message),
                         e.what());
            }
        }
        QCOMPARE(testsupport::workspaceDigest(m_wsPath), before);
    }

    void missingPathIsAnError() {
        Workspace ws(m_wsPath);
        try {
            testsupport::importPath(ws, m_tmp.filePath(QStringLiteral("nope")));
            QFAIL("no error");
        } catch (const IngestError &e) {
            QVERIFY(QString::fromStdString(e.what()).contains("no such file or folder"));
        }
    }

    void emptyFolderIsAnError() {
        QTemporaryDir empty;
        Workspace ws(m_wsPath);
        QVERIFY_THROWS_EXCEPTION(IngestError, testsupport::importPath(ws, empty.path()));
    }
};

QTEST_GUILESS_MAIN(TstNatBadInput)
#include "tst_natbadinput.moc"

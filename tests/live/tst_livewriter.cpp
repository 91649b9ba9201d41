// The live run writer: a run listed before any span, traces linked as their spans arrive in any
// order, a bounded queue, and a receiving process killed or stopped without losing what was
// committed (spanscope-cli serve).
#include "live/livewriter.h"
#include "otlpbuilder.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QProcess>
#include <QtTest>
#include <httplib.h>
#include <sqlite3.h>

using namespace spanscope;

namespace {

LooseSpanRecord span(const std::string &trace, const std::string &id, const std::string &parent,
                     const std::string &name, std::int64_t start, std::int64_t end) {
    LooseSpanRecord r;
    r.traceKey = trace;
    r.parentKey = parent;
    r.span.key = id;
    r.span.name = name;
    r.span.startNs = start;
    r.span.endNs = end;
    r.span.attributesJson = "{}";
    return r;
}

std::vector<LooseSpanRecord> one(LooseSpanRecord r) {
    std::vector<LooseSpanRecord> v;
    v.push_back(std::move(r));
    return v;
}

const std::string traceA = "0af7651916cd43dd8448eb211c80319c";

} // namespace

class TestLiveWriter : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString ws(const QString &name) { return m_dir.filePath(name); }

private slots:
    void aChildBeforeItsParentEndsUpLinked() {
        LiveWriter::Options o;
        o.workspacePath = ws(QStringLiteral("link.spanscope"));
        o.label = "live test";
        LiveWriter writer(o);
        Workspace reader(o.workspacePath);
        // Listed at once, empty.
        const auto run = reader.run(writer.runId());
        QVERIFY(run.has_value());
        QCOMPARE(run->kind, std::string("otlp-live"));
        QCOMPARE(testsupport::scalar(reader, "SELECT count(*) FROM spans WHERE run_id = ?",
                                     writer.runId()),
                 0);

        QVERIFY(writer.offer(
            one(span(traceA, "00000000000000b2", "00000000000000a1", "child", 150, 250)),
            ImportReport()));
        writer.flush();
        // Committed and readable; its parent is not there yet.
        QCOMPARE(testsupport::scalar(reader, "SELECT count(*) FROM spans WHERE run_id = ?",
                                     writer.runId()),
                 1);
        QCOMPARE(testsupport::scalar(reader, "SELECT parent_id IS NULL FROM spans WHERE "
                                             "span_key = '00000000000000b2'"),
                 1);

        QVERIFY(writer.offer(one(span(traceA, "00000000000000a1", "", "root", 100, 300)),
                             ImportReport()));
        writer.flush();
        QCOMPARE(testsupport::scalar(
                     reader, "SELECT p.span_key = '00000000000000a1' FROM spans c JOIN spans p "
                             "ON p.id = c.parent_id WHERE c.span_key = '00000000000000b2'"),
                 1);
        QCOMPARE(testsupport::scalar(reader, "SELECT flags & 4 FROM spans WHERE span_key = "
                                             "'00000000000000b2'"),
                 0); // no longer an orphan
        QCOMPARE(testsupport::scalar(reader, "SELECT span_count FROM traces WHERE run_id = ?",
                                     writer.runId()),
                 2);
        QCOMPARE(testsupport::scalar(reader, "SELECT name = 'root' FROM traces WHERE run_id = ?",
                                     writer.runId()),
                 1);
        QCOMPARE(testsupport::scalar(reader, "SELECT end_ns - start_ns FROM runs WHERE id = ?",
                                     writer.runId()),
                 200);

        const auto stats = writer.stop();
        QCOMPARE(stats.committed, 2);
        QCOMPARE(stats.traces, 1);
        const auto finished = reader.run(writer.runId());
        QVERIFY(finished.has_value());
        QCOMPARE(finished->spanCount, 2);
        QVERIFY(QString::fromStdString(finished->metadataJson)
                    .contains(QStringLiteral("\"receiving\":false")));
        QVERIFY(
            !writer.offer(one(span(traceA, "00000000000000c3", "", "late", 1, 2)), ImportReport()));
    }

    // Linked a piece at a time, the run ends as one import of all its spans would leave it.
    void relinkingGivesWhatOneLinkGives() {
        const auto spans = otlpbuilder::records(7, 20, 6);
        LiveWriter::Options o;
        o.workspacePath = ws(QStringLiteral("pieces.spanscope"));
        std::int64_t runId = 0;
        {
            LiveWriter writer(o);
            runId = writer.runId();
            // Backwards, a span per offer, flushed every few: roots arrive last.
            for (std::size_t i = spans.size(); i-- > 0;) {
                QVERIFY(writer.offer(one(spans[i]), ImportReport()));
                if (i % 7 == 0) writer.flush();
            }
        }
        Workspace reader(o.workspacePath);
        QCOMPARE(testsupport::scalar(reader, "SELECT count(*) FROM spans WHERE run_id = ?", runId),
                 120);
        QCOMPARE(testsupport::scalar(reader,
                                     "SELECT count(*) FROM spans WHERE run_id = ? AND parent_id "
                                     "IS NULL",
                                     runId),
                 20);
        QCOMPARE(testsupport::scalar(
                     reader, "SELECT count(*) FROM spans WHERE run_id = ? AND flags <> 0", runId),
                 0);
        QCOMPARE(testsupport::scalar(reader, "SELECT sum(span_count) FROM traces WHERE run_id = ?",
                                     runId),
                 120);
    }

    void aFullQueueRefusesInsteadOfGrowing() {
        LiveWriter::Options o;
        o.workspacePath = ws(QStringLiteral("full.spanscope"));
        o.maxQueuedSpans = 1000;
        LiveWriter writer(o);
        // Another program holds the workspace's write lock: the writer waits, the queue fills.
        Workspace other(o.workspacePath);
        other.exec("BEGIN IMMEDIATE");
        QVERIFY(writer.offer(otlpbuilder::records(1, 40, 10), ImportReport()));
        QVERIFY(writer.offer(otlpbuilder::records(2, 40, 10), ImportReport()));
        QVERIFY(!writer.offer(otlpbuilder::records(3, 40, 10), ImportReport()));
        QCOMPARE(writer.stats().refused, 400);
        other.exec("ROLLBACK");
        writer.flush();
        const auto stats = writer.stats();
        QCOMPARE(stats.committed, 800);
        QCOMPARE(stats.queued, 0);
        QVERIFY(writer.offer(otlpbuilder::records(3, 40, 10), ImportReport())); // room again
    }

#ifdef SPANSCOPE_CLI
    // spanscope-cli serve killed with SIGKILL: what it committed is there, the file is sound.
    // Stopped with SIGTERM: everything it answered 200 to is committed, and it says so.
    void aKilledReceiverLosesNoCommittedSpan() {
        for (const bool kill : {true, false}) {
            const QString file =
                ws(kill ? QStringLiteral("kill.spanscope") : QStringLiteral("term.spanscope"));
            QProcess serve;
            serve.start(QStringLiteral(SPANSCOPE_CLI),
                        {"serve", "--port", "0", "--format", "json", "--workspace", file});
            QVERIFY(serve.waitForReadyRead(30000));
            const auto start = nlohmann::json::parse(serve.readLine().toStdString());
            const std::string endpoint = start["endpoint"];
            const std::string hostPort = endpoint.substr(7, endpoint.find("/v1") - 7);
            httplib::Client client("http://" + hostPort);
            for (int i = 0; i < 3; ++i) {
                const auto res = client.Post(
                    "/v1/traces", otlpbuilder::request(10 + i, 50, 4).SerializeAsString(),
                    "application/x-protobuf");
                QVERIFY(res);
                QCOMPARE(res->status, 200);
            }
            Workspace reader(file);
            const std::int64_t runId = start["runId"];
            if (kill) {
                // Committed within a commit interval; then the process dies mid-flight.
                QTRY_COMPARE_WITH_TIMEOUT(
                    testsupport::scalar(reader, "SELECT count(*) FROM spans WHERE run_id = ?",
                                        runId),
                    600, 10000);
                serve.kill();
                QVERIFY(serve.waitForFinished(10000));
            } else {
                serve.terminate();
                QVERIFY(serve.waitForFinished(30000));
                QCOMPARE(serve.exitCode(), 0);
                const auto done = nlohmann::json::parse(serve.readAll().trimmed().toStdString());
                QCOMPARE(done["spans"].get<int>(), 600);
                QCOMPARE(done["traces"].get<int>(), 150);
                QCOMPARE(done["requests"].get<int>(), 3);
            }
            Workspace after(file);
            char *error = nullptr;
            std::string integrity;
            sqlite3_exec(
                after.handle(), "PRAGMA integrity_check",
                [](void *out, int, char **values, char **) {
                    *static_cast<std::string *>(out) = values[0] ? values[0] : "";
                    return 0;
                },
                &integrity, &error);
            QCOMPARE(integrity, std::string("ok"));
            QCOMPARE(
                testsupport::scalar(after, "SELECT count(*) FROM spans WHERE run_id = ?", runId),
                600);
            QCOMPARE(testsupport::scalar(after,
                                         "SELECT count(*) FROM spans WHERE run_id = ? AND "
                                         "parent_id IS NULL",
                                         runId),
                     150);
        }
    }
#endif
};

QTEST_GUILESS_MAIN(TestLiveWriter)
#include "tst_livewriter.moc"

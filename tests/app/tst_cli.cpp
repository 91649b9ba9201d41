// spanscope-cli end to end: exit codes, import, runs and summary in every format.
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QTest>

namespace {
struct Result {
    int exit = -1;
    QByteArray out, err;
};
Result cli(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(SPANSCOPE_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
} // namespace

class TstCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString ws() const { return m_tmp.filePath(QStringLiteral("cli.spanscope")); }

private slots:
    void usageErrorsExitTwo() {
        QCOMPARE(cli({}).exit, 2);
        QCOMPARE(cli({"frobnicate"}).exit, 2);
        QCOMPARE(cli({"import", "--workspace", ws()}).exit, 2);
        QCOMPARE(cli({"summary", "--workspace", ws()}).exit, 2);
        QCOMPARE(cli({"summary", "1", "--format", "xml", "--workspace", ws()}).exit, 2);
        QCOMPARE(cli({"runs", "--bogus"}).exit, 2);
        const Result help = cli({"--help"});
        QCOMPARE(help.exit, 0);
        QVERIFY(help.out.contains("spanscope-cli import PATH"));
    }

    void importThenSummarize() {
        const Result imp = cli({"import", testsupport::fixture("nat/parallel-newer"), "--workspace",
                                ws(), "--label", "baseline"});
        QCOMPARE(imp.exit, 0);
        QVERIFY2(imp.out.contains("imported run 1 'baseline' (nat-eval): 2 requests, 8 spans"),
                 imp.out);

        const Result again =
            cli({"import", testsupport::fixture("nat/parallel-newer"), "--workspace", ws()});
        QCOMPARE(again.exit, 0);
        QVERIFY2(again.out.contains("unchanged"), again.out);

        const Result runs = cli({"runs", "--workspace", ws(), "--format", "json"});
        QCOMPARE(runs.exit, 0);
        const auto list = nlohmann::json::parse(runs.out.constData());
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list[0]["label"].get<std::string>(), std::string("baseline"));

        const Result js = cli({"summary", "baseline", "--workspace", ws(), "--format", "json"});
        QCOMPARE(js.exit, 0);
        const auto s = nlohmann::json::parse(js.out.constData());
        QCOMPARE(s["requests"].get<int>(), 2);
        QCOMPARE(s["spans"].get<int>(), 8);
        QCOMPARE(s["spans_by_category"]["llm"].get<int>(), 3);
        QCOMPARE(s["unfinished_spans"].get<int>(), 1);
        QCOMPARE(s["error_spans"].get<int>(), 1);
        QCOMPARE(s["llm_calls"].get<int>(), 2); // the timed-out call is not counted
        QCOMPARE(s["tokens"]["input"].get<int>(), 1020);
        QCOMPARE(s["tokens"]["output"].get<int>(), 430);
        QCOMPARE(s["latency_s"]["max"].get<double>(), 40.0);
        QCOMPARE(s["latency_s"]["p50"].get<double>(), 21.0);    // (2 s + 40 s) / 2
        QCOMPARE(s["llm_latency_s"]["p95"].get<double>(), 3.4); // 1.5 s and 3.5 s, numpy linear
        QCOMPARE(s["evaluators"]["accuracy"]["mean"].get<double>(), 0.75);
        QCOMPARE(s["forecasts"]["workflow_runtime.mean"]["lower"].get<double>(), 2.0);

        const Result text = cli({"summary", "1", "--workspace", ws()});
        QCOMPARE(text.exit, 0);
        QVERIFY2(text.out.contains("Requests:   2"), text.out);
        QVERIFY2(text.out.contains("accuracy"), text.out);
        const Result md = cli({"summary", "1", "--workspace", ws(), "--format", "md"});
        QCOMPARE(md.exit, 0);
        QVERIFY2(md.out.contains("| Evaluator | Items | Mean | Reported |"), md.out);
    }

    void demoWritesTwoImportableInputsOnce() {
        const QString dir = m_tmp.filePath(QStringLiteral("demo"));
        QCOMPARE(cli({"generate", "--demo"}).exit, 2);
        const Result first = cli({"generate", "--demo", dir});
        QCOMPARE(first.exit, 0);
        const QStringList paths = QString::fromUtf8(first.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(paths, QStringList({dir + QStringLiteral("/nat-eval"),
                                     dir + QStringLiteral("/rollout.jsonl")}));
        const QByteArray before = testsupport::sha256(paths[1]);
        QCOMPARE(cli({"generate", "--demo", dir}).exit, 0); // kept, not written again
        QCOMPARE(testsupport::sha256(paths[1]), before);
        const QString demoWs = m_tmp.filePath(QStringLiteral("demo.spanscope"));
        const Result imp = cli({"import", paths[0], paths[1], "--workspace", demoWs});
        QCOMPARE(imp.exit, 0);
        QVERIFY2(imp.out.contains("(nat-eval)") && imp.out.contains("(otlp)"), imp.out);
    }

    void badInputExitsOneAndChangesNothing() {
        QTemporaryDir bad;
        QFile f(bad.filePath(QStringLiteral("all_requests_profiler_traces.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"request_number\": 0, \"intermediate_steps\": [");
        f.close();
        cli({"import", testsupport::fixture("nat/legacy-stream"), "--workspace", ws()});
        const QByteArray before = testsupport::workspaceDigest(ws());
        const Result r = cli({"import", bad.path(), "--workspace", ws()});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("all_requests_profiler_traces.json: line 1, byte"), r.err);
        QVERIFY2(r.err.contains("the workspace is unchanged"), r.err);
        QCOMPARE(testsupport::workspaceDigest(ws()), before);
        QCOMPARE(cli({"summary", "no-such-run", "--workspace", ws()}).exit, 1);
        QCOMPARE(cli({"import", m_tmp.filePath("missing"), "--workspace", ws()}).exit, 1);
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"

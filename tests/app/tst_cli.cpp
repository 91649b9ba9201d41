// spanscope-cli end to end: exit codes, import, runs and summary in every format.
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#ifdef SPANSCOPE_WITH_EXPORT
#include <QImage> // to look at what export wrote
#endif
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <map>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

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

        const QByteArray before = testsupport::workspaceDigest(ws());
        const QByteArray fileBefore = testsupport::sha256(ws());
        const Result again =
            cli({"import", testsupport::fixture("nat/parallel-newer"), "--workspace", ws()});
        QCOMPARE(again.exit, 0);
        QVERIFY2(again.out.contains("unchanged"), again.out);
        // A no-op writes nothing: not even the indexes are dropped and rebuilt.
        QCOMPARE(testsupport::workspaceDigest(ws()), before);
        QCOMPARE(testsupport::sha256(ws()), fileBefore);

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

    // The analysis commands on the fixture whose answers are worked out by hand here. Request 0:
    // agent [0,40] with planner [0.25,1.75], two web_search in parallel [2,5] and [2.125,4.5],
    // a writer call that never returned [5.5,40] and its retry [35.5,39]; request 1: agent [1,3]
    // with kb [1.5,2.5].
    void analysisCommands() {
        const QString w = m_tmp.filePath(QStringLiteral("analysis.spanscope"));
        QCOMPARE(cli({"import", testsupport::fixture("nat/parallel-newer"), "--workspace", w}).exit,
                 0);

        const Result stacks = cli({"stacks", "1", "--workspace", w, "--format", "json"});
        QCOMPARE(stacks.exit, 0);
        std::map<std::string, nlohmann::json> path;
        for (const auto &p : nlohmann::json::parse(stacks.out.constData()))
            path[p["path"].get<std::string>()] = p;
        QCOMPARE(path.size(), std::size_t(5));
        QCOMPARE(path["agent"]["calls"].get<int>(), 2);
        QCOMPARE(path["agent"]["total_s"].get<double>(), 42.0);
        QCOMPARE(path["agent"]["self_s"].get<double>(), 2.0); // 40 - 39 covered, 2 - 1
        QCOMPARE(path["agent;web_search"]["total_s"].get<double>(), 5.375);
        QCOMPARE(path["agent;web_search"]["max_concurrency"].get<int>(), 2);
        QCOMPARE(path["agent;writer-model"]["total_s"].get<double>(), 38.0);
        QCOMPARE(path["agent;writer-model"]["input_tokens"].get<int>(), 900);
        QCOMPARE(path["agent;planner-model"]["output_tokens"].get<int>(), 30);
        const Result collapsed =
            cli({"stacks", "1", "--workspace", w, "--format", "collapsed", "--weight", "self"});
        QCOMPARE(collapsed.exit, 0);
        QVERIFY2(collapsed.out.contains("agent 2000000\n"), collapsed.out);
        QVERIFY2(collapsed.out.contains("agent;web_search 5375000\n"), collapsed.out);
        const Result total = cli({"stacks", "1", "--workspace", w, "--format", "collapsed"});
        QVERIFY2(total.out.startsWith("agent 42000000\n"), total.out); // the requests' times
        QCOMPARE(cli({"stacks", "1", "--workspace", w, "--weight", "heat"}).exit, 2);

        const Result conc =
            cli({"concurrency", "1", "--workspace", w, "--format", "json", "--threshold", "2"});
        QCOMPARE(conc.exit, 0);
        const auto c = nlohmann::json::parse(conc.out.constData());
        // Level 0 for 30.75 s of 38.75, level 1 for 5.625 s, level 2 for 2.375 s.
        QCOMPARE(c["p50"].get<int>(), 0);
        QCOMPARE(c["p90"].get<int>(), 1);
        QCOMPARE(c["p95"].get<int>(), 2);
        QCOMPARE(c["spike_threshold"].get<int>(), 2);
        QCOMPARE(c["spike_intervals"].size(), std::size_t(1));
        const auto &iv = c["spike_intervals"][0];
        QCOMPARE(iv["start_time"].get<double>(), 1700000002.125);
        QCOMPARE(iv["end_time"].get<double>(), 1700000004.5);
        QVERIFY(iv["span_ids"] == nlohmann::json::array({"s1", "s2"}));
        QCOMPARE(c["spikes"].size(), std::size_t(1));
        QCOMPARE(
            nlohmann::json::parse(cli({"concurrency", "1", "--workspace", w, "--format", "json"})
                                      .out.constData())["spike_threshold"]
                .get<int>(),
            7);

        const Result slow = cli({"slow", "1", "--workspace", w, "--format", "json", "--top", "1"});
        QCOMPARE(slow.exit, 0);
        const auto s = nlohmann::json::parse(slow.out.constData());
        QCOMPARE(s["requests"].size(), std::size_t(1));
        const auto &r = s["requests"][0];
        QCOMPARE(r["trace_id"].get<std::string>(), std::string("w0"));
        QCOMPARE(r["item_id"].get<std::string>(), std::string("1"));
        QCOMPARE(r["latency_s"].get<double>(), 40.0);
        QCOMPARE(r["start_time"].get<double>(), 1700000000.0);
        // Backwards from 40: the unfinished writer call, then web_search s1, then the planner,
        // the agent's own gaps between them.
        const auto &cp = r["critical_path"];
        QCOMPARE(cp.size(), std::size_t(4));
        QCOMPARE(cp[0]["span_id"].get<std::string>(), std::string("w0"));
        QCOMPARE(cp[0]["self_s"].get<double>(), 1.0);
        QCOMPARE(cp[1]["name"].get<std::string>(), std::string("planner-model"));
        QCOMPARE(cp[2]["span_id"].get<std::string>(), std::string("s1"));
        QCOMPARE(cp[2]["self_s"].get<double>(), 3.0);
        QCOMPARE(cp[3]["span_id"].get<std::string>(), std::string("r0"));
        QCOMPARE(cp[3]["share"].get<double>(), 34.5 / 40);
        QVERIFY(s["sessions"].empty()); // NAT requests carry no session ids
        const Result md = cli({"slow", "1", "--workspace", w, "--format", "md"});
        QVERIFY2(md.out.contains("| 1 | 40.00 |"), md.out);
        QCOMPARE(cli({"slow", "1", "--workspace", w, "--top", "0"}).exit, 2);
        QCOMPARE(cli({"stacks", "--help"}).exit, 0);
        QCOMPARE(cli({"slow", "9", "--workspace", w}).exit, 1);
    }

#ifdef SPANSCOPE_WITH_EXPORT
    void exportRendersEveryView() {
        const QString w = m_tmp.filePath(QStringLiteral("export.spanscope"));
        QCOMPARE(cli({"import", testsupport::fixture("nat/parallel-newer"), "--workspace", w}).exit,
                 0);
        for (const char *view : {"timeline", "stacks", "tokens", "concurrency", "sessions"}) {
            const QString png = m_tmp.filePath(QStringLiteral("%1.png").arg(QLatin1String(view)));
            const Result r = cli({"export", "1", "--workspace", w, "--view", view, "--out", png,
                                  "--width", "900", "--height", "500"});
            QCOMPARE(r.exit, 0);
            QVERIFY2(r.err.isEmpty(), r.err);
            const QImage image(png);
            QCOMPARE(image.size(), QSize(900, 500));
            // Not blank: a view draws more than its background.
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 3, view);
        }
        const QString svg = m_tmp.filePath(QStringLiteral("stacks.svg"));
        QCOMPARE(cli({"export", "1", "--workspace", w, "--view", "stacks", "--out", svg}).exit, 0);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg") && text.contains("writer-model"));
        QCOMPARE(cli({"export", "1", "--workspace", w, "--view", "pie", "--out", svg}).exit, 2);
        QCOMPARE(cli({"export", "1", "--workspace", w, "--view", "stacks", "--out", "x.gif"}).exit,
                 2);
    }
#endif

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

    void readOnlyCommandsCreateNothing() {
        // A mistyped --workspace must not leave folders and an empty workspace behind.
        const QString missing = m_tmp.filePath(QStringLiteral("not/there/w.spanscope"));
        const Result runs = cli({"runs", "--workspace", missing});
        QCOMPARE(runs.exit, 0);
        QVERIFY2(runs.out.contains("no workspace there yet"), runs.out);
        QCOMPARE(cli({"runs", "--format", "json", "--workspace", missing}).out.trimmed(),
                 QByteArray("[]"));
        for (const QStringList &command :
             {QStringList{"summary", "1"}, QStringList{"stacks", "1"}, QStringList{"slow", "1"},
              QStringList{"compare", "1", "2"}, QStringList{"sizing", "1"}}) {
            const Result r = cli(command + QStringList{"--workspace", missing});
            QCOMPARE(r.exit, 1);
            QVERIFY2(r.err.contains("no workspace at"), r.err);
        }
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("not"))));
        // A first import that fails leaves no workspace (and no folders) behind.
        const Result failed = cli(
            {"import", m_tmp.filePath(QStringLiteral("missing-input")), "--workspace", missing});
        QCOMPARE(failed.exit, 1);
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("not"))));
        // Every command's --help is help: exit 0, usage on stdout.
        for (const char *command : {"import", "generate", "runs", "compare", "sizing"}) {
            const Result help = cli({command, "--help"});
            QCOMPARE(help.exit, 0);
            QVERIFY2(help.out.contains("Usage:"), help.out);
        }
    }

    void pipesAndDevicesAreRefusedNotWaitedOn() {
        // A FIFO given as PATH blocked in open() forever; /dev/null read as "empty". Both are
        // refused before anything opens them, with the reason and what to do.
        const QString fifo = m_tmp.filePath(QStringLiteral("stream.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const QString link = m_tmp.filePath(QStringLiteral("link-to-fifo.jsonl"));
        QVERIFY(QFile::link(fifo, link));
        cli({"import", testsupport::fixture("nat/legacy-stream"), "--workspace", ws()});
        const QByteArray before = testsupport::workspaceDigest(ws());
        for (const QString &path : {fifo, link, QStringLiteral("/dev/null")}) {
            QProcess p;
            p.start(QStringLiteral(SPANSCOPE_CLI), {"import", path, "--workspace", ws()});
            const bool finished = p.waitForFinished(20000);
            if (!finished) p.kill();
            QVERIFY2(finished, qPrintable(path + " made the import wait"));
            QCOMPARE(p.exitCode(), 1);
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(err.contains("not a regular file or folder"), err);
            QVERIFY2(err.contains(QFile::encodeName(path)), err);
        }
        QCOMPARE(testsupport::workspaceDigest(ws()), before);
    }

    // Another import holding the workspace: the second one waits (--wait), then exits 4 saying
    // another program is writing; the workspace is unchanged. A foreign SQLite file given as
    // the workspace is refused by every command with nothing written to it.
    void busyWorkspaceExitsFourAndForeignFilesAreUntouched() {
        const QString path = m_tmp.filePath(QStringLiteral("busy.spanscope"));
        QCOMPARE(
            cli({"import", testsupport::fixture("nat/legacy-stream"), "--workspace", path}).exit,
            0);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        const Result r = cli({"import", testsupport::fixture("nat/parallel-newer"), "--workspace",
                              path, "--wait", "1"});
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains("another program is writing to") && r.err.contains("--wait") &&
                     r.err.contains("the workspace is unchanged"),
                 r.err);
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        // Held exclusively, as an import writing in place holds it: a reader exits 4 too.
        QCOMPARE(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        const Result held = cli({"runs", "--workspace", path});
        QCOMPARE(held.exit, 4);
        QVERIFY2(held.err.contains("another program is writing to"), held.err);
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QVERIFY(cli({"runs", "--workspace", path}).out.contains("legacy-stream"));
        QVERIFY(!cli({"runs", "--workspace", path}).out.contains("parallel-newer"));

        const QString other = m_tmp.filePath(QStringLiteral("other-app.db"));
        QCOMPARE(sqlite3_open(QFile::encodeName(other).constData(), &db), SQLITE_OK);
        sqlite3_exec(db, "CREATE TABLE notes(a)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        const QByteArray before = testsupport::sha256(other);
        for (const QStringList &command :
             {QStringList{"runs"}, QStringList{"summary", "1"},
              QStringList{"import", testsupport::fixture("nat/legacy-stream")}}) {
            const Result refused = cli(command + QStringList{"--workspace", other});
            QCOMPARE(refused.exit, 1);
            QVERIFY2(refused.err.contains("another application"), refused.err);
        }
        QCOMPARE(testsupport::sha256(other), before);
        QVERIFY(!QFileInfo::exists(other + "-wal"));
    }

    // A kill at any point loses nothing committed. An import alone on its workspace writes
    // its pages in place (under a rollback journal): killed once it has, the workspace is
    // rolled back to the run before at its next opening, intact and in WAL again.
    void aKilledImportLeavesTheWorkspaceAsItWas() {
        const QString path = m_tmp.filePath(QStringLiteral("killed.spanscope"));
        QCOMPARE(
            cli({"import", testsupport::fixture("nat/legacy-stream"), "--workspace", path}).exit,
            0);
        const QString input = m_tmp.filePath(QStringLiteral("large.jsonl"));
        QCOMPARE(cli({"generate", "--spans", "60000", "--format", "otlp-jsonl", input}).exit, 0);
        const QByteArray before = testsupport::workspaceDigest(path);
        const qint64 sizeBefore = QFileInfo(path).size();
        const QString journal = path + QStringLiteral("-journal");
        QProcess p;
        p.start(QStringLiteral(SPANSCOPE_CLI), {"import", input, "--workspace", path});
        QVERIFY(p.waitForStarted());
        // Pages written in place: the file grows past its old end while the journal is there.
        bool inPlace = false;
        while (!inPlace && p.state() == QProcess::Running) {
            inPlace = QFileInfo::exists(journal) && QFileInfo(path).size() > sizeBefore + 1048576;
            if (!inPlace) QThread::msleep(2);
        }
        QVERIFY2(inPlace, "the import ended before it wrote in place: give it a larger input");
        p.kill();
        QVERIFY(p.waitForFinished());
        QVERIFY(QFileInfo::exists(journal));

        const Result runs = cli({"runs", "--workspace", path, "--format", "json"});
        QCOMPARE(runs.exit, 0);
        QCOMPARE(nlohmann::json::parse(runs.out.constData()).size(), std::size_t(1));
        QVERIFY(!QFileInfo::exists(journal));
        QCOMPARE(QFileInfo(path).size(), sizeBefore);
        QCOMPARE(testsupport::workspaceDigest(path), before);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        const auto text = [&](const char *sql) {
            sqlite3_stmt *st = nullptr;
            sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
            const QByteArray v = sqlite3_step(st) == SQLITE_ROW
                                     ? reinterpret_cast<const char *>(sqlite3_column_text(st, 0))
                                     : "";
            sqlite3_finalize(st);
            return v;
        };
        QCOMPARE(text("PRAGMA journal_mode"), QByteArray("wal"));
        QCOMPARE(text("PRAGMA integrity_check"), QByteArray("ok"));
        sqlite3_close(db);
    }

    // Unreadable input is an error naming it, never a silent fallback: an unreadable profiler
    // traces file made the NAT reader use workflow_output.json (383 of 516 spans, exit 0). An
    // unreadable folder, or a workspace in a folder it may not write, is named too. Root reads
    // everything, so as root the CLI runs as nobody (setpriv).
    void unreadableInputIsNamedNotSkipped() {
        QStringList prefix;
        if (::geteuid() == 0) {
            if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
                QSKIP("running as root and setpriv is missing: permissions cannot be tested");
            prefix = {"--reuid=65534", "--regid=65534", "--clear-groups", SPANSCOPE_CLI};
        }
        auto run = [&](const QStringList &args) {
            QProcess p;
            if (prefix.isEmpty())
                p.start(QStringLiteral(SPANSCOPE_CLI), args);
            else
                p.start(QStringLiteral("setpriv"), prefix + args);
            p.waitForFinished(120000);
            return Result{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        };
        QTemporaryDir tmp;
        QVERIFY(QFile::setPermissions(
            tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ReadOther | QFileDevice::ExeOther));
        const QString input = tmp.filePath(QStringLiteral("run"));
        QDir().mkpath(input);
        for (const QString &name :
             QDir(testsupport::fixture("nat/parallel-newer")).entryList(QDir::Files))
            QFile::copy(testsupport::fixture("nat/parallel-newer/") + name, input + "/" + name);
        const QString wsDir = tmp.filePath(QStringLiteral("ws"));
        QDir().mkpath(wsDir);
        QVERIFY(::chmod(QFile::encodeName(input).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(wsDir).constData(), 0777) == 0);
        for (const QString &name : QDir(input).entryList(QDir::Files))
            ::chmod(QFile::encodeName(input + "/" + name).constData(), 0644);
        const QString workspace = wsDir + QStringLiteral("/w.spanscope");

        const QString traces = input + QStringLiteral("/all_requests_profiler_traces.json");
        QVERIFY(::chmod(QFile::encodeName(traces).constData(), 0) == 0);
        Result r = run({"import", input, "--workspace", workspace});
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("all_requests_profiler_traces.json: cannot read this file "
                                "(permission denied)"),
                 r.err);
        QVERIFY(!QFileInfo::exists(workspace));
        ::chmod(QFile::encodeName(traces).constData(), 0644);

        QVERIFY(::chmod(QFile::encodeName(input).constData(), 0) == 0);
        r = run({"import", input, "--workspace", workspace});
        ::chmod(QFile::encodeName(input).constData(), 0755);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("cannot read this folder (permission denied)"), r.err);

        QVERIFY(::chmod(QFile::encodeName(wsDir).constData(), 0555) == 0);
        r = run({"import", input, "--workspace", workspace});
        ::chmod(QFile::encodeName(wsDir).constData(), 0777);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains("cannot write in the folder") && r.err.contains("ws"), r.err);

        r = run({"import", input, "--workspace", workspace});
        QCOMPARE(r.exit, 0);
        QVERIFY2(r.out.contains("8 spans"), r.out);
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"

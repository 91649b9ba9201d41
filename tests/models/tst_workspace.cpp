#include "core/importprogress.h"
#include "core/importreport.h"
#include "store/bulkwriter.h"
#include "store/importer.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "store/workspacefile.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <sqlite3.h>

using namespace spanscope;

namespace {
QString fixture() {
    return testsupport::fixture(QStringLiteral("nat/parallel-newer"));
}

// Begins a run of one trace of one span, through `writer`'s open transaction.
void writeOneSpanRun(BulkWriter &writer) {
    writer.beginRun("r", "otel", "/x", "d", "q");
    ImportBatch batch;
    batch.traces.push_back(testsupport::oneSpanTrace());
    writer.write(std::move(batch));
    ImportReport report;
    writer.finishRun(report, "{}");
}

std::string journalMode(Workspace &ws) {
    return testsupport::scalarText(ws, "PRAGMA journal_mode");
}
} // namespace

class TstWorkspace : public QObject {
    Q_OBJECT
private slots:
    void createsTheLatestSchema() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("sub/dir/w.spanscope")));
        QVERIFY(Workspace::latestVersion() >= 1);
        QCOMPARE(Workspace::userVersion(ws.handle()), Workspace::latestVersion());
        for (const char *table :
             {"runs", "traces", "spans", "span_payloads", "events", "eval_items", "eval_scores",
              "sizing_points", "run_metrics", "run_files"}) {
            Statement st(ws.handle(),
                         "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
            st.bind(1, std::string_view(table));
            QVERIFY(st.step());
            QVERIFY2(st.int64(0) == 1, table);
        }
    }

    void migratesEveryPreviousVersion() {
        for (int from = 0; from < Workspace::latestVersion(); ++from) {
            QTemporaryDir tmp;
            const QString path = tmp.filePath(QStringLiteral("old.spanscope"));
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
            Workspace::migrate(db, from);
            QCOMPARE(Workspace::userVersion(db), from);
            sqlite3_close(db);
            Workspace ws(path);
            QCOMPARE(Workspace::userVersion(ws.handle()), Workspace::latestVersion());
            testsupport::importPath(ws, fixture());
            QCOMPARE(ws.runs().size(), std::size_t(1));
            // 004: no index on (trace, span id) is kept up any more.
            Statement index(ws.handle(),
                            "SELECT count(*) FROM sqlite_master WHERE name = 'spans_key'");
            QVERIFY(index.step());
            QCOMPARE(index.int64(0), std::int64_t(0));
        }
    }

    void refusesANewerWorkspace() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("new.spanscope"));
        {
            Workspace ws(path);
            ws.exec("PRAGMA user_version = 999");
        }
        try {
            Workspace ws(path);
            QFAIL("opened a newer workspace");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromLatin1(e.what()).contains("newer"), e.what());
        }
    }

    void refusesAFileThatIsNotAWorkspace() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const QByteArray before = testsupport::sha256(path);
        try {
            Workspace ws(path);
            QFAIL("opened a text file");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromLatin1(e.what()).contains("not a Spanscope workspace"), e.what());
        }
        QCOMPARE(testsupport::sha256(path), before);
    }

    // Another application's SQLite file is refused before SQLite opens it for writing: not a
    // byte changes, no WAL or SHM file appears, and the message says what the file is.
    void refusesAnotherApplicationsDatabaseUntouched_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("said");
        QTest::newRow("no name clash") << "CREATE TABLE notes(a); INSERT INTO notes VALUES (1);"
                                       << "1 table: notes";
        QTest::newRow("a runs table") << "CREATE TABLE runs(a); CREATE TABLE spans(b);"
                                      << "2 tables: runs, spans";
        QTest::newRow("user_version 3") << "CREATE TABLE t(a); PRAGMA user_version = 3;"
                                        << "1 table: t";
        QTest::newRow("GeoPackage") << "PRAGMA application_id = 1196444487; CREATE TABLE g(a);"
                                    << "application_id 'GPKG'";
        QTest::newRow("WAL mode") << "PRAGMA journal_mode = WAL; CREATE TABLE w(a);"
                                  << "1 table: w";
    }
    void refusesAnotherApplicationsDatabaseUntouched() {
        QFETCH(QString, sql);
        QFETCH(QString, said);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("other.db"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        const QByteArray before = testsupport::sha256(path);
        const QStringList filesBefore = QDir(tmp.path()).entryList(QDir::Files);
        try {
            Workspace ws(path);
            QFAIL("opened another application's database");
        } catch (const StoreError &e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains("another application") && m.contains(said) &&
                         m.contains("other.db") && !m.contains("newer"),
                     e.what());
        }
        QCOMPARE(testsupport::sha256(path), before);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), filesBefore);
    }

    // New workspaces carry Spanscope's application_id; one from before the mark (our tables, no
    // id) is still opened and gets the mark; an empty SQLite file becomes a workspace.
    void workspacesAreMarkedAndOldOnesAdopted() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        auto applicationId = [&] {
            return testsupport::scalar(*std::make_unique<Workspace>(path), "PRAGMA application_id");
        };
        QCOMPARE(applicationId(), std::int64_t(WorkspaceFile::applicationId));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.read(72).mid(68, 4), QByteArray("SpSc"));
        }
        {
            Workspace ws(path);
            ws.exec("PRAGMA application_id = 0");
        }
        QCOMPARE(applicationId(), std::int64_t(WorkspaceFile::applicationId));
        const QString empty = tmp.filePath(QStringLiteral("empty.db"));
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(empty).constData(), &db);
        sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        Workspace ws(empty);
        QCOMPARE(Workspace::userVersion(ws.handle()), Workspace::latestVersion());
    }

    void aFolderIsNotAWorkspace() {
        QTemporaryDir tmp;
        try {
            Workspace ws(tmp.path());
            QFAIL("opened a folder");
        } catch (const StoreError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("is a folder, not a workspace file"),
                     e.what());
        }
    }

    // A write that waits longer than the workspace's busy limit for another connection's write
    // lock ends with WorkspaceBusy, whose message says another program holds it.
    void aHeldWriteLockIsWorkspaceBusy() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        Workspace holder(path);
        holder.exec("BEGIN IMMEDIATE");
        Workspace ws(path);
        int reports = 0;
        ws.setBusyWait(std::chrono::milliseconds(1300), [&](int) { ++reports; });
        try {
            ws.exec("BEGIN IMMEDIATE");
            QFAIL("took a lock another connection holds");
        } catch (const WorkspaceBusy &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("another program is writing"), e.what());
        }
        QCOMPARE(reports, 1); // about once a second while waiting
        holder.exec("ROLLBACK");
        ws.exec("BEGIN IMMEDIATE");
        ws.exec("ROLLBACK");
    }

    // An import sure to write, alone on its workspace, writes its pages in place under a
    // rollback journal (synced in full), and the workspace is in WAL again after a commit or a
    // rollback. Not asked (an import that may turn out unchanged), it stays in WAL.
    void aSoleImportWritesInPlaceThenReturnsToWal() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        Workspace ws(path);
        for (const bool keep : {false, true}) {
            BulkWriter writer(ws);
            writer.begin(true);
            QCOMPARE(journalMode(ws), std::string("delete"));
            QCOMPARE(testsupport::scalar(ws, "PRAGMA synchronous"), 2); // FULL
            writeOneSpanRun(writer);
            QVERIFY(QFileInfo::exists(path + QStringLiteral("-journal")));
            if (keep)
                writer.commit();
            else
                writer.rollback();
            QCOMPARE(journalMode(ws), std::string("wal"));
            QCOMPARE(testsupport::scalar(ws, "PRAGMA synchronous"), 1); // NORMAL
            QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
            QCOMPARE(ws.runs().size(), std::size_t(keep ? 1 : 0));
        }
        BulkWriter writer(ws);
        writer.begin(false);
        QCOMPARE(journalMode(ws), std::string("wal"));
        writer.rollback();
    }

    // Beside another connection (the app showing the workspace) the import goes through the
    // WAL, without waiting for the reader, which reads throughout.
    void anImportBesideAReaderGoesThroughTheWal() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        Workspace reader(path);
        testsupport::importPath(reader, fixture());
        Workspace ws(path);
        int waits = 0;
        ws.setBusyWait(std::chrono::seconds(30), [&](int) { ++waits; });
        BulkWriter writer(ws);
        writer.begin(true);
        QCOMPARE(journalMode(ws), std::string("wal"));
        writeOneSpanRun(writer);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
        QCOMPARE(reader.runs().size(), std::size_t(1));
        writer.commit();
        QCOMPARE(waits, 0);
        QCOMPARE(reader.runs().size(), std::size_t(2));
        QCOMPARE(journalMode(reader), std::string("wal"));
    }

    // What a program opening the workspace meets while a sole load holds it (pages written
    // in place take the file's exclusive lock): after the usual wait, the writer named, not
    // "not a Spanscope workspace".
    void openingDuringASoleLoadIsWorkspaceBusy() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        { Workspace made(path); }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        try {
            Workspace ws(path);
            QFAIL("opened a workspace another connection holds exclusively");
        } catch (const WorkspaceBusy &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("another program is writing"), e.what());
        }
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        Workspace ws(path);
        QCOMPARE(journalMode(ws), std::string("wal"));
    }

    // A one-file OTLP input is digested from the bytes its reader read: the digest a read of
    // the file gives, so importing it again is a no-op. (A document and JSON lines.)
    void aTappedDigestIsTheFilesOwn() {
        QTemporaryDir tmp;
        QFile doc(testsupport::fixture(QStringLiteral("otlp/proto-equivalent.json")));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QByteArray document = doc.readAll();
        const QByteArray line = QByteArray(document).replace('\n', ' ') + '\n';
        const QString documentFile = tmp.filePath(QStringLiteral("doc.json"));
        const QString linesFile = tmp.filePath(QStringLiteral("lines.jsonl"));
        QVERIFY(testsupport::writeFile(documentFile, document));
        QVERIFY(testsupport::writeFile(linesFile, line + line));
        for (const QString &file : {documentFile, linesFile}) {
            Workspace ws(file + QStringLiteral(".spanscope"));
            const auto first = testsupport::importPath(ws, file);
            QCOMPARE(first.size(), std::size_t(1));
            QCOMPARE(ws.run(first[0].runId)->digest, Importer::digest(file, {file}));
            QVERIFY(testsupport::importPath(ws, file)[0].unchanged);
        }
    }

    void reimportIsANoOpUnlessForced() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto first = testsupport::importPath(ws, fixture());
        QCOMPARE(first.size(), std::size_t(1));
        QVERIFY(!first[0].unchanged);
        const std::int64_t spans = testsupport::scalar(ws, "SELECT count(*) FROM spans");
        QCOMPARE(spans, 8);

        const auto again = testsupport::importPath(ws, fixture());
        QVERIFY(again[0].unchanged);
        QCOMPARE(again[0].runId, first[0].runId);
        QCOMPARE(ws.runs().size(), std::size_t(1));
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans"), spans);

        const auto forced = testsupport::importPath(ws, fixture(), true);
        QVERIFY(!forced[0].unchanged);
        QVERIFY(forced[0].runId != first[0].runId);
        QCOMPARE(ws.runs().size(), std::size_t(1)); // replaced, not duplicated
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM spans"), spans);
        QCOMPARE(testsupport::scalar(ws, "SELECT count(*) FROM eval_scores"), 2);
    }

    void changedInputIsANewRun() {
        QTemporaryDir tmp;
        QTemporaryDir src;
        for (const QString &f : QDir(fixture()).entryList(QDir::Files))
            QFile::copy(fixture() + "/" + f, src.filePath(f));
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        testsupport::importPath(ws, src.path());
        QFile f(src.filePath(QStringLiteral("accuracy_output.json")));
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n");
        f.close();
        QVERIFY(!testsupport::importPath(ws, src.path())[0].unchanged);
        QCOMPARE(ws.runs().size(), std::size_t(2));
    }

    void indexesAndPageCacheAreRestoredAfterTheLoad() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const char *indexes = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                              "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)";
        const auto names = [&] {
            Statement st(ws.handle(), indexes);
            return st.step() ? st.text(0) : std::string();
        };
        const auto cacheSize = [&] {
            Statement st(ws.handle(), "PRAGMA cache_size");
            return st.step() ? st.int64(0) : 0;
        };
        const std::string before = names();
        const std::int64_t cacheBefore = cacheSize();
        QVERIFY(before.find("spans_trace") != std::string::npos);
        testsupport::importPath(ws, fixture());
        QCOMPARE(names(), before);
        // The import's smaller page cache was the import's only.
        QCOMPARE(cacheSize(), cacheBefore);
    }

    void findRenameRemove() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, fixture());
        const std::int64_t id = runs[0].runId;
        QCOMPARE(ws.findRun(std::to_string(id))->label, std::string("parallel-newer"));
        QCOMPARE(ws.findRun("parallel-newer")->id, id);
        QVERIFY(!ws.findRun("nothing").has_value());
        ws.renameRun(id, "baseline");
        QCOMPARE(ws.findRun("baseline")->id, id);
        ws.removeRun(id);
        QVERIFY(ws.runs().empty());
        for (const char *sql :
             {"SELECT count(*) FROM spans", "SELECT count(*) FROM traces",
              "SELECT count(*) FROM span_payloads", "SELECT count(*) FROM eval_scores",
              "SELECT count(*) FROM eval_items", "SELECT count(*) FROM run_metrics",
              "SELECT count(*) FROM run_files"})
            QVERIFY2(testsupport::scalar(ws, sql) == 0, sql);
    }

    void labelOption() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        ImportProgress progress;
        ImportOptions options;
        options.label = QStringLiteral("v2 candidate");
        const auto runs = Importer(ws).importPath(fixture(), options, progress);
        QCOMPARE(ws.run(runs[0].runId)->label, std::string("v2 candidate"));
        QVERIFY(progress.total() > 0);
        QCOMPARE(progress.done(), progress.total());
    }

    void timesEachPhase() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        QElapsedTimer wall;
        wall.start();
        ImportProgress progress; // its first phase's clock starts here, after the wall clock
        Importer(ws).importPath(fixture(), ImportOptions(), progress);
        const double elapsed = static_cast<double>(wall.nsecsElapsed()) / 1e9;
        const auto timings = progress.timings();
        std::vector<std::string> names;
        double sum = 0;
        for (const auto &[name, seconds] : timings) {
            names.push_back(name);
            QVERIFY2(seconds >= 0, name.c_str());
            if (name != "done") sum += seconds;
        }
        // Each phase once, in the order it first began (a NAT folder's traces come whole: no
        // linking).
        const std::vector<std::string> expected{
            "reading",    "preparing",         "waiting for the reader",
            "writing",    "hashing the input", "finishing the run",
            "committing", "checkpointing",     "done"};
        QCOMPARE(names, expected);
        // The phases cover the import: their sum is its wall time (the clock started before).
        QVERIFY2(sum <= elapsed && sum > elapsed * 0.5,
                 qPrintable(QStringLiteral("%1 of %2 s").arg(sum).arg(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TstWorkspace)
#include "tst_workspace.moc"

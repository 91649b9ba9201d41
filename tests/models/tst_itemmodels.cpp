// The item models of the runs dock, checked by QAbstractItemModelTester from before their first
// data on, against a real workspace.
#include "item/runlistmodel.h"
#include "item/tracefiltermodel.h"
#include "item/tracetablemodel.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace spanscope;

class TstItemModels : public QObject {
    Q_OBJECT
private slots:
    void runList() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        RunListModel model(ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/parallel-newer")));
        testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/legacy-stream")));
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(RunListModel::ColumnCount));
        QCOMPARE(model.data(model.index(0, RunListModel::Label)).toString(),
                 QStringLiteral("parallel-newer"));
        QCOMPARE(model.data(model.index(0, RunListModel::Kind)).toString(),
                 QStringLiteral("nat-eval"));
        QCOMPARE(model.data(model.index(0, RunListModel::Requests)).toLongLong(), 2);
        QCOMPARE(model.data(model.index(1, RunListModel::Spans)).toLongLong(), 4);
        QCOMPARE(model.headerData(RunListModel::Spans, Qt::Horizontal).toString(),
                 QStringLiteral("Spans"));

        // Renaming edits the workspace.
        QVERIFY(model.flags(model.index(0, RunListModel::Label)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, RunListModel::Kind)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, RunListModel::Label), QStringLiteral("  ")));
        QVERIFY(model.setData(model.index(0, RunListModel::Label), QStringLiteral("baseline")));
        const std::int64_t id = model.runId(0);
        QCOMPARE(ws.run(id)->label, std::string("baseline"));
        QCOMPARE(model.rowOfRun(id), 0);

        // Removing deletes the run and its rows.
        QVERIFY(model.removeRun(0));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(ws.runs().size(), std::size_t(1));
        QVERIFY(!ws.run(id).has_value());
        QVERIFY(!model.removeRun(5));
    }

    // Issue 13, item 18: run names sort as people read them, numbers by value.
    void runNamesSortNaturally() {
        QStringList names{"wf_concurrency_16",
                          "wf_concurrency_2",
                          "WF_concurrency_1",
                          "wf_concurrency_10",
                          "run b",
                          "run A",
                          "wf_concurrency_002x"};
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return RunListModel::naturalSortKey(a) < RunListModel::naturalSortKey(b);
        });
        QCOMPARE(names,
                 (QStringList{"run A", "run b", "WF_concurrency_1", "wf_concurrency_2",
                              "wf_concurrency_002x", "wf_concurrency_10", "wf_concurrency_16"}));
    }

    void aLockedWorkspaceRefusesRenameWithoutChange() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        Workspace ws(path);
        testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/parallel-newer")));
        RunListModel model(ws);
        model.reload();
        QSignalSpy failed(&model, &RunListModel::writeFailed);
        // Another connection holds the write lock, as an import's transaction does.
        Workspace other(path);
        other.exec("BEGIN IMMEDIATE");
        QVERIFY(!model.setData(model.index(0, RunListModel::Label), QStringLiteral("renamed")));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("rename")));
        QCOMPARE(model.data(model.index(0, RunListModel::Label)).toString(),
                 QStringLiteral("parallel-newer"));
        other.exec("ROLLBACK");
        QCOMPARE(ws.runs()[0].label, std::string("parallel-newer"));
    }

    void traceTableSortsAndFilters() {
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs =
            testsupport::importPath(ws, testsupport::fixture(QStringLiteral("nat/parallel-newer")));
        TraceTableModel model(ws);
        TraceFilterModel filter;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        model.setRun(runs[0].runId);
        QCOMPARE(model.rowCount(), 2);
        // Request 0 runs 0..40 s, request 1 1..3 s (tests/fixtures/nat/parallel-newer).
        QCOMPARE(model.data(model.index(0, TraceTableModel::Duration)).toString(),
                 QStringLiteral("40.000 s"));
        QCOMPARE(model.data(model.index(1, TraceTableModel::Start)).toString(),
                 QStringLiteral("1.000 s"));
        QCOMPARE(model.data(model.index(0, TraceTableModel::LlmCalls)).toLongLong(), 2);
        QCOMPARE(model.data(model.index(0, TraceTableModel::InputTokens)).toLongLong(), 1020);
        QCOMPARE(model.data(model.index(0, TraceTableModel::Errors)).toLongLong(), 1);
        QCOMPARE(model.row(1)->itemKey, std::string("q-2"));

        // Sorting is numeric: 2 s before 40 s, although "40..." < "2..." would not hold as text.
        filter.sort(TraceTableModel::Duration, Qt::AscendingOrder);
        QCOMPARE(filter.data(filter.index(0, TraceTableModel::Duration)).toString(),
                 QStringLiteral("2.000 s"));
        filter.sort(TraceTableModel::Duration, Qt::DescendingOrder);
        QCOMPARE(filter.data(filter.index(0, TraceTableModel::Duration)).toString(),
                 QStringLiteral("40.000 s"));

        filter.setText(QStringLiteral("Q-2")); // item key, any case
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QString());
        filter.setMinimumDurationNs(10'000'000'000);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.data(filter.index(0, TraceTableModel::Duration)).toString(),
                 QStringLiteral("40.000 s"));
        filter.setMinimumDurationNs(0);
        QCOMPARE(filter.rowCount(), 2);

        model.setRun(0);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(filter.rowCount(), 0);
    }

    void traceTableOnARealRun() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(
            ws, QDir(testsupport::samplesDir()).filePath(QStringLiteral("nat/aiq-v1-c8")));
        TraceTableModel model(ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(runs[0].runId);
        QCOMPARE(model.rowCount(), 24);
        qint64 spans = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            spans += model.data(model.index(r, TraceTableModel::Spans)).toLongLong();
        QCOMPARE(spans, 516);
    }
};

QTEST_GUILESS_MAIN(TstItemModels)
#include "tst_itemmodels.moc"

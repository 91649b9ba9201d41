// The desktop app's window offscreen, end to end: imports generated data through the real
// ImportController, shows the runs and requests, opens a waterfall, inspects a span, searches,
// collapses, measures, and reports a bad input without changing the workspace. Saves
// mainwindow.png and mainwindow-waterfall.png in the working folder to look at.
#include "analysis/timelinelayout.h"
#include "appwindowtest.h"
#include "inspector/inspectorview.h"
#include "item/runlistmodel.h"
#include "item/tracefiltermodel.h"
#include "item/tracetablemodel.h"
#include "mainwindow.h"
#include "store/importcontroller.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"
#include "timeline/timelineminimap.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"
#include "workspace/requestspanel.h"
#include "workspace/runspanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <set>

using namespace spanscope;

class TstMainWindow : public AppWindowTest {
    Q_OBJECT

private slots:
    void initTestCase() { generateData(); }

    void importsAFolderAndShowsItsRuns() {
        auto w = importedWindow("a.spanscope");
        QVERIFY(w);
        QVERIFY(w->lastErrorText().isEmpty());
        const auto runs = w->workspace().runs();
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(w->runModel()->rowCount(), 2);
        // The newest run is selected, and its requests and spans are what the workspace holds.
        const qint64 shown = w->runsPanel()->currentRun();
        QVERIFY(shown != 0);
        QCOMPARE(w->timeline()->runId(), shown);
        const auto info = w->workspace().run(shown);
        QVERIFY(info);
        QCOMPARE(static_cast<std::int64_t>(w->timeline()->spans()->size()), info->spanCount);
        QCOMPARE(w->requestModel()->rowCount(), static_cast<int>(info->traceCount));
        QCOMPARE(w->requestsPanel()->table()->model()->rowCount(),
                 static_cast<int>(info->traceCount));
        // Selecting the other run swaps the requests and the timeline.
        QSignalSpy loaded(w->timeline(), &TimelinePane::loaded);
        const qint64 other = runs[0].id == shown ? runs[1].id : runs[0].id;
        w->runsPanel()->selectRun(other);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(w->timeline()->runId(), other);
        QCOMPARE(w->requestModel()->rowCount(),
                 static_cast<int>(w->workspace().run(other)->traceCount));
        // The Runs dock sorts by its columns, names naturally, and still selects the run
        // clicked (issue 13, item 18).
        const int sRow = w->runModel()->rowOfRun(shown), oRow = w->runModel()->rowOfRun(other);
        QVERIFY(w->runModel()->setData(w->runModel()->index(sRow, RunListModel::Label),
                                       QStringLiteral("wf_concurrency_16")));
        QVERIFY(w->runModel()->setData(w->runModel()->index(oRow, RunListModel::Label),
                                       QStringLiteral("wf_concurrency_2")));
        QTableView *runsTable = w->runsPanel()->table();
        runsTable->sortByColumn(RunListModel::Label, Qt::AscendingOrder);
        QCOMPARE(runsTable->model()->index(0, RunListModel::Label).data().toString(),
                 QStringLiteral("wf_concurrency_2"));
        runsTable->setCurrentIndex(runsTable->model()->index(1, RunListModel::Label));
        QCOMPARE(w->runsPanel()->currentRun(), shown); // wf_concurrency_16, the second row
        QVERIFY(loaded.wait(60000));
        QCOMPARE(w->timeline()->runId(), shown);
        runsTable->setCurrentIndex(runsTable->model()->index(0, RunListModel::Label));
        QCOMPARE(w->runsPanel()->currentRun(), other);
        QVERIFY(loaded.wait(60000));
        w->runsPanel()->selectRun(shown);
        QVERIFY(loaded.wait(60000));
        QApplication::processEvents();
        QVERIFY(w->grab().save(QStringLiteral("mainwindow.png")));

        // The folder and the workspace are recent items now, most recent first.
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("recentImports")).toStringList().value(0),
                 QFileInfo(m_data).absoluteFilePath());
        QCOMPARE(settings.value(QStringLiteral("recentWorkspaces")).toStringList().value(0),
                 QFileInfo(workspacePath("a.spanscope")).absoluteFilePath());

        // A second import of the same folder changes nothing (unchanged input is a no-op).
        QSignalSpy finished(w.get(), &MainWindow::importFinished);
        QVERIFY(w->importPaths({m_data}));
        QVERIFY(finished.wait(120000));
        QCOMPARE(w->workspace().runs().size(), std::size_t(2));
    }

    void doubleClickedRequestOpensItsWaterfallAndInspectorShowsSpans() {
        auto w = importedWindow("b.spanscope");
        QVERIFY(w);
        QTableView *table = w->requestsPanel()->table();
        const int row = 3; // the fourth request in start order
        const QModelIndex index = table->model()->index(row, TraceTableModel::Name);
        const int request = w->requestsPanel()->filter()->mapToSource(index).row();
        QSignalSpy changed(w->timeline(), &TimelinePane::layoutChanged);
        QSignalSpy activated(w->requestsPanel(), &RequestsPanel::requestActivated);
        table->scrollTo(index);
        const QPoint at = table->visualRect(index).center();
        // A double-click as a mouse sends it: press, release, then the double-click.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.size(), 1);
        QVERIFY(changed.wait(30000));
        QCOMPARE(w->timeline()->mode(), TimelinePane::Mode::Waterfall);
        QCOMPARE(w->timeline()->traceShown(), request);
        const TimelineSpans &s = *w->timeline()->spans();
        const TimelineLayout *layout = w->timeline()->view()->layout();
        std::size_t inRequest = 0;
        for (std::size_t i = 0; i < s.size(); ++i)
            inRequest += s.trace[i] == request ? 1 : 0;
        QCOMPARE(static_cast<std::size_t>(layout->laneCount()), inRequest);

        // Click an LLM span's bar: the inspector shows its model and, on its tab, the prompt.
        TimelineView *view = w->timeline()->view();
        std::int32_t llm = -1;
        for (std::int32_t lane = 0; lane < layout->laneCount() && llm < 0; ++lane) {
            const std::int32_t span = *layout->laneBegin(lane);
            if (s.category[static_cast<std::size_t>(span)] == 4 /* Category::Llm */) llm = span;
        }
        QVERIFY(llm >= 0);
        const auto i = static_cast<std::size_t>(llm);
        const TimelineViewport &v = view->viewport();
        const double x = view->lanesLeft() + (static_cast<double>(s.start[i] + s.end[i]) / 2 -
                                              static_cast<double>(v.t0)) /
                                                 v.nsPerPixel;
        const double y =
            TimelineView::axisHeight + (layout->laneOf(llm) - v.firstLane + 0.5) * v.laneHeightPx;
        // Hovering it shows name, duration, self time, model and tokens.
        QHelpEvent help(QEvent::ToolTip, QPointF(x, y).toPoint(),
                        view->mapToGlobal(QPointF(x, y).toPoint()));
        QApplication::sendEvent(view, &help);
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(QString::fromStdString(s.names[s.nameId[i]])), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("self")) && tip.contains(QStringLiteral("tokens")) &&
                     tip.contains(QStringLiteral("model")),
                 qPrintable(tip));
        QTest::mouseClick(view, Qt::LeftButton, {}, QPointF(x, y).toPoint());
        QCOMPARE(view->selectedSpan(), llm);
        QCOMPARE(w->inspector()->spanShown(), s.spanId[i]);
        const auto detail = RunQueries(w->workspace()).spanDetail(s.spanId[i]);
        QVERIFY(detail && !detail->model.empty());
        QVERIFY2(w->inspector()->attributeText().contains(QString::fromStdString(detail->model)),
                 qPrintable(w->inspector()->attributeText()));
        const QString payload =
            QString::fromStdString(RunQueries(w->workspace()).spanPayload(s.spanId[i]));
        QVERIFY(!payload.isEmpty());
        auto *tabs = w->inspector()->findChild<QTabWidget *>();
        QTest::qWait(50); // let the inspector's layout take the new title's height
        QVERIFY(w->inspector()->grab().save(QStringLiteral("inspector-span.png")));
        tabs->setCurrentIndex(2);
        QVERIFY(!w->inspector()->payloadText().isEmpty());
        QVERIFY(w->grab().save(QStringLiteral("mainwindow-waterfall.png")));

        // The root's toggle in the gutter collapses the request to one row, and opens it again.
        const int toggleX = 6 + TimelinePainter::toggleWidth / 2;
        QTest::mouseClick(view, Qt::LeftButton, {},
                          QPoint(toggleX, TimelineView::axisHeight + v.laneHeightPx / 2));
        QVERIFY(changed.wait(30000));
        QCOMPARE(view->layout()->laneCount(), 1);
        QTest::mouseClick(view, Qt::LeftButton, {},
                          QPoint(toggleX, TimelineView::axisHeight + v.laneHeightPx / 2));
        QVERIFY(changed.wait(30000));
        QCOMPARE(static_cast<std::size_t>(view->layout()->laneCount()), inRequest);
    }

    void searchHighlightsNamesAndAttributesAndNSteps() {
        auto w = importedWindow("c.spanscope");
        QVERIFY(w);
        TimelinePane *pane = w->timeline();
        QSignalSpy done(pane, &TimelinePane::searchFinished);
        pane->search(QStringLiteral("NEMOTRON")); // case-insensitive (LLM spans are named by model)
        QVERIFY(done.wait(30000));
        const TimelineSpans &s = *pane->spans();
        // Every span named so is a hit, and every hit says it in its name or attributes.
        std::size_t named = 0;
        for (std::size_t i = 0; i < s.size(); ++i)
            named += QString::fromStdString(s.names[s.nameId[i]])
                             .contains(QLatin1String("nemotron"), Qt::CaseInsensitive)
                         ? 1
                         : 0;
        QVERIFY(named > 0);
        QVERIFY(static_cast<std::size_t>(pane->matchCount()) >= named);
        // The first hit is selected; N steps to later hits in time order, Shift+N back.
        TimelineView *view = pane->view();
        const std::int32_t first = view->selectedSpan();
        QVERIFY(first >= 0);
        const auto d =
            RunQueries(w->workspace()).spanDetail(s.spanId[static_cast<std::size_t>(first)]);
        QVERIFY(QString::fromStdString(d->name + d->attributesJson + d->model)
                    .contains(QLatin1String("nemotron"), Qt::CaseInsensitive));
        QTest::keyClick(view, Qt::Key_N);
        const std::int32_t second = view->selectedSpan();
        QVERIFY(second != first);
        QVERIFY(s.start[static_cast<std::size_t>(second)] >=
                s.start[static_cast<std::size_t>(first)]);
        QTest::keyClick(view, Qt::Key_N, Qt::ShiftModifier);
        QCOMPARE(view->selectedSpan(), first);
        QVERIFY(w->grab().save(QStringLiteral("mainwindow-search.png")));
        // Jobs of different kinds do not cancel each other, a newer search replaces an older
        // one: a mode switch and two quick searches end in the mode and the last search's hits.
        const int nemotronHits = pane->matchCount();
        QSignalSpy layout(pane, &TimelinePane::layoutChanged);
        const TimelinePane::Mode other = pane->mode() == TimelinePane::Mode::Packed
                                             ? TimelinePane::Mode::Requests
                                             : TimelinePane::Mode::Packed;
        pane->setMode(other);
        pane->search(QStringLiteral("web_"));
        pane->search(QStringLiteral("NEMOTRON"));
        QVERIFY(QTest::qWaitFor([&] { return !pane->busy(); }, 30000));
        QCOMPARE(layout.size(), 1);
        QCOMPARE(pane->view()->layout()->mode(), other == TimelinePane::Mode::Packed
                                                     ? TimelineLayout::Mode::GanttPacked
                                                     : TimelineLayout::Mode::GanttPerTrace);
        QCOMPARE(pane->matchCount(), nemotronHits);
        // "/" puts the focus in the search field.
        QTest::keyClick(view, Qt::Key_Slash);
        QVERIFY(QApplication::focusWidget() != view);
        // Issue 13, item 16: typing counts hits live without moving the view; Enter shows the
        // first and hands the keys to the canvas ("hit 1 of N"), N steps ("hit 2 of N"), Esc
        // in the box goes back to the canvas.
        auto *box = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(box);
        view->setSelectedSpan(-1);
        const std::int64_t t0 = view->viewport().t0;
        box->clear();
        QSignalSpy live(pane, &TimelinePane::searchFinished);
        QTest::keyClicks(box, QStringLiteral("nemotron"));
        QVERIFY(live.wait(5000));
        QCOMPARE(pane->matchCount(), nemotronHits);
        QCOMPARE(QApplication::focusWidget(), box);
        QCOMPARE(view->selectedSpan(), -1);
        QCOMPARE(view->viewport().t0, t0);
        const auto status = [&] { return pane->statusText(); };
        QVERIFY2(status().contains(QStringLiteral("%1 hits").arg(nemotronHits)),
                 qPrintable(status()));
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), view);
        QVERIFY(view->selectedSpan() >= 0);
        QVERIFY2(status().contains(QStringLiteral("hit 1 of %1").arg(nemotronHits)),
                 qPrintable(status()));
        QTest::keyClick(view, Qt::Key_N);
        QVERIFY2(status().contains(QStringLiteral("hit 2 of %1").arg(nemotronHits)),
                 qPrintable(status()));
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Escape);
        QCOMPARE(QApplication::focusWidget(), view);
        // Issue 13, item 4: another run is searched for the query still in the box, instead
        // of showing it with "0 hits" and nothing outlined.
        const auto runs = w->workspace().runs();
        const qint64 otherRun = runs[0].id == pane->runId() ? runs[1].id : runs[0].id;
        pane->search(QStringLiteral("web_"));
        QVERIFY(QTest::qWaitFor([&] { return !pane->busy(); }, 30000));
        w->runsPanel()->selectRun(otherRun);
        QVERIFY(QTest::qWaitFor(
            [&] { return pane->runId() == otherRun && pane->spans() && !pane->busy(); }, 60000));
        const TimelineSpans &o = *pane->spans();
        int webSpans = 0;
        for (std::size_t i = 0; i < o.size(); ++i)
            webSpans +=
                QString::fromStdString(o.names[o.nameId[i]]).contains(QLatin1String("web_"));
        QVERIFY(webSpans > 0);
        QVERIFY(pane->matchCount() >= webSpans);
        QVERIFY(pane->view()->selectedSpan() >= 0);
    }

    void packedModeNeedsFewerLanesAndNeverOverlaps() {
        auto w = importedWindow("d.spanscope");
        QVERIFY(w);
        TimelinePane *pane = w->timeline();
        // A run opens packed when it has more requests than rows on screen, else per request.
        const int rows = pane->view()->height() / pane->view()->viewport().laneHeightPx;
        QCOMPARE(pane->mode(), pane->spans()->traceCount > rows ? TimelinePane::Mode::Packed
                                                                : TimelinePane::Mode::Requests);
        QSignalSpy changed(pane, &TimelinePane::layoutChanged);
        pane->setMode(TimelinePane::Mode::Requests);
        QVERIFY(changed.wait(30000));
        QCOMPARE(pane->view()->layout()->mode(), TimelineLayout::Mode::GanttPerTrace);
        const std::int32_t perRequest = pane->view()->layout()->laneCount();
        pane->setMode(TimelinePane::Mode::Packed);
        QVERIFY(changed.wait(30000));
        const TimelineLayout *packed = pane->view()->layout();
        QCOMPARE(packed->mode(), TimelineLayout::Mode::GanttPacked);
        QVERIFY(packed->laneCount() < perRequest);
        const TimelineSpans &s = *pane->spans();
        QVERIFY(pane->grab().save(QStringLiteral("timeline-packed.png")));
        for (std::int32_t lane = 0; lane < packed->laneCount(); ++lane)
            for (const std::int32_t *it = packed->laneBegin(lane); it + 1 < packed->laneEnd(lane);
                 ++it)
                QVERIFY(s.end[static_cast<std::size_t>(*it)] <=
                        s.start[static_cast<std::size_t>(it[1])]);
    }

    void shiftDragMeasuresAndMinimapMovesTheView() {
        auto w = importedWindow("e.spanscope");
        QVERIFY(w);
        TimelineView *view = w->timeline()->view();
        const double nsPerPixel = view->viewport().nsPerPixel;
        QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier, QPoint(200, 100));
        QMouseEvent move(QEvent::MouseMove, QPointF(500, 110), view->mapToGlobal(QPointF(500, 110)),
                         Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(view, &move);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier, QPoint(500, 110));
        QVERIFY(std::abs(static_cast<double>(view->measuredNs()) - 300 * nsPerPixel) <=
                2 * nsPerPixel);
        QCOMPARE(view->viewport().nsPerPixel, nsPerPixel); // measuring neither pans nor zooms
        QVERIFY(view->grab().save(QStringLiteral("timeline-measure.png")));

        // Zoom in, then click the minimap's right end: the window centres there.
        view->zoomAt(100, 0.05);
        auto *minimap = w->timeline()->findChild<TimelineMinimap *>();
        QVERIFY(minimap);
        const std::int64_t before = view->viewport().t0;
        QTest::mouseClick(minimap, Qt::LeftButton, {}, QPoint(minimap->width() - 2, 10));
        const TimelineViewport &v = view->viewport();
        QVERIFY(v.t0 > before);
        // It shows the run's end, and no further than the 5% margin (issue 13, item 6: it
        // scrolled past the data while the minimap's window stayed put).
        const std::int64_t margin = (minimap->end() - minimap->begin()) / 20;
        QVERIFY(v.t1() >= minimap->end() && v.t1() <= minimap->end() + margin);
        QVERIFY(std::abs(minimap->windowRect().right() - minimap->width()) < 1.5);
    }

    void badInputIsReportedAndChangesNothing() {
        auto w = importedWindow("f.spanscope");
        QVERIFY(w);
        // A NAT folder whose profiler traces end mid-object: a reader error, not a warning.
        const QString bad = m_tmp.filePath(QStringLiteral("broken-nat"));
        QVERIFY(QDir().mkpath(bad));
        for (const QString &name :
             QDir(m_data + QStringLiteral("/nat-eval")).entryList(QDir::Files))
            QVERIFY(QFile::copy(m_data + QStringLiteral("/nat-eval/") + name, bad + '/' + name));
        QFile traces(bad + QStringLiteral("/all_requests_profiler_traces.json"));
        QVERIFY(traces.open(QIODevice::ReadWrite));
        QVERIFY(traces.resize(traces.size() / 2));
        traces.close();
        const QByteArray before = testsupport::workspaceDigest(workspacePath("f.spanscope"));
        const qint64 shown = w->runsPanel()->currentRun();
        const TimelineSpans *spans = w->timeline()->spans();
        const int requests = w->requestModel()->rowCount();
        QVERIFY(shown != 0 && spans && requests > 0);
        QSignalSpy finished(w.get(), &MainWindow::importFinished);
        QVERIFY(w->importPaths({bad}));
        QVERIFY(finished.wait(60000));
        // What was shown stays shown (issue 13, item 5: the run was deselected, the timeline
        // and the Requests list blanked).
        QTest::qWait(50);
        QCOMPARE(w->runsPanel()->currentRun(), shown);
        QCOMPARE(w->timeline()->runId(), shown);
        QCOMPARE(w->timeline()->spans(), spans);
        QCOMPARE(w->requestModel()->rowCount(), requests);
        QVERIFY2(w->lastErrorText().contains(QStringLiteral("all_requests_profiler_traces.json")),
                 qPrintable(w->lastErrorText()));
        QVERIFY2(w->lastErrorText().contains(QStringLiteral("line")),
                 qPrintable(w->lastErrorText()));
        QCOMPARE(w->runModel()->rowCount(), 2);
        QCOMPARE(testsupport::workspaceDigest(workspacePath("f.spanscope")), before);
    }

    void windowStateIsRestored() {
        {
            MainWindow w(workspacePath("s.spanscope"));
            w.show();
            w.resize(1234, 777);
            auto *inspector = w.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
            QVERIFY(inspector);
            inspector->hide();
            w.close(); // saves geometry and dock state
        }
        MainWindow again(workspacePath("s.spanscope"));
        again.show();
        QCOMPARE(again.size(), QSize(1234, 777));
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->isVisible());
    }

    void firstStartFillsTheWorkspaceWithTheDemo() {
        MainWindow w(workspacePath("demo.spanscope"));
        w.resize(1600, 900);
        w.show();
        QSignalSpy finished(&w, &MainWindow::importFinished);
        w.importDemo(m_tmp.filePath(QStringLiteral("demo-data")));
        QVERIFY(finished.wait(180000));
        QVERIFY2(w.lastErrorText().isEmpty(), qPrintable(w.lastErrorText()));
        const auto runs = w.workspace().runs();
        QCOMPARE(runs.size(), std::size_t(2));
        std::set<std::string> kinds;
        for (const RunInfo &r : runs) {
            kinds.insert(r.kind);
            QVERIFY(r.spanCount >= 3000);
        }
        QCOMPARE(kinds, (std::set<std::string>{"nat-eval", "otlp"}));
        QVERIFY(
            QTest::qWaitFor([&] { return w.timeline()->spans() && !w.timeline()->busy(); }, 60000));
        QVERIFY(w.grab().save(QStringLiteral("mainwindow-demo.png")));
    }

    void dropImportsAndCancelKeepsNothing() {
        MainWindow w(workspacePath("g.spanscope"));
        w.resize(1200, 800);
        w.show();
        // A drop of a file starts an import; Cancel at once rolls it back.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_data + QStringLiteral("/rollout.jsonl"))});
        QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QSignalSpy finished(&w, &MainWindow::importFinished);
        QSignalSpy controllerDone(w.importController(), &ImportController::finished);
        QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QApplication::sendEvent(&w, &drop);
        QVERIFY(w.importController()->busy());
        w.importController()->cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(controllerDone.size(), 1);
        QCOMPARE(controllerDone.first().first().toBool(), true);
        QCOMPARE(w.runModel()->rowCount(), 0);
        QVERIFY(w.workspace().runs().empty());
        // The same drop without a cancel imports it (Qt delivers a drop after a drag enter).
        QDragEnterEvent again(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&w, &again);
        QDropEvent drop2(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&w, &drop2);
        QVERIFY(finished.wait(60000));
        QCOMPARE(w.runModel()->rowCount(), 1);
    }

    // A span the source gave no time (Zipkin without timestamp) says so in the inspector instead
    // of a duration of 0 ns. Saves inspector-untimed.png to look at.
    void inspectorSaysASpanHadNoTiming() {
        QTemporaryDir tmp;
        const QString input = tmp.filePath(QStringLiteral("zipkin.json"));
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"([{"traceId":"a03ee8fff1dcd9b9","id":"0000000000000001","name":"root","timestamp":1571896375300000,"duration":50000},
                    {"traceId":"a03ee8fff1dcd9b9","parentId":"0000000000000001","id":"0000000000000002","name":"cache lookup","tags":{"cache.hit":"false"}}])");
        f.close();
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, input);
        const std::int64_t span = testsupport::scalar(
            ws, "SELECT id FROM spans WHERE run_id = ? AND name = 'cache lookup'",
            runs.at(0).runId);
        InspectorView view;
        view.resize(420, 360);
        view.setWorkspace(&ws);
        view.showSpan(span, testsupport::scalar(ws, "SELECT start_ns FROM runs WHERE id = ?",
                                                runs.at(0).runId));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString text = view.attributeText();
        QVERIFY2(text.contains("no timing in the source (placed at its parent's start)") &&
                     text.contains("duration = no timing in the source"),
                 qPrintable(text));
        QVERIFY(view.grab().save(QStringLiteral("inspector-untimed.png")));
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"

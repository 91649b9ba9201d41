// The bottleneck stacks view offscreen: the flame graph's boxes follow the call paths and
// their weights, merge what is narrower than a pixel, zoom on click with a breadcrumb back,
// highlight a search; the tables are sound item models; selecting a path lists its slowest
// calls and hands its spans on. Saves stacks*.png in the working folder to look at.
#include "charts/exportmenu.h"
#include "handspans.h"
#include "item/stacktablemodel.h"
#include "stacks/flamegraphview.h"
#include "stacks/natoperationsview.h"
#include "stacks/natpatternsview.h"
#include "stacks/natpredictionsview.h"
#include "stacks/stackspane.h"
#include "store/runanalysis.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace spanscope;

namespace {

// A run analysed as the app does it, from a generated NAT eval folder.
std::shared_ptr<RunAnalysis> generatedRun(QTemporaryDir &tmp) {
    synth::WorkloadOptions o;
    o.spans = 4000;
    o.concurrency = 8;
    synth::generate(o, synth::OutputFormat::NatEval, tmp.filePath(QStringLiteral("eval")));
    return testsupport::importAndAnalyse(tmp.filePath(QStringLiteral("eval")),
                                         tmp.filePath(QStringLiteral("w.spanscope")));
}

// One root with `n` children of duration 1 and one of duration `big`.
std::shared_ptr<RunAnalysis> wideRun(int n, std::int64_t big) {
    testsupport::HandSpans h;
    const int root = h.add(0, -1, "root", 0, big + n);
    h.add(0, root, "big", 0, big);
    for (int k = 0; k < n; ++k)
        h.add(0, root, "tiny" + std::to_string(k), big + k, big + k + 1);
    auto a = std::make_shared<RunAnalysis>();
    a->spans = std::make_shared<TimelineSpans>(h.spans());
    a->stacks = buildStacks(*a->spans);
    a->bottomUp = buildBottomUp(a->stacks);
    a->rows.resize(1);
    return a;
}

const FlameGraphView::Box *boxOf(const FlameGraphView &f, std::int32_t node) {
    for (const auto &b : f.boxes())
        if (b.node == node && b.merged == 0) return &b;
    return nullptr;
}

// Our own small NAT run (tests/fixtures/nat/legacy-stream) with one more of NAT's files beside
// it, imported and analysed as the app does.
std::shared_ptr<RunAnalysis> analysedWith(QTemporaryDir &tmp, const char *file,
                                          const std::string &text) {
    const QDir dir(tmp.filePath(QStringLiteral("run")));
    QDir().mkpath(dir.path());
    QFile::copy(
        testsupport::fixture(QStringLiteral("nat/legacy-stream/all_requests_profiler_traces.json")),
        dir.filePath(QStringLiteral("all_requests_profiler_traces.json")));
    if (!testsupport::writeFile(dir.filePath(QLatin1String(file)), QByteArray::fromStdString(text)))
        return nullptr;
    return testsupport::importAndAnalyse(dir.path(), tmp.filePath(QStringLiteral("w.spanscope")));
}

} // namespace

class TstStacksPane : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::shared_ptr<RunAnalysis> m_run;

private slots:
    void initTestCase() {
        m_run = generatedRun(m_tmp);
        QVERIFY(m_run->stacks.nodes.size() > 3);
    }

    void boxesFollowTheWeights() {
        FlameGraphView f;
        f.resize(1000, 300);
        f.setAnalysis(m_run);
        const StackTree &t = m_run->stacks;
        // The top row spans the width; the top-level paths share it by their totals.
        double total = 0;
        for (const std::int32_t r : t.roots)
            total += static_cast<double>(t.nodes[static_cast<std::size_t>(r)].totalNs);
        for (const std::int32_t r : t.roots) {
            const auto *b = boxOf(f, r);
            const double want =
                1000.0 * static_cast<double>(t.nodes[static_cast<std::size_t>(r)].totalNs) / total;
            if (want < 1) continue;
            QVERIFY(b);
            QVERIFY(std::abs(b->w - want) < 1e-6);
            QCOMPARE(b->depth, 1);
        }
        // Every box lies inside its parent's box, one row below it.
        for (const auto &b : f.boxes()) {
            if (b.node < 0 || b.merged > 0 || b.depth <= 1) continue;
            const auto *p = boxOf(f, t.nodes[static_cast<std::size_t>(b.node)].parent);
            QVERIFY(p);
            QCOMPARE(b.depth, p->depth + 1);
            QVERIFY(b.x >= p->x - 1e-6 && b.x + b.w <= p->x + p->w + 1e-6);
        }
        f.setWeight(StackWeight::Calls);
        const auto widths = flameWidths(t, StackWeight::Calls);
        double calls = 0;
        for (const std::int32_t r : t.roots)
            calls += widths[static_cast<std::size_t>(r)];
        const auto *first = boxOf(f, t.roots.front());
        QVERIFY(std::abs(first->w - 1000.0 * widths[static_cast<std::size_t>(t.roots.front())] /
                                        calls) < 1e-6);
    }

    void narrowBoxesAreMerged() {
        FlameGraphView f;
        f.resize(500, 200);
        const auto a = wideRun(5000, 100000); // 5000 children of 1/105000 of the width each
        f.setAnalysis(a);
        int merged = 0, drawn = 0;
        for (const auto &b : f.boxes()) {
            merged += b.merged;
            drawn += b.merged == 0 && b.depth == 2;
        }
        QCOMPARE(merged, 5000);
        QCOMPARE(drawn, 1); // "big"
        QVERIFY(f.boxes().size() <= 4);
        // Zooming into the root does not make the tiny ones wide enough: still merged.
        f.zoomTo(a->stacks.roots.front());
        QCOMPARE(f.zoomNode(), a->stacks.roots.front());
    }

    void clickZoomsAndTheBreadcrumbLeadsBack() {
        StacksPane pane;
        pane.resize(1200, 800);
        pane.setAnalysis(m_run);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        FlameGraphView *f = pane.flameGraph();
        const StackTree &t = m_run->stacks;
        // The heaviest second-level path: click the middle of its box.
        const std::int32_t target =
            t.nodes[static_cast<std::size_t>(t.roots.front())].children.front();
        const auto *b = boxOf(*f, target);
        QVERIFY(b);
        QSignalSpy spans(&pane, &StacksPane::spansSelected);
        QTest::mouseClick(
            f, Qt::LeftButton, {},
            QPoint(static_cast<int>(b->x + b->w / 2), b->depth * FlameGraphView::rowHeight + 5));
        QCOMPARE(f->zoomNode(), target);
        QCOMPARE(pane.selectedNodes(), std::vector<std::int32_t>{target});
        // Zoomed: the node fills the width, its ancestors above it.
        const auto *zoomed = boxOf(*f, target);
        QCOMPARE(zoomed->w, double(f->width()));
        QVERIFY(pane.breadcrumb()->text().contains(
            QString::fromStdString(t.names[t.nodes[static_cast<std::size_t>(target)].nameId])
                .toHtmlEscaped()));
        // The selection went out with the path's spans, and its slowest calls are listed.
        QCOMPARE(spans.count(), 1);
        const auto sent = spans.front().front().value<std::vector<std::int32_t>>();
        QCOMPARE(sent.size(), t.nodes[static_cast<std::size_t>(target)].spans.size());
        QCOMPARE(pane.slowestCalls()->topLevelItemCount(),
                 std::min<int>(200, static_cast<int>(sent.size())));
        const int slowest = pane.slowestCalls()->topLevelItem(0)->data(1, Qt::UserRole).toInt();
        QCOMPARE(slowest, t.nodes[static_cast<std::size_t>(target)].spans.front());
        f->grab().save(QStringLiteral("stacks-zoomed.png"));
        // The breadcrumb's first link leads back to the whole run.
        emit pane.breadcrumb()->linkActivated(QStringLiteral("-1"));
        QCOMPARE(f->zoomNode(), -1);
        // Double-clicking a call asks for its waterfall.
        QSignalSpy open(&pane, &StacksPane::callActivated);
        pane.selectNodes({target});
        emit pane.slowestCalls()->itemActivated(pane.slowestCalls()->topLevelItem(0), 0);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.front().at(1).toInt(), slowest);
        QCOMPARE(open.front().at(0).toInt(),
                 m_run->spans->trace[static_cast<std::size_t>(slowest)]);
    }

    void searchHighlightsMatchingPaths() {
        FlameGraphView f;
        f.resize(800, 300);
        f.setAnalysis(m_run);
        const std::string name = m_run->stacks.names[m_run->stacks.nodes.back().nameId];
        int want = 0;
        for (const auto &n : m_run->stacks.nodes)
            want += m_run->stacks.names[n.nameId].find(name) != std::string::npos;
        QCOMPARE(f.setSearch(QString::fromStdString(name).toUpper()), want);
        QCOMPARE(f.setSearch(QString()), 0);
    }

    void tablesAreSoundModelsAndFollowTheSelection() {
        StackTableModel top(StackTableModel::Kind::TopDown);
        StackTableModel bottom(StackTableModel::Kind::BottomUp);
        QAbstractItemModelTester t1(&top, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&bottom,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        top.setAnalysis(m_run);
        bottom.setAnalysis(m_run);
        QCOMPARE(top.rowCount(), static_cast<int>(m_run->stacks.roots.size()));
        QCOMPARE(bottom.rowCount(), static_cast<int>(m_run->bottomUp.roots.size()));
        const std::int32_t node = m_run->stacks.nodes.size() > 2 ? 2 : 0;
        const QModelIndex i = top.indexOfNode(node);
        QCOMPARE(i.data(StackTableModel::NodeRole).toInt(), node);
        QCOMPARE(top.index(i.row(), StackTableModel::Calls, i.parent())
                     .data(StackTableModel::SortRole)
                     .toLongLong(),
                 m_run->stacks.nodes[static_cast<std::size_t>(node)].calls);
        top.setAnalysis(nullptr);
        QCOMPARE(top.rowCount(), 0);

        StacksPane pane;
        pane.setAnalysis(m_run);
        QSignalSpy spans(&pane, &StacksPane::spansSelected);
        // A bottom-up row selects every path through it.
        QTreeView *v = pane.bottomUpView();
        v->setCurrentIndex(v->model()->index(0, 0));
        QCOMPARE(spans.count(), 1);
        const auto *proxy = v->model();
        const QString name = proxy->index(0, 0).data().toString();
        std::size_t want = 0;
        for (const auto &n : m_run->stacks.nodes)
            if (QString::fromStdString(m_run->stacks.names[n.nameId]) == name)
                want += n.spans.size();
        QCOMPARE(spans.front().front().value<std::vector<std::int32_t>>().size(), want);
    }

    void tablesExportCsvAndDoubleClickOpensTheSlowestCall() {
        StacksPane pane;
        pane.setAnalysis(m_run);
        QTemporaryDir tmp;
        const QString csv = tmp.filePath(QStringLiteral("top.csv"));
        QVERIFY(exporting::writeCsv(*pane.topDownModel(), csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), static_cast<int>(m_run->stacks.nodes.size()) + 1); // + header
        QVERIFY(lines[0].startsWith(QStringLiteral("Call path,Calls,Total,Self")));
        // A second-level path is indented under its parent.
        const auto &root =
            m_run->stacks.nodes[static_cast<std::size_t>(m_run->stacks.roots.front())];
        QCOMPARE(
            lines[2].section(',', 0, 0),
            QStringLiteral("  ") +
                QString::fromStdString(
                    m_run->stacks
                        .names[m_run->stacks.nodes[static_cast<std::size_t>(root.children.front())]
                                   .nameId]));
        // Double-click a row: its slowest call opens.
        QSignalSpy open(&pane, &StacksPane::callActivated);
        QTreeView *v = pane.topDownView();
        const QModelIndex first = v->model()->index(0, 0);
        emit v->doubleClicked(first);
        QCOMPARE(open.count(), 1);
        const std::int32_t node = first.data(StackTableModel::NodeRole).toInt();
        QCOMPARE(open.front().at(1).toInt(),
                 m_run->stacks.nodes[static_cast<std::size_t>(node)].spans.front());
    }

    // Issue 17: NAT's simple stack analysis (per LLM and tool) is listed beside the same
    // figures measured from the run's calls, highest NAT score first.
    void natOperationsAreListedBesideOurs() {
        QTemporaryDir tmp;
        const auto op = [](const char *type, const char *name, double avg, double score) {
            return nlohmann::json{{"operation_type", type}, {"operation_name", name},
                                  {"usage_count", 1},       {"avg_duration", avg},
                                  {"p95_duration", avg},    {"p99_duration", avg},
                                  {"max_concurrency", 1},   {"bottleneck_score", score}};
        };
        const nlohmann::json metrics = {
            {"simple_stack_analysis",
             {{"stats",
               {{"TOOL:calculator", op("TOOL", "calculator", 0.05, 0.05)},
                {"LLM:big-model", op("LLM", "big-model", 0.6, 0.6)}}},
              {"summary", "big-model is the bottleneck"}}}};
        StacksPane pane;
        pane.resize(1200, 800);
        pane.setAnalysis(analysedWith(tmp, "workflow_profiling_metrics.json", metrics.dump()));
        QTreeWidget *table = pane.operations()->table();
        QCOMPARE(table->topLevelItemCount(), 2);
        QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("LLM: big-model"));
        QCOMPARE(table->topLevelItem(0)->text(2), QStringLiteral("1"));     // measured calls
        QCOMPARE(table->topLevelItem(0)->text(4), QStringLiteral("0.600")); // measured mean
        QCOMPARE(table->topLevelItem(1)->text(4), QStringLiteral("0.050"));
        QVERIFY(pane.tabs()->isTabEnabled(pane.tabs()->indexOf(pane.operations())));
        pane.show();
        pane.tabs()->setCurrentWidget(pane.operations());
        QVERIFY(pane.grab().save(QStringLiteral("stacks-operations.png")));
    }

    // Issue 17: NAT's PrefixSpan call patterns are listed with the share of the run's requests
    // whose calls hold the same sequence in order (by name: NAT's prompt cut is not compared).
    void natPatternsAreListedWithTheirMeasuredShare() {
        QTemporaryDir tmp;
        const auto pattern = [](std::vector<std::string> calls, double coverage) {
            return nlohmann::json{{"pattern", calls},
                                  {"frequency", 1},
                                  {"coverage", coverage},
                                  {"average_duration", 0.65},
                                  {"examples_containing", {0}}};
        };
        const nlohmann::json metrics = {
            {"prefix_span_analysis",
             {{"patterns",
               {pattern({"LLM:big-model|You are a helpful", "TOOL:calculator"}, 1.0),
                pattern({"TOOL:calculator", "LLM:big-model|You are a helpful"}, 0.5),
                nlohmann::json{{"pattern", "not a list"}}}},
              {"textual_report", "2 patterns"}}}};
        StacksPane pane;
        pane.resize(1200, 800);
        pane.setAnalysis(analysedWith(tmp, "workflow_profiling_metrics.json", metrics.dump()));
        QTreeWidget *table = pane.patterns()->table();
        QCOMPARE(table->topLevelItemCount(), 2);
        QCOMPARE(table->topLevelItem(0)->text(0),
                 QStringLiteral("LLM:big-model → TOOL:calculator"));
        QCOMPARE(table->topLevelItem(0)->text(3), QStringLiteral("100.0%"));
        QCOMPARE(table->topLevelItem(0)->text(4), QStringLiteral("100.0%"));
        QCOMPARE(table->topLevelItem(1)->text(4), QStringLiteral("0.0%")); // order matters
        QVERIFY(table->topLevelItem(0)->toolTip(0).contains(QStringLiteral("You are a helpful")));
        QVERIFY(pane.tabs()->isTabEnabled(pane.tabs()->indexOf(pane.patterns())));
        pane.show();
        pane.tabs()->setCurrentWidget(pane.patterns());
        QVERIFY(pane.grab().save(QStringLiteral("stacks-patterns.png")));
    }

    // Issue 17: NAT's prediction trie (prediction_trie.json, NAT 1.5+) imported with a run is
    // listed in the Stacks view, a row per prediction, beside the run's own LLM calls at the
    // same place: the fixture's one call of big-model (0.2 to 0.8 s, under researcher under
    // assistant, in a request of 1.5 s) lies wholly on its request's critical path and takes
    // 40% of the request.
    void natPredictionsAreListedBesideTheCriticalPath() {
        QTemporaryDir tmp;
        const nlohmann::json m = {{"sample_count", 3}, {"mean", 2.0}};
        const nlohmann::json p = {{"remaining_calls", m},
                                  {"interarrival_ms", m},
                                  {"output_tokens", m},
                                  {"latency_sensitivity", 5}};
        const auto node = [](const char *name, nlohmann::json predictions,
                             nlohmann::json children) {
            return nlohmann::json{{"name", name},
                                  {"predictions_by_call_index", std::move(predictions)},
                                  {"children", std::move(children)}};
        };
        const nlohmann::json trie = {
            {"workflow_name", "assistant"},
            {"root",
             node("root", nlohmann::json::object(),
                  {{"assistant", node("assistant", nlohmann::json::object(),
                                      {{"researcher", node("researcher", {{"1", p}, {"2", p}},
                                                           nlohmann::json::object())}})}})}};
        StacksPane pane;
        pane.resize(1200, 800);
        pane.setAnalysis(analysedWith(tmp, "prediction_trie.json", trie.dump()));
        QTreeWidget *table = pane.predictions()->table();
        QCOMPARE(table->topLevelItemCount(), 2);
        QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("root/assistant/researcher"));
        QCOMPARE(table->topLevelItem(1)->text(6), QStringLiteral("5 / 5"));
        QTreeWidgetItem *first = table->topLevelItem(0)->text(1) == QLatin1String("1")
                                     ? table->topLevelItem(0)
                                     : table->topLevelItem(1);
        QTreeWidgetItem *second =
            first == table->topLevelItem(0) ? table->topLevelItem(1) : table->topLevelItem(0);
        QCOMPARE(first->text(7), QStringLiteral("1"));
        QCOMPARE(first->text(8), QStringLiteral("100%"));
        QCOMPARE(first->text(9), QStringLiteral("40%"));
        QCOMPARE(second->text(7), QStringLiteral("0")); // researcher made one call only
        QCOMPARE(second->text(8), QStringLiteral("-"));
        pane.show();
        pane.tabs()->setCurrentWidget(pane.predictions());
        QVERIFY(pane.grab().save(QStringLiteral("stacks-predictions.png")));
    }

    void picture() {
        StacksPane pane;
        pane.resize(1400, 900);
        pane.setAnalysis(m_run);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.selectNodes({m_run->stacks.roots.front()});
        QVERIFY(pane.grab().save(QStringLiteral("stacks.png")));
        if (testsupport::samplesDir().isEmpty()) return;
        // The real-shaped aiq-v1-c8 run with NAT's own bottlenecks beside ours.
        QTemporaryDir tmp;
        pane.setAnalysis(testsupport::importAndAnalyse(
            testsupport::samplesDir() + QStringLiteral("/nat/aiq-v1-c8"),
            tmp.filePath(QStringLiteral("w.spanscope"))));
        QVERIFY(pane.tabs()->isTabEnabled(3));
        QCOMPARE(pane.natTable()->topLevelItemCount(), 5);
        pane.selectNodes({0});
        QVERIFY(pane.grab().save(QStringLiteral("stacks-aiq-v1.png")));
        pane.tabs()->setCurrentIndex(3);
        QVERIFY(pane.grab().save(QStringLiteral("stacks-nat.png")));
    }
};

QTEST_MAIN(TstStacksPane)
#include "tst_stackspane.moc"

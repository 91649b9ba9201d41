// The compare view offscreen, on two generated runs that differ by a slower tool and seven lowered
// scores: picking runs and alpha recompute it; the tables lead with the injected changes; the
// differential flame graph colours only the slowed tool as slower in its own time. Saves
// compare-*.png in the working folder to look at.
#include "compare/compareconfig.h"
#include "compare/compareitems.h"
#include "compare/comparepane.h"
#include "compare/comparepaths.h"
#include "compare/comparesummary.h"
#include "compare/waterfallpair.h"
#include "stacks/flamegraphview.h"
#include "store/runcomparer.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <set>

using namespace spanscope;

namespace {

bool waitReady(ComparePane &pane) {
    QSignalSpy ready(&pane, &ComparePane::comparisonReady);
    return ready.wait(60000);
}

void saveTabs(ComparePane &pane, const QString &prefix) {
    pane.resize(1400, 900);
    pane.show();
    for (int t = 0; t < pane.tabs()->count(); ++t) {
        pane.tabs()->setCurrentIndex(t);
        QTest::qWait(50);
        QVERIFY(pane.grab().save(QStringLiteral("%1-%2.png").arg(prefix).arg(t)));
    }
    pane.tabs()->setCurrentIndex(0);
}

} // namespace

class TstComparePane : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_ws;
    const std::set<QString> m_lowered = {"2", "4", "6", "8", "10", "12", "14"};

private slots:
    void initTestCase() {
        synth::WorkloadOptions base;
        base.spans = 1500;
        base.seed = 11;
        synth::WorkloadOptions cand = base;
        cand.slowName = "web_search";
        cand.slowFactor = 2.5;
        cand.scoreDropItems = {2, 4, 6, 8, 10, 12, 14};
        cand.scoreDrop = 0.25;
        synth::writeNatEval(base, m_tmp.filePath("base"));
        synth::writeNatEval(cand, m_tmp.filePath("cand"));
        m_ws = m_tmp.filePath("w.spanscope");
        Workspace ws(m_ws);
        QCOMPARE(testsupport::importPath(ws, m_tmp.filePath("base")).at(0).runId, 1);
        QCOMPARE(testsupport::importPath(ws, m_tmp.filePath("cand")).at(0).runId, 2);
    }

    void pickedRunsAreCompared() {
        ComparePane pane(m_ws);
        pane.setRuns(Workspace(m_ws).runs());
        pane.compare(1, 2);
        QVERIFY(waitReady(pane));
        const auto c = pane.comparison();
        QCOMPARE(c->a.id, 1);
        QCOMPARE(c->b.id, 2);

        // Quality: accuracy worse, bold and red; the latency row worse too.
        QTableWidget *q = pane.summary()->qualityTable();
        QCOMPARE(q->item(0, 0)->text(), QStringLiteral("accuracy"));
        QVERIFY2(q->item(0, 5)->text().contains(QStringLiteral("WORSE")),
                 qPrintable(q->item(0, 5)->text()));
        QVERIFY(q->item(1, 5)->text().contains(QStringLiteral("WORSE")));

        // Items: the seven lowered first, each with the same fall; then unchanged ones.
        std::set<QString> firstSeven;
        for (int r = 0; r < 7; ++r)
            firstSeven.insert(pane.items()->table()->item(r, 0)->text());
        QCOMPARE(firstSeven, m_lowered);
        QCOMPARE(pane.items()->table()->item(7, 4)->text(), QStringLiteral("0.000"));
        // The first row is selected: both answers and the reasoning show.
        QVERIFY(pane.items()->answerA()->toPlainText().contains(QStringLiteral("accuracy")));
        QVERIFY(pane.items()->answerB()->toPlainText().contains(QStringLiteral("judged")));

        // Paths: web_search first, its own time slower; the flame colours it red, an unchanged
        // LLM path grey.
        const QString top = pane.paths()->table()->item(0, 0)->text();
        QVERIFY2(top.endsWith(QStringLiteral(";web_search")), qPrintable(top));
        QVERIFY(pane.paths()->table()->item(0, 12)->text().contains(QStringLiteral("own time")));
        const StackTree &tree = c->stacksB;
        int slowerOwn = 0;
        for (std::int32_t n = 0; n < static_cast<std::int32_t>(tree.nodes.size()); ++n) {
            const QColor colour = pane.paths()->colourOf(n);
            const bool red = colour.red() > colour.green() + 60;
            const std::string path = tree.path(n);
            if (path.size() >= 10 && path.substr(path.size() - 10) == "web_search") {
                QVERIFY(red);
                ++slowerOwn;
            } else if (path.find("nemotron") != std::string::npos) {
                QCOMPARE(colour, QColor(0xe0, 0xe0, 0xe0));
            }
        }
        QCOMPARE(slowerOwn, 1);
        QVERIFY(pane.paths()->flame()->tooltipFor(tree.roots[0]).contains(QStringLiteral("B − A")));

        // Side by side: the selected item's two requests share rows by call path; the same seed
        // gives both the same paths, so every row has a bar on both sides.
        QSignalSpy drawn(&pane, &ComparePane::waterfallsReady);
        pane.items()->selectPair(pane.items()->rowPairs()[1]);
        QVERIFY(drawn.wait(30000));
        const PathRows &lanes = pane.waterfalls()->rows();
        QVERIFY(lanes.names.size() >= 4);
        std::set<std::int32_t> rowsA(lanes.rowOfA.begin(), lanes.rowOfA.end());
        std::set<std::int32_t> rowsB(lanes.rowOfB.begin(), lanes.rowOfB.end());
        QCOMPARE(rowsA, rowsB);
        QCOMPARE(static_cast<std::size_t>(rowsA.size()), lanes.names.size());
        saveTabs(pane, QStringLiteral("compare-generated"));

        // A stricter alpha: seven equal falls give p = 2/128, no longer below 0.001.
        pane.alphaBox()->setValue(0.001);
        QVERIFY(waitReady(pane));
        QVERIFY(
            !pane.summary()->qualityTable()->item(0, 5)->text().contains(QStringLiteral("WORSE")));

        // B picked as the same run as A: nothing changed anywhere.
        pane.runBBox()->setCurrentIndex(
            pane.runBBox()->findData(QVariant::fromValue<qlonglong>(1)));
        QVERIFY(waitReady(pane));
        QCOMPARE(pane.comparison()->b.id, 1);
        QCOMPARE(pane.comparison()->result.evaluators[0].paired.unchanged,
                 pane.comparison()->result.matched);
        for (const PathComparison &p : pane.comparison()->result.paths)
            QVERIFY(!p.selfChanged && !p.durationChanged);
    }

    // Issue 17: two NAT 1.4+ runs kept their configuration; the Configuration tab diffs it line
    // by line (a changed temperature: A's line removed, B's added), says which files agree,
    // and shows whole a file only one run has.
    void configurationsAreDiffed() {
        QTemporaryDir tmp;
        const auto folder = [&](const char *name, const QByteArray &effective, bool metadata) {
            const QString dir = tmp.filePath(QLatin1String(name));
            QDir().mkpath(dir);
            QFile::copy(testsupport::fixture(
                            QStringLiteral("nat/legacy-stream/all_requests_profiler_traces.json")),
                        dir + QStringLiteral("/all_requests_profiler_traces.json"));
            const auto write = [&](const char *file, const QByteArray &bytes) {
                return testsupport::writeFile(dir + QLatin1Char('/') + QLatin1String(file), bytes);
            };
            write("config_effective.yml", effective);
            write("config_original.yml", "llms:\n  nim_llm:\n    model: llama\n");
            if (metadata) write("config_metadata.json", R"({"overrides": {}})");
            return dir;
        };
        const QString a = folder("a",
                                 "llms:\n  nim_llm:\n    model: llama\n    temperature: 0.0\n"
                                 "workflow:\n  max_iterations: 5\n",
                                 false);
        const QString b = folder("b",
                                 "llms:\n  nim_llm:\n    model: llama\n    temperature: 0.7\n"
                                 "workflow:\n  max_iterations: 5\n",
                                 true);
        const QString path = tmp.filePath(QStringLiteral("w.spanscope"));
        {
            Workspace ws(path);
            QCOMPARE(testsupport::importPath(ws, a).size(), std::size_t(1));
            QCOMPARE(testsupport::importPath(ws, b).size(), std::size_t(1));
        }
        ComparePane pane(path);
        pane.setRuns(Workspace(path).runs());
        pane.compare(1, 2);
        QVERIFY(waitReady(pane));
        const QString text = pane.config()->text();
        QVERIFY2(text.contains(QStringLiteral("- temperature: 0.0")) ||
                     text.contains(QStringLiteral("-     temperature: 0.0")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("+     temperature: 0.7")));
        QVERIFY(text.contains(QStringLiteral("2 lines differ")));
        QVERIFY(!text.contains(QStringLiteral("- llms:"))); // unchanged lines are context
        QVERIFY(text.contains(QStringLiteral("config_original.yml\nThe same in both runs.")));
        QVERIFY(text.contains(QStringLiteral("Only run B has it")));
        pane.resize(1100, 700);
        pane.show();
        pane.tabs()->setCurrentWidget(pane.config());
        QVERIFY(pane.grab().save(QStringLiteral("compare-config.png")));
    }

    void openingAnItemsRequestNamesItsRun() {
        ComparePane pane(m_ws);
        pane.setRuns(Workspace(m_ws).runs());
        pane.compare(1, 2);
        QVERIFY(waitReady(pane));
        QSignalSpy open(&pane, &ComparePane::requestActivated);
        pane.items()->selectPair(0);
        QPushButton *openB = nullptr;
        for (QPushButton *b : pane.items()->findChildren<QPushButton *>())
            if (b->text().contains(QStringLiteral("B's"))) openB = b;
        QVERIFY(openB);
        openB->click();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0][0].toLongLong(), 2);
        QVERIFY(open[0][1].toLongLong() > 0);
    }

    void realVersionsLookRight() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QTemporaryDir tmp;
        const QString ws = tmp.filePath("aiq.spanscope");
        {
            Workspace w(ws);
            testsupport::importPath(w, testsupport::samplesDir() + "/nat/aiq-v1-c8");
            testsupport::importPath(w, testsupport::samplesDir() + "/nat/aiq-v2-c8");
        }
        ComparePane pane(ws);
        pane.setRuns(Workspace(ws).runs());
        pane.compare(1, 2);
        QVERIFY(waitReady(pane));
        QCOMPARE(pane.comparison()->result.matched, 24);
        QCOMPARE(pane.summary()->qualityTable()->rowCount(), 5); // four evaluators and latency
        saveTabs(pane, QStringLiteral("compare-aiq"));
    }
};

QTEST_MAIN(TstComparePane)
#include "tst_comparepane.moc"

// NAT's own profiler numbers (workflow_profiling_metrics.json, kept raw in the workspace)
// against Spanscope's recomputation by NAT's rules, on every NAT sample that carries them:
// nested-stack durations within 10 ms and concurrency levels equal; spike-analysis levels and
// the count of spike intervals equal.
#include "analysis/concurrency.h"
#include "analysis/natstack.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace spanscope;
using json = nlohmann::json;

namespace {

struct Loaded {
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Workspace> ws;
    std::int64_t run = -1;
    json nat;
};

Loaded load(const QString &folder) {
    Loaded l;
    l.dir = std::make_unique<QTemporaryDir>();
    l.ws = std::make_unique<Workspace>(l.dir->filePath(QStringLiteral("w.spanscope")));
    const auto runs = testsupport::importPath(*l.ws, folder);
    if (runs.size() != 1) return l;
    l.run = runs.front().runId;
    if (const auto text = RunQueries(*l.ws).runFile(l.run, "workflow_profiling_metrics.json"))
        l.nat = json::parse(*text);
    return l;
}

bool hasFunctionNodes(const json &nested) {
    for (const auto &[uuid, m] : nested["node_metrics"].items())
        if (m.value("operation_type", "") == "FUNCTION") return true;
    return false;
}

} // namespace

class TstNatAgreement : public QObject {
    Q_OBJECT
private slots:
    void samples_data() {
        QTest::addColumn<QString>("folder");
        const QString samples = testsupport::samplesDir();
        if (samples.isEmpty()) {
            QTest::newRow("no samples") << QString(); // skips with the message below
            return;
        }
        QDirIterator it(samples + QStringLiteral("/nat"),
                        {QStringLiteral("workflow_profiling_metrics.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList folders;
        while (it.hasNext())
            folders << QFileInfo(it.next()).absolutePath();
        folders.sort();
        for (const QString &f : folders)
            QTest::newRow(qPrintable(QDir(samples).relativeFilePath(f))) << f;
    }

    void samples() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, folder);
        const Loaded l = load(folder);
        QVERIFY2(l.run >= 0, "the folder imports as one run");
        QVERIFY2(l.nat.is_object(), "the run keeps workflow_profiling_metrics.json");
        const RunQueries q(*l.ws);

        const json &nested = l.nat["nested_stack_analysis"];
        if (nested.is_object()) {
            const std::vector<NatCall> calls = q.natCalls(l.run, hasFunctionNodes(nested));
            const NatStackAnalysis a = natNestedStack(calls);
            const json &nodes = nested["node_metrics"];
            QCOMPARE(a.nodes.size(), nodes.size());
            for (const NatNode &n : a.nodes) {
                const std::string &key = calls[static_cast<std::size_t>(n.call)].key;
                QVERIFY2(nodes.contains(key), key.c_str());
                const json &m = nodes[key];
                const auto near = [&](const char *field, double ours) {
                    const double theirs = m[field].get<double>();
                    if (std::abs(theirs - ours) > 0.010)
                        QFAIL(qPrintable(QStringLiteral("%1 %2: NAT %3, ours %4")
                                             .arg(QString::fromStdString(key), field)
                                             .arg(theirs, 0, 'f', 6)
                                             .arg(ours, 0, 'f', 6)));
                };
                near("duration", n.durationS);
                near("self_time", n.selfS);
                near("subtree_time", n.subtreeS);
                near("start_time", n.startS);
                QCOMPARE(n.midpointLevel,
                         static_cast<int>(m["concurrency_midpoint"].get<double>()));
                QCOMPARE(calls[static_cast<std::size_t>(n.call)].name,
                         m["operation_name"].get<std::string>());
            }
            const json &c = nested["concurrency"];
            QCOMPARE(a.concurrency.p50, static_cast<int>(c["p50"].get<double>()));
            QCOMPARE(a.concurrency.p90, static_cast<int>(c["p90"].get<double>()));
            QCOMPARE(a.concurrency.p95, static_cast<int>(c["p95"].get<double>()));
            QCOMPARE(a.concurrency.p99, static_cast<int>(c["p99"].get<double>()));
            // NAT's five heaviest subtrees, by their scores.
            const json &top = nested["top_bottlenecks"];
            QCOMPARE(a.top.size(), top.size());
            for (std::size_t k = 0; k < a.top.size(); ++k)
                QVERIFY(std::abs(a.nodes[static_cast<std::size_t>(a.top[k])].subtreeS -
                                 top[k]["bottleneck_score"].get<double>()) <= 0.010);
        }

        const json &spike = l.nat["concurrency_spike_analysis"];
        if (spike.is_object()) {
            const TimelineSpans spans = q.timelineSpans(l.run);
            const ConcurrencyProfile p = concurrencyProfile(llmAndToolCalls(spans));
            QCOMPARE(p.p50, static_cast<int>(spike["p50_concurrency"].get<double>()));
            QCOMPARE(p.p90, static_cast<int>(spike["p90_concurrency"].get<double>()));
            QCOMPARE(p.p95, static_cast<int>(spike["p95_concurrency"].get<double>()));
            QCOMPARE(p.p99, static_cast<int>(spike["p99_concurrency"].get<double>()));
            const int threshold = spike["spike_threshold"].get<int>();
            QCOMPARE(spikeIntervals(p, threshold).size(), spike["spike_intervals"].size());
            // Levels present and the time at each, within 10 ms.
            for (const auto &[level, seconds] : spike["concurrency_distribution"].items()) {
                const auto it = p.timeAtLevel.find(std::stoi(level));
                QVERIFY2(it != p.timeAtLevel.end(), level.c_str());
                QVERIFY(std::abs(static_cast<double>(it->second) / 1e9 - seconds.get<double>()) <=
                        0.010);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstNatAgreement)
#include "tst_natagreement.moc"

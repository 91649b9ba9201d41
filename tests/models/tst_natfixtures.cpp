// Golden tests over the project's own small NAT folders (tests/fixtures/nat): the canonical
// dump of what the workspace holds after an import, compared with a golden text file.
#include "core/category.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>
#include <functional>
#include <map>
#include <sstream>

using namespace spanscope;

namespace {

std::string rel(std::int64_t ns, std::int64_t base) {
    char buf[64];
    const std::int64_t d = ns - base;
    std::snprintf(buf, sizeof buf, "%s%lld.%09lld", d < 0 ? "-" : "+",
                  std::llabs(d) / 1'000'000'000LL, std::llabs(d) % 1'000'000'000LL);
    return buf;
}

std::string dump(Workspace &ws, std::int64_t run) {
    std::ostringstream o;
    sqlite3 *db = ws.handle();
    const RunInfo info = *ws.run(run);
    const std::int64_t base = info.startNs.value_or(0);
    o << "run kind=" << info.kind << " traces=" << info.traceCount << " spans=" << info.spanCount
      << " start=" << base << " end=" << rel(info.endNs.value_or(0), base) << "\n";
    Statement traces(
        db, "SELECT id, ordinal, trace_key, coalesce(item_key, '-'), name, span_count, llm_calls, "
            "input_tokens, output_tokens, error_count, unfinished_count, source_steps "
            "FROM traces WHERE run_id = ? ORDER BY ordinal");
    traces.bind(1, run);
    while (traces.step()) {
        o << "trace #" << traces.int64(1) << " key=" << traces.text(2) << " item=" << traces.text(3)
          << " name=" << traces.text(4) << " spans=" << traces.int64(5)
          << " llm=" << traces.int64(6) << " tokens=" << traces.int64(7) << "/" << traces.int64(8)
          << " errors=" << traces.int64(9) << " unfinished=" << traces.int64(10)
          << " steps=" << traces.int64(11) << "\n";
        struct Row {
            std::int64_t id, parent;
            std::string line;
            std::int64_t start;
        };
        std::vector<Row> rows;
        Statement spans(
            db,
            "SELECT id, coalesce(parent_id, 0), span_key, name, category, start_ns, end_ns, flags, "
            "coalesce(model, '-'), coalesce(input_tokens, -1), coalesce(output_tokens, -1), "
            "chunk_count, coalesce(attributes, '') FROM spans WHERE trace_id = ?");
        spans.bind(1, traces.int64(0));
        while (spans.step()) {
            std::ostringstream l;
            l << "[" << rel(spans.int64(5), base) << " .. " << rel(spans.int64(6), base) << "] "
              << categoryName(static_cast<Category>(spans.int64(4))) << " " << spans.text(3) << " ("
              << spans.text(2) << ") flags=" << spans.int64(7) << " model=" << spans.text(8)
              << " tokens=" << spans.int64(9) << "/" << spans.int64(10)
              << " chunks=" << spans.int64(11) << " attrs=" << spans.text(12);
            const std::string payload = RunQueries(ws).spanPayload(spans.int64(0));
            if (!payload.empty()) l << "\n      payload=" << payload;
            rows.push_back({spans.int64(0), spans.int64(1), l.str(), spans.int64(5)});
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            return std::tie(a.start, a.id) < std::tie(b.start, b.id);
        });
        std::function<void(std::int64_t, int)> tree = [&](std::int64_t parent, int depth) {
            for (const Row &r : rows)
                if (r.parent == parent) {
                    o << std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') << r.line
                      << "\n";
                    tree(r.id, depth + 1);
                }
        };
        tree(0, 0);
    }
    Statement items(
        db, "SELECT item_key, ordinal, coalesce(question, '-'), coalesce(expected_answer, '-'), "
            "coalesce(generated_answer, '-') FROM eval_items WHERE run_id = ? ORDER BY ordinal");
    items.bind(1, run);
    while (items.step())
        o << "item " << items.text(0) << " #" << items.int64(1) << " q=" << items.text(2)
          << " a=" << items.text(3) << " generated=" << items.text(4) << "\n";
    Statement scores(db, "SELECT evaluator, item_key, score, coalesce(reasoning, '-') FROM "
                         "eval_scores WHERE run_id = ? ORDER BY id");
    scores.bind(1, run);
    while (scores.step())
        o << "score " << scores.text(0) << " item=" << scores.text(1) << " " << scores.real(2)
          << " " << scores.text(3) << "\n";
    Statement metrics(db, "SELECT name, value, lower, upper, coalesce(unit, '') FROM run_metrics "
                          "WHERE run_id = ? ORDER BY id");
    metrics.bind(1, run);
    while (metrics.step()) {
        o << "metric " << metrics.text(0) << " = " << metrics.real(1);
        if (!metrics.isNull(2)) o << " [" << metrics.real(2) << ", " << metrics.real(3) << "]";
        o << " " << metrics.text(4) << "\n";
    }
    Statement files(db, "SELECT relative_path, role, size, content IS NOT NULL FROM run_files "
                        "WHERE run_id = ? ORDER BY relative_path");
    files.bind(1, run);
    while (files.step())
        o << "file " << files.text(0) << " role=" << files.text(1) << " size=" << files.int64(2)
          << (files.int64(3) ? " kept" : "") << "\n";
    o << "report " << info.reportJson << "\n";
    return o.str();
}

} // namespace

class TstNatFixtures : public QObject {
    Q_OBJECT
private slots:
    void golden_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("parallel-newer") << "parallel-newer";
        QTest::newRow("legacy-stream") << "legacy-stream";
    }
    void golden() {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        Workspace ws(tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, testsupport::fixture("nat/" + name));
        QCOMPARE(runs.size(), std::size_t(1));
        QString message;
        QVERIFY2(testsupport::matchesGolden(testsupport::fixture("nat/" + name + ".golden.txt"),
                                            QByteArray::fromStdString(dump(ws, runs[0].runId)),
                                            &message),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TstNatFixtures)
#include "tst_natfixtures.moc"

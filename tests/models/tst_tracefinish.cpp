// A loose trace is finished one of two ways: by the writer from the spans of the one batch it came
// in (before they are inserted), or by the TraceLinker from its rows at the end (it came in
// pieces, has two spans with one id, or no span with a time). Both must leave the same rows: an
// import is linked again from its rows here and must not change, with the same findings counted.
#include "core/importreport.h"
#include "store/statement.h"
#include "store/tracelinker.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>

using namespace spanscope;

namespace {

// One OTLP JSON line of spans; each span: trace, id, parent ("" none), name, start, end (start 0:
// no times), attributes (a JSON array's inside).
struct Span {
    std::string trace, id, parent, name;
    std::int64_t start = 0, end = 0;
    std::string attributes;
};

std::string otlpLine(const std::vector<Span> &spans) {
    std::string out = R"({"resourceSpans":[{"scopeSpans":[{"spans":[)";
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span &s = spans[i];
        out += std::string(i ? "," : "") + R"({"traceId":")" + s.trace + R"(","spanId":")" + s.id +
               R"(","name":")" + s.name + '"';
        if (!s.parent.empty()) out += R"(,"parentSpanId":")" + s.parent + '"';
        if (s.start)
            out += R"(,"startTimeUnixNano":")" + std::to_string(s.start) +
                   R"(","endTimeUnixNano":")" + std::to_string(s.end) + '"';
        if (!s.attributes.empty()) out += R"(,"attributes":[)" + s.attributes + "]";
        out += "}";
    }
    return out + "]}]}]}\n";
}

std::string trace(int n) {
    char id[33];
    std::snprintf(id, sizeof id, "%032x", n);
    return id;
}

std::string span(int n) {
    char id[17];
    std::snprintf(id, sizeof id, "%016x", n);
    return id;
}

const std::string llm = R"({"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},)"
                        R"({"key":"gen_ai.usage.input_tokens","value":{"intValue":"7"}})";

// Every way a trace can need finishing, one trace each, in one batch.
std::string hostileTraces() {
    return otlpLine({
        // a cycle under a root, and a span without a time inside it
        {trace(1), span(1), "", "root", 100, 900, ""},
        {trace(1), span(2), span(3), "a", 200, 300, ""},
        {trace(1), span(3), span(2), "b", 210, 310, ""},
        {trace(1), span(4), span(2), "untimed", 0, 0, ""},
        // an orphan, and a child that starts before its parent (clock skew)
        {trace(2), span(5), "", "r2", 100, 200, ""},
        {trace(2), span(6), span(99), "lost", 150, 160, ""},
        {trace(2), span(7), span(5), "early", 90, 120, ""},
        // an LLM call inside another
        {trace(3), span(8), "", "outer", 100, 500, llm},
        {trace(3), span(9), span(8), "inner", 110, 400, llm},
        // no span with a time: placed at the run's earliest time, which the writer cannot know
        {trace(4), span(10), "", "timeless", 0, 0, ""},
        {trace(4), span(11), span(10), "timeless child", 0, 0, ""},
        // two spans with one id, one the same as the other, and a cycle of two roots only
        {trace(5), span(12), "", "twice", 100, 200, ""},
        {trace(5), span(12), "", "twice", 100, 200, ""},
        {trace(6), span(13), span(14), "x", 100, 200, ""},
        {trace(6), span(14), span(13), "y", 100, 200, ""},
    });
}

QString write(const QTemporaryDir &dir, const QString &name, const std::string &bytes) {
    const QString path = dir.filePath(name);
    return testsupport::writeFile(path, QByteArray::fromStdString(bytes)) ? path : QString();
}

std::vector<std::string> rows(Workspace &ws, std::int64_t run) {
    std::vector<std::string> out;
    Statement spans(
        ws.handle(),
        "SELECT id, trace_id, coalesce(parent_id, 0), flags, start_ns, end_ns, span_key "
        "FROM spans WHERE run_id = ? ORDER BY id");
    spans.bind(1, run);
    while (spans.step())
        out.push_back("span " + std::to_string(spans.int64(0)) + " trace " +
                      std::to_string(spans.int64(1)) + " parent " + std::to_string(spans.int64(2)) +
                      " flags " + std::to_string(spans.int64(3)) + " " +
                      std::to_string(spans.int64(4)) + ".." + std::to_string(spans.int64(5)) + " " +
                      spans.text(6));
    Statement traces(ws.handle(),
                     "SELECT id, ordinal, coalesce(name, '-'), start_ns, end_ns, span_count, "
                     "llm_calls, input_tokens, output_tokens, error_count, unfinished_count, "
                     "coalesce(session_key, '-'), coalesce(user_key, '-') "
                     "FROM traces WHERE run_id = ? ORDER BY id");
    traces.bind(1, run);
    while (traces.step()) {
        std::string row = "trace";
        for (int c = 0; c < 13; ++c)
            row += ' ' + traces.text(c);
        out.push_back(row);
    }
    return out;
}

// The run's rows before and after linking every trace again, and the findings of both.
void relinkChangesNothing(Workspace &ws, const ImportedRun &run) {
    const std::vector<std::string> before = rows(ws, run.runId);
    QVERIFY(!before.empty());
    const std::int64_t first =
        testsupport::scalar(ws, "SELECT min(id) FROM traces WHERE run_id = ?", run.runId);
    const std::int64_t last =
        testsupport::scalar(ws, "SELECT max(id) FROM traces WHERE run_id = ?", run.runId);
    ImportReport again;
    ws.exec("BEGIN");
    TraceLinker(ws, again).link(first, last);
    const std::vector<std::string> after = rows(ws, run.runId);
    ws.exec("ROLLBACK");
    for (std::size_t i = 0; i < std::min(before.size(), after.size()); ++i)
        QCOMPARE(after[i], before[i]);
    QCOMPARE(after.size(), before.size());
    for (const char *kind : {"orphan-spans", "untimed-spans", "parent-cycle"})
        QCOMPARE(again.warningCount(kind), run.report.warningCount(kind));
    const char *skew = "spans outside their parent's interval (clock skew)";
    QCOMPARE(again.noteCount(skew), run.report.noteCount(skew));
}

} // namespace

class TstTraceFinish : public QObject {
    Q_OBJECT
private slots:
    void hostileTracesEndAsTheLinkerLeavesThem() {
        QTemporaryDir dir;
        Workspace ws(dir.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, write(dir, "h.jsonl", hostileTraces()));
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].spans, 14); // the identical copy imported once
        const ImportReport &r = runs[0].report;
        QCOMPARE(r.warningCount("parent-cycle"), 2);
        QCOMPARE(r.warningCount("orphan-spans"), 1);
        QCOMPARE(r.warningCount("untimed-spans"), 3);
        QCOMPARE(r.warningCount("duplicate-span"), 1);
        QCOMPARE(r.noteCount("spans outside their parent's interval (clock skew)"), 2);
        // What each way of finishing decided, by name.
        Statement st(ws.handle(),
                     "SELECT s.name, coalesce(p.name, '-'), s.flags, s.start_ns FROM spans s "
                     "LEFT JOIN spans p ON p.id = s.parent_id WHERE s.run_id = ? ORDER BY s.id");
        st.bind(1, runs[0].runId);
        std::vector<std::string> got;
        while (st.step())
            got.push_back(st.text(0) + " <- " + st.text(1) + " flags " + st.text(2) + " at " +
                          st.text(3));
        const std::vector<std::string> expected{
            "root <- - flags 0 at 100",
            // the cycle is cut where the walk from the first span by start (untimed: none)
            // meets it again
            "a <- b flags 0 at 200",
            "b <- - flags 0 at 210",
            "untimed <- a flags 32 at 200",
            "r2 <- - flags 0 at 100",
            "lost <- r2 flags 4 at 150",
            "early <- r2 flags 0 at 90",
            "outer <- - flags 16 at 100",
            "inner <- outer flags 0 at 110",
            "timeless <- - flags 32 at 90", // the run's earliest time
            "timeless child <- timeless flags 32 at 90",
            "twice <- - flags 0 at 100",
            "x <- y flags 0 at 100",
            "y <- - flags 0 at 100",
        };
        QCOMPARE(got, expected);
        QCOMPARE(testsupport::scalarText(
                     ws,
                     "SELECT group_concat(name || ':' || llm_calls || ':' || input_tokens, ' ') "
                     "FROM (SELECT name, llm_calls, input_tokens FROM traces ORDER BY id)"),
                 std::string("root:0:0 r2:0:0 outer:1:7 timeless:0:0 twice:0:0 y:0:0"));
        relinkChangesNothing(ws, runs[0]);
    }

    // Spans of one trace at both ends of a file longer than a batch (OtlpJsonReader: 20000 spans
    // or 4 MB): the writer finishes it from the first batch's spans, and the last batch brings
    // the parent of one of them, its session and a root, so the link finishes it again from all
    // its rows, and what the first finish found (an orphan, a cycle) is not counted twice.
    void aTraceInPiecesIsFinishedFromAllItsSpans() {
        QTemporaryDir dir;
        std::string file = otlpLine({
            {trace(1), span(2), span(1), "child", 200, 300, ""},
            {trace(2), span(3), span(4), "x", 500, 600, ""},
            {trace(2), span(4), span(3), "y", 510, 590, ""},
        });
        const int filler = 25000;
        for (int line = 0; line < filler / 100; ++line) {
            std::vector<Span> spans;
            for (int i = 0; i < 100; ++i) {
                const int n = 1000 + line * 100 + i;
                spans.push_back({trace(n), span(n), "", "filler", 1000 + n, 2000 + n, ""});
            }
            file += otlpLine(spans);
        }
        file += otlpLine({
            {trace(1), span(1), "", "parent", 100, 400,
             R"({"key":"session.id","value":{"stringValue":"s-1"}})"},
            {trace(2), span(5), "", "late root", 50, 700, ""},
        });
        Workspace ws(dir.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, write(dir, "p.jsonl", file));
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].spans, filler + 5);
        QCOMPARE(runs[0].report.warningCount("orphan-spans"), 0);
        QCOMPARE(runs[0].report.warningCount("parent-cycle"), 1);
        QCOMPARE(
            testsupport::scalarText(ws, "SELECT p.name || ' ' || s.flags FROM spans s JOIN spans p "
                                        "ON p.id = s.parent_id WHERE s.name = 'child'"),
            std::string("parent 0"));
        QCOMPARE(testsupport::scalarText(
                     ws, "SELECT group_concat(name || ' ' || span_count || ' ' || start_ns || '..' "
                         "|| end_ns, ', ') FROM (SELECT * FROM traces WHERE ordinal < 2 "
                         "ORDER BY id)"),
                 std::string("parent 2 100..400, late root 3 50..700"));
        // The session came with the last batch, after the trace's row was written.
        QCOMPARE(testsupport::scalarText(ws, "SELECT session_key FROM traces WHERE ordinal = 0"),
                 std::string("s-1"));
        relinkChangesNothing(ws, runs[0]);
    }

    void realDumpsEndAsTheLinkerLeavesThem_data() {
        QTest::addColumn<QString>("file");
        const QString dir = testsupport::samplesDir();
        if (dir.isEmpty()) {
            QTest::newRow("no samples") << QString();
            return;
        }
        for (const QString &name :
             QDir(QDir(dir).filePath(QStringLiteral("otel"))).entryList(QDir::Files, QDir::Name))
            if (!name.endsWith(QLatin1String(".md")))
                QTest::newRow(qPrintable(name)) << QDir(dir).filePath("otel/" + name);
    }
    void realDumpsEndAsTheLinkerLeavesThem() {
        SPANSCOPE_REQUIRE_SAMPLES();
        QFETCH(QString, file);
        QTemporaryDir dir;
        Workspace ws(dir.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, file);
        QCOMPARE(runs.size(), std::size_t(1));
        relinkChangesNothing(ws, runs[0]);
    }
};

QTEST_GUILESS_MAIN(TstTraceFinish)
#include "tst_tracefinish.moc"

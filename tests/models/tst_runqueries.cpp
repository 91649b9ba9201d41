// The timeline's on-demand queries: a span's details agree with the span columns the timeline
// loaded, search finds exactly the spans whose name, model or attributes hold the text (checked
// against a scan of every span's details), and LIKE's wildcards are taken literally.
#include "analysis/timelinespans.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"

#include <QTest>

using namespace spanscope;

class TstRunQueries : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::int64_t m_run = 0;
    TimelineSpans m_spans;

    static bool contains(const std::string &hay, const std::string &needle) {
        return QString::fromStdString(hay).contains(QString::fromStdString(needle),
                                                    Qt::CaseInsensitive);
    }

private slots:
    void initTestCase() {
        synth::WorkloadOptions o;
        o.spans = 1500;
        o.sessions = 12;
        o.concurrency = 4;
        synth::generate(o, synth::OutputFormat::OtlpJsonLines,
                        m_tmp.filePath(QStringLiteral("t.jsonl")));
        m_ws = std::make_unique<Workspace>(m_tmp.filePath(QStringLiteral("w.spanscope")));
        m_run = testsupport::importPath(*m_ws, m_tmp.filePath(QStringLiteral("t.jsonl")))[0].runId;
        m_spans = RunQueries(*m_ws).timelineSpans(m_run);
        QVERIFY(m_spans.size() >= 1500);
    }

    void detailsAgreeWithTheTimelineColumns() {
        int withModel = 0, withPayload = 0;
        for (std::size_t i = 0; i < m_spans.size(); ++i) {
            const auto d = RunQueries(*m_ws).spanDetail(m_spans.spanId[i]);
            QVERIFY(d);
            QCOMPARE(d->name, m_spans.names[m_spans.nameId[i]]);
            QCOMPARE(d->startNs, m_spans.start[i]);
            QCOMPARE(d->endNs, m_spans.end[i]);
            QCOMPARE(d->category, int(m_spans.category[i]));
            QVERIFY(!d->spanKey.empty() && !d->traceKey.empty());
            if (m_spans.parent[i] >= 0) QVERIFY(!d->parentKey.empty());
            withModel += d->model.empty() ? 0 : 1;
            if (d->hasPayload) {
                ++withPayload;
                const std::string payload = RunQueries(*m_ws).spanPayload(d->id);
                QCOMPARE(static_cast<std::int64_t>(payload.size()), d->payloadBytes);
            }
        }
        QVERIFY(withModel > 0);
        QVERIFY(withPayload > 0);
        QVERIFY(!RunQueries(*m_ws).spanDetail(-5));
    }

    void searchFindsExactlyTheSpansThatSayIt() {
        for (const std::string needle : {"NEMOTRON", "web_", "SESSION-1",
                                         "openinference.span.kind\":\"TOOL", "no-such-text"}) {
            const std::vector<std::int64_t> hits = RunQueries(*m_ws).searchSpans(m_run, needle);
            QVERIFY(std::is_sorted(hits.begin(), hits.end()));
            std::vector<std::int64_t> want;
            for (std::size_t i = 0; i < m_spans.size(); ++i) {
                const auto d = RunQueries(*m_ws).spanDetail(m_spans.spanId[i]);
                if (contains(d->name, needle) || contains(d->model, needle) ||
                    contains(d->attributesJson, needle))
                    want.push_back(d->id);
            }
            std::sort(want.begin(), want.end());
            QVERIFY2(hits == want, needle.c_str());
            if (needle != "no-such-text") QVERIFY2(!hits.empty(), needle.c_str());
        }
    }

    void wildcardsAreLiteral() {
        QVERIFY(RunQueries(*m_ws).searchSpans(m_run, "%").empty());
        QVERIFY(RunQueries(*m_ws).searchSpans(m_run, "w_b").empty());  // "_" is not "any char"
        QVERIFY(!RunQueries(*m_ws).searchSpans(m_run, "b_s").empty()); // in "web_search"
    }
};

QTEST_GUILESS_MAIN(TstRunQueries)
#include "tst_runqueries.moc"

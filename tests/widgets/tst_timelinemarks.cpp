// What the timeline marks on its bars (issue 13, items 9-12), offscreen on a NAT run written
// here: an LLM call that never ended is drawn fading and hatched, says so in its tooltip and
// can be hidden; a streamed call shows its first chunk and its chunks' arrivals; the selected
// span and the current search hit stand out; request groups carry labels. Saves
// timelinemarks.png in the working folder to look at.
#include "core/records.h"
#include "inspector/inspectorview.h"
#include "item/tracefiltermodel.h"
#include "item/tracetablemodel.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "testsupport.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"
#include "workspace/requestspanel.h"

#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>

using namespace spanscope;
using json = nlohmann::json;

namespace {

constexpr double t0 = 1748370700.0; // seconds, as NAT writes them

json step(const char *type, double at, const char *uuid, const char *name, const char *fn,
          json data = nullptr) {
    json p = {{"event_type", type}, {"event_timestamp", t0 + at}, {"name", name}, {"UUID", uuid}};
    if (!data.is_null()) p["data"] = std::move(data);
    return {{"function_ancestry",
             {{"function_id", fn},
              {"function_name", fn},
              {"parent_id", "root"},
              {"parent_name", "root"}}},
            {"payload", p}};
}

// Request 0: an agent whose LLM call streams 40 chunks from 2 s to 6 s, then ends at 6 s.
// Request 1: an agent whose LLM call starts at 1 s and never ends (a timeout); the request's
// last event is at 8 s, where that call is drawn to.
json natRun() {
    json r0 = json::array(), r1 = json::array();
    r0.push_back(step("FUNCTION_START", 0, "a0", "agent", "a0"));
    r0.push_back(step("LLM_START", 1, "l0", "streamer", "a0"));
    for (int k = 0; k < 40; ++k)
        r0.push_back(step("LLM_NEW_TOKEN", 2 + 0.1 * k, "l0", "streamer", "a0",
                          {{"chunk", "w" + std::to_string(k)}}));
    r0.push_back(step("LLM_END", 6, "l0", "streamer", "a0"));
    r0.push_back(step("FUNCTION_END", 7, "a0", "agent", "a0"));
    r1.push_back(step("FUNCTION_START", 0, "a1", "agent", "a1"));
    r1.push_back(step("LLM_START", 1, "l1", "stuck", "a1"));
    r1.push_back(step("FUNCTION_END", 8, "a1", "agent", "a1"));
    return json::array({{{"request_number", 0}, {"intermediate_steps", r0}},
                        {{"request_number", 1}, {"intermediate_steps", r1}}});
}

std::int32_t spanNamed(const TimelineSpans &s, const std::string &name) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s.names[s.nameId[i]] == name) return static_cast<std::int32_t>(i);
    return -1;
}

} // namespace

class TstTimelineMarks : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::int64_t m_run = 0;

    // A pane over the run, 1200 x 300, fitted, its spans loaded.
    std::unique_ptr<TimelinePane> pane() {
        auto p = std::make_unique<TimelinePane>();
        p->resize(1200, 300);
        p->show();
        p->setWorkspace(m_ws.get());
        QSignalSpy loaded(p.get(), &TimelinePane::loaded);
        p->showRun(m_run);
        if (!loaded.wait(20000)) return nullptr;
        p->setMode(TimelinePane::Mode::Requests);
        if (!QTest::qWaitFor([&] { return !p->busy(); }, 20000)) return nullptr;
        p->view()->zoomToFit();
        return p;
    }

    // The bar of `span` in the last frame drawn, in view coordinates.
    static QRect barOf(const TimelineView &v, std::int32_t span) {
        for (const TimelineRect &r : v.lastFrame().rects())
            if (r.span == span && r.count == 1)
                return QRect(v.lanesLeft() + r.x, TimelineView::axisHeight + r.y, r.w, r.h);
        return {};
    }

private slots:
    void initTestCase() {
        const QString folder = m_tmp.filePath(QStringLiteral("nat"));
        QVERIFY(QDir().mkpath(folder));
        QFile f(folder + QStringLiteral("/all_requests_profiler_traces.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(natRun().dump()));
        f.close();
        m_ws = std::make_unique<Workspace>(m_tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(*m_ws, folder);
        QCOMPARE(runs.size(), std::size_t{1});
        m_run = runs[0].runId;
    }

    // Item 9: the call that never ended fades and is hatched towards its assumed end, where a
    // finished call of the same category is solid to its last pixel.
    void unfinishedSpansAreDrawnDistinctly() {
        auto p = pane();
        QVERIFY(p);
        const TimelineSpans &s = *p->spans();
        const std::int32_t stuck = spanNamed(s, "stuck"), done = spanNamed(s, "streamer");
        QVERIFY(stuck >= 0 && done >= 0);
        QVERIFY(s.flags[static_cast<std::size_t>(stuck)] & SpanUnfinished);
        QVERIFY(!(s.flags[static_cast<std::size_t>(done)] & SpanUnfinished));
        const QImage shot = p->view()->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-unfinished.png"));
        const QRect a = barOf(*p->view(), stuck), b = barOf(*p->view(), done);
        QVERIFY2(a.width() > 100 && b.width() > 100, "both calls are wide bars when fitted");
        const QColor llm =
            TimelinePainter::categoryColour(s.category[static_cast<std::size_t>(done)]);
        const auto near = [](QColor x, QColor y) {
            return std::abs(x.red() - y.red()) + std::abs(x.green() - y.green()) +
                       std::abs(x.blue() - y.blue()) <
                   30;
        };
        // Both start solid; near the end only the finished one still is.
        QVERIFY(near(shot.pixelColor(a.left() + 8, a.top() + 2), llm));
        QVERIFY(near(shot.pixelColor(b.left() + 8, b.top() + 2), llm));
        int solidAtEnd = 0;
        for (int y = a.top() + 1; y < a.bottom(); ++y)
            solidAtEnd += near(shot.pixelColor(a.right() - 6, y), llm) ? 1 : 0;
        QCOMPARE(solidAtEnd, 0);
        QVERIFY(near(shot.pixelColor(b.right() - 6, b.top() + 2), llm));
    }

    void unfinishedSpansSayTheirEndIsUnknown() {
        auto p = pane();
        QVERIFY(p);
        const std::int32_t stuck = spanNamed(*p->spans(), "stuck");
        const QRect a = barOf(*p->view(), stuck);
        QVERIFY(a.isValid());
        QHelpEvent help(QEvent::ToolTip, a.center(), p->view()->mapToGlobal(a.center()));
        QApplication::sendEvent(p->view(), &help);
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(QLatin1String("unfinished")) &&
                     tip.contains(QLatin1String("unknown")) &&
                     tip.contains(QString::fromUtf8("\u2265 7 s")) &&
                     tip.contains(QLatin1String("7 s after its start")),
                 qPrintable(tip)); // started at 1 s, drawn to the request's last event at 8 s
    }

    // The toolbar toggle says how many there are and takes them out of the lanes and back.
    void unfinishedSpansCanBeHidden() {
        auto p = pane();
        QVERIFY(p);
        const std::int32_t stuck = spanNamed(*p->spans(), "stuck");
        QToolButton *toggle = p->unfinishedToggle();
        QVERIFY(toggle->isVisible());
        QCOMPARE(toggle->text(), QStringLiteral("Unfinished (1)"));
        QVERIFY(p->view()->layout()->laneOf(stuck) >= 0);
        p->view()->setSelectedSpan(stuck);
        toggle->click();
        QVERIFY(QTest::qWaitFor([&] { return !p->busy(); }, 20000));
        QVERIFY(!p->showsUnfinished());
        QCOMPARE(p->view()->layout()->laneOf(stuck), -1);
        QCOMPARE(p->view()->selectedSpan(), -1); // not left selected while hidden
        p->view()->grab();
        QVERIFY(!barOf(*p->view(), stuck).isValid());
        QVERIFY(barOf(*p->view(), spanNamed(*p->spans(), "streamer")).isValid());
        toggle->click();
        QVERIFY(QTest::qWaitFor([&] { return !p->busy(); }, 20000));
        QVERIFY(p->view()->layout()->laneOf(stuck) >= 0);
    }

    // Item 11: the selection is found at a glance: its lane is banded across the canvas, its
    // start and end are marked over the other lanes, and its bar has a thick frame.
    void theSelectionStandsOut() {
        auto p = pane();
        QVERIFY(p);
        const std::int32_t done = spanNamed(*p->spans(), "streamer");
        const QImage before = p->view()->grab().toImage();
        p->view()->setSelectedSpan(done);
        const QImage shot = p->view()->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-selected.png"));
        const QRect b = barOf(*p->view(), done);
        QVERIFY(b.isValid());
        const QColor text = p->view()->palette().text().color();
        const auto dark = [&](QColor c) { return qGray(c.rgb()) < 80; };
        QVERIFY(dark(text.toRgb()));
        // The frame: dark pixels along the bar's top edge, where the bar was orange.
        QVERIFY(!dark(before.pixelColor(b.center().x(), b.top() + 2)));
        QVERIFY(dark(shot.pixelColor(b.center().x(), b.top() + 2)));
        // The band: past the bar's end, in its lane, the canvas is tinted.
        const QPoint past(b.right() + 100, b.center().y());
        QVERIFY(before.pixelColor(past) != shot.pixelColor(past));
        // The guides: its start is marked in an empty lane below.
        int marked = 0;
        for (int y = b.bottom() + 80; y < b.bottom() + 120; ++y)
            marked += dark(shot.pixelColor(b.left(), y)) ? 1 : 0;
        QVERIFY2(marked >= 10, "a dashed line at the selection's start");
    }

    // ... and the current search hit is not one yellow frame among others.
    void theCurrentHitDiffersFromTheOtherHits() {
        auto p = pane();
        QVERIFY(p);
        QSignalSpy done(p.get(), &TimelinePane::searchFinished);
        p->search(QStringLiteral("agent"), true); // both requests' root
        QVERIFY(done.wait(20000));
        QCOMPARE(p->matchCount(), 2);
        p->view()->zoomToFit();
        const std::int32_t current = p->view()->selectedSpan();
        QVERIFY(current >= 0);
        const QImage shot = p->view()->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-hits.png"));
        std::int32_t other = -1;
        for (std::size_t i = 0; i < p->spans()->size(); ++i)
            if (p->spans()->names[p->spans()->nameId[i]] == "agent" &&
                static_cast<std::int32_t>(i) != current)
                other = static_cast<std::int32_t>(i);
        const QRect a = barOf(*p->view(), current), o = barOf(*p->view(), other);
        QVERIFY(a.isValid() && o.isValid());
        const QColor hit = shot.pixelColor(o.center().x(), o.top());
        const QColor now = shot.pixelColor(a.center().x(), a.top() + 2);
        QVERIFY2(hit.red() > 200 && hit.green() > 180 && hit.blue() < 80, "other hit: yellow");
        QVERIFY2(now.red() > 200 && now.green() < 140 && now.blue() < 60, "current hit: orange");
    }

    // In a dark palette the selected row of the waterfall's tree keeps light text on a dark
    // selection colour (it was white on light blue).
    void aSelectedTreeRowIsReadableInADarkPalette() {
        auto p = pane();
        QVERIFY(p);
        QPalette darkPalette;
        darkPalette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        darkPalette.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
        darkPalette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        darkPalette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
        darkPalette.setColor(QPalette::HighlightedText, Qt::white);
        p->view()->setPalette(darkPalette);
        p->openTrace(0);
        QVERIFY(QTest::qWaitFor([&] { return !p->busy(); }, 20000));
        const std::int32_t done = spanNamed(*p->spans(), "streamer");
        p->view()->setSelectedSpan(done);
        const QImage shot = p->view()->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-dark.png"));
        const int lane = p->view()->layout()->laneOf(done);
        const int y0 =
            TimelineView::axisHeight + static_cast<int>((lane - p->view()->viewport().firstLane) *
                                                        p->view()->viewport().laneHeightPx);
        const int h = p->view()->viewport().laneHeightPx;
        // The row's background and its brightest pixel (the text): far apart in lightness.
        const QColor background = shot.pixelColor(p->view()->lanesLeft() - 4, y0 + 1);
        int brightest = 0;
        for (int y = y0 + 2; y < y0 + h - 2; ++y)
            for (int x = 40; x < p->view()->lanesLeft() - 10; ++x)
                brightest = std::max(brightest, qGray(shot.pixel(x, y)));
        QVERIFY2(qGray(background.rgb()) < 140, "the selection colour, not a light tint");
        QVERIFY(brightest - qGray(background.rgb()) > 100);
    }

    // Item 12: each request's lane group is named left of its lanes by the name the Requests
    // table, the waterfall's header and the inspector use, with its start.
    void requestGroupsAreNamedAlikeEverywhere() {
        auto p = pane();
        QVERIFY(p);
        TimelineView *v = p->view();
        QCOMPARE(v->lanesLeft(), int(TimelineView::groupGutterWidth));
        const QImage shot = v->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-groups.png"));
        const QString second = p->requestName(1);
        QCOMPARE(second, QStringLiteral("trace a1")); // NAT: the request's root span id
        // The gutter has text in each group's first row (dark pixels on the light gutter).
        const auto inked = [&](int lane) {
            const int y = TimelineView::axisHeight + lane * v->viewport().laneHeightPx;
            int n = 0;
            for (int yy = y + 2; yy < y + v->viewport().laneHeightPx - 2; ++yy)
                for (int x = 6; x < 60; ++x)
                    n += qGray(shot.pixel(x, yy)) < 100 ? 1 : 0;
            return n;
        };
        for (const std::int32_t first : v->layout()->traceFirstLane())
            QVERIFY2(inked(first) > 20, "a request's name in the gutter");
        // A click in the gutter picks the request's root; the inspector names its request.
        const int y1 = TimelineView::axisHeight +
                       v->layout()->traceFirstLane()[1] * v->viewport().laneHeightPx + 4;
        const std::int32_t root = v->spanAt(QPoint(20, y1));
        QVERIFY(root >= 0);
        QCOMPARE(p->spans()->names[p->spans()->nameId[static_cast<std::size_t>(root)]],
                 std::string("agent"));
        QCOMPARE(p->spans()->trace[static_cast<std::size_t>(root)], 1);
        InspectorView inspector;
        inspector.setWorkspace(m_ws.get());
        inspector.showSpan(p->spans()->spanId[static_cast<std::size_t>(root)]);
        QVERIFY2(inspector.propertyText().contains(QStringLiteral("request = ") + second),
                 qPrintable(inspector.propertyText()));
        TraceTableModel table(*m_ws);
        table.setRun(m_run);
        QCOMPARE(table.data(table.index(1, TraceTableModel::Request)).toString(), second);
        QCOMPARE(table.headerData(TraceTableModel::Request, Qt::Horizontal).toString(),
                 QStringLiteral("Request"));
        // The waterfall's header says the same name.
        p->openTrace(1);
        QVERIFY(QTest::qWaitFor([&] { return !p->busy(); }, 20000));
        QVERIFY2(p->statusText().contains(QStringLiteral("request ") + second),
                 qPrintable(p->statusText()));
    }

    // Item 10: a streamed call shows where its first chunk came and how its chunks arrived,
    // read for the bars drawn wide enough; its tooltip and Events tab count them.
    void streamedCallsShowTheirChunks() {
        auto p = pane();
        QVERIFY(p);
        const std::int32_t streamed = spanNamed(*p->spans(), "streamer");
        const QImage plain = p->view()->grab().toImage(); // before any chunk was read
        QVERIFY(QTest::qWaitFor([&] { return p->chunkMarks().count(streamed) == 1; }, 20000));
        QCOMPARE(p->chunkMarks().count(spanNamed(*p->spans(), "stuck")), std::size_t{0});
        const ChunkMarks &marks = p->chunkMarks().at(streamed);
        QCOMPARE(marks.at.size(), std::size_t{40});
        const std::int64_t start = p->spans()->start[static_cast<std::size_t>(streamed)];
        QCOMPARE(marks.first - start, std::int64_t{1'000'000'000}); // 1 s after its start
        const QImage shot = p->view()->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-chunks.png"));
        const QRect b = barOf(*p->view(), streamed);
        const TimelineViewport &v = p->view()->viewport();
        const int firstX =
            p->view()->lanesLeft() + static_cast<int>((marks.first - v.t0) / v.nsPerPixel);
        // The first chunk's tick: dark across the bar, where the bar was plain.
        QVERIFY(qGray(shot.pixel(firstX, b.center().y())) < 60);
        QVERIFY(qGray(plain.pixel(firstX, b.center().y())) > 60);
        // The density strip: lighter pixels at the bar's foot while chunks arrive (2 s to 6 s
        // after the run's start), none before the first chunk.
        const auto lighter = [&](int x) {
            int n = 0;
            for (int dx = 0; dx < 3; ++dx)
                n += qGray(shot.pixel(x + dx, b.bottom() - 1)) >
                             qGray(plain.pixel(x + dx, b.bottom() - 1)) + 20
                         ? 1
                         : 0;
            return n;
        };
        const int during = p->view()->lanesLeft() +
                           static_cast<int>((start + 2'500'000'000 - v.t0) / v.nsPerPixel);
        const int waiting =
            p->view()->lanesLeft() + static_cast<int>((start + 500'000'000 - v.t0) / v.nsPerPixel);
        QVERIFY(lighter(during) > 0);
        QCOMPARE(lighter(waiting), 0);
        // The tooltip says it streamed; the inspector's Events tab lists the chunks.
        QHelpEvent help(QEvent::ToolTip, b.center(), p->view()->mapToGlobal(b.center()));
        QApplication::sendEvent(p->view(), &help);
        QVERIFY2(
            QToolTip::text().contains(QStringLiteral("streamed 40 chunks, the first after 1 s")),
            qPrintable(QToolTip::text()));
        InspectorView inspector;
        inspector.setWorkspace(m_ws.get());
        inspector.showSpan(p->spans()->spanId[static_cast<std::size_t>(streamed)]);
        QCOMPARE(inspector.tabs()->tabText(1), QStringLiteral("Events (40 chunks)"));
        inspector.tabs()->setCurrentIndex(1);
        QCOMPARE(inspector.eventsTree()->topLevelItemCount(), 40);
        QCOMPARE(inspector.eventsTree()->topLevelItem(0)->text(1), QStringLiteral("first chunk"));
        QCOMPARE(inspector.eventsTree()->topLevelItem(0)->text(2), QStringLiteral("w0"));
        QCOMPARE(inspector.eventsTree()->topLevelItem(39)->text(2), QStringLiteral("w39"));
    }

    // Item 15: the Requests filter matches what the requests' spans carry (a span name, a
    // model), says "n of N", and the timeline keeps only those requests bright.
    void theRequestsFilterReachesSpansAndTheTimeline() {
        TraceTableModel model(*m_ws);
        RequestsPanel panel(&model);
        QSignalSpy filtered(&panel, &RequestsPanel::requestsFiltered);
        model.setRun(m_run);
        QCOMPARE(panel.countText(), QStringLiteral("2 requests"));
        const auto filterBy = [&](const char *text) {
            filtered.clear();
            panel.setFilterText(QLatin1String(text));
            return QTest::qWaitFor([&] { return !filtered.isEmpty() && !panel.filtering(); },
                                   20000);
        };
        QVERIFY(filterBy("stuck")); // the unfinished call's name: only request 1 has it
        QCOMPARE(panel.countText(), QStringLiteral("1 of 2"));
        QCOMPARE(panel.filter()->rowCount(), 1);
        const auto shown = filtered.last().at(0).value<std::vector<bool>>();
        QCOMPARE(shown, (std::vector<bool>{false, true}));
        QVERIFY(filterBy("STREAMER")); // a model name, any case: request 0
        QCOMPARE(panel.countText(), QStringLiteral("1 of 2"));
        QVERIFY(filterBy("trace a")); // the requests' own names: both
        QCOMPARE(panel.countText(), QStringLiteral("2 of 2"));
        QVERIFY(filterBy("nemotron"));
        QCOMPARE(panel.countText(), QStringLiteral("0 of 2"));
        QVERIFY(filterBy(""));
        QCOMPARE(panel.countText(), QStringLiteral("2 requests"));
        QVERIFY(filtered.last().at(0).value<std::vector<bool>>().empty());

        auto p = pane();
        QVERIFY(p);
        const std::int32_t streamed = spanNamed(*p->spans(), "streamer");
        const std::int32_t stuck = spanNamed(*p->spans(), "stuck");
        const QImage before = p->view()->grab().toImage();
        p->setShownRequests(shown);
        const QImage shot = p->view()->grab().toImage();
        shot.save(QStringLiteral("timelinemarks-filtered.png"));
        const QRect a = barOf(*p->view(), streamed), b = barOf(*p->view(), stuck);
        const QPoint inA(a.left() + 60, a.center().y()), inB(b.left() + 8, b.center().y());
        QVERIFY(shot.pixelColor(inA) != before.pixelColor(inA)); // request 0: faint
        QVERIFY(qAbs(qGray(shot.pixel(inA)) - qGray(p->view()->palette().base().color().rgb())) <
                qAbs(qGray(before.pixel(inA)) - qGray(p->view()->palette().base().color().rgb())));
        QCOMPARE(shot.pixelColor(inB), before.pixelColor(inB)); // request 1: as it was
        QVERIFY2(p->statusText().contains(QStringLiteral("1 of 2 requests kept")),
                 qPrintable(p->statusText()));
    }
};

QTEST_MAIN(TstTimelineMarks)
#include "tst_timelinemarks.moc"

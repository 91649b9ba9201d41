// The timeline canvas offscreen: it draws a generated run, zooming keeps the time under the
// cursor fixed, keys and drags navigate. Saves timelineview.png in the working folder to look at.
#include "analysis/timeaxis.h"
#include "analysis/timelinelayout.h"
#include "core/records.h"
#include "store/runqueries.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"
#include "timeline/timelinekeys.h"
#include "timeline/timelineminimap.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <set>

using namespace spanscope;

class TstTimelineView : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    TimelineSpans m_spans;
    TimelineLayout m_layout;

private slots:
    void initTestCase() {
        synth::WorkloadOptions o;
        o.spans = 3000;
        o.concurrency = 8;
        synth::generate(o, synth::OutputFormat::OtlpJsonLines,
                        m_tmp.filePath(QStringLiteral("t.jsonl")));
        Workspace ws(m_tmp.filePath(QStringLiteral("w.spanscope")));
        const auto runs = testsupport::importPath(ws, m_tmp.filePath(QStringLiteral("t.jsonl")));
        m_spans = RunQueries(ws).timelineSpans(runs[0].runId);
        m_layout = TimelineLayout::build(m_spans, TimelineLayout::Mode::GanttPerTrace);
        QVERIFY(m_spans.size() >= 3000);
    }

    void drawsAndSavesAPicture() {
        TimelineView view;
        view.resize(1200, 420);
        view.setData(&m_spans, &m_layout);
        view.zoomAt(0, 0.08); // the first seconds of the run, so spans are wide enough to read
        const QPixmap shot = view.grab();
        QVERIFY(!view.lastFrame().rects().empty());
        QVERIFY(shot.save(QStringLiteral("timelineview.png")));
    }

    void zoomKeepsTheTimeUnderTheCursor() {
        TimelineView view;
        view.resize(800, 300);
        view.setData(&m_spans, &m_layout);
        view.zoomAt(400, 0.001); // room to zoom out again within the run
        for (const double x : {0.0, 123.0, 799.0})
            for (const double factor : {0.5, 0.1, 3.0}) {
                const std::int64_t before = view.timeAt(x);
                view.zoomAt(x, factor);
                QVERIFY(std::llabs(view.timeAt(x) - before) <=
                        static_cast<std::int64_t>(view.viewport().nsPerPixel) + 1);
            }
    }

    void everyDrawnSpanCanBeClicked() {
        TimelineView view;
        view.resize(1200, 420);
        view.setData(&m_spans, &m_layout);
        view.zoomAt(0, 0.05);
        view.grab(); // paints, building the frame
        int clicked = 0;
        TimelineRect target;
        for (const TimelineRect &r : view.lastFrame().rects()) {
            if (r.count != 1 || r.x < 0 || r.x + r.w > 1200) continue;
            // Its middle, and its last pixel for narrow ones: drawn pixels of a span hit it.
            const QPoint at(r.x + r.w / 2, 22 + r.y + r.h / 2);
            QCOMPARE(view.spanAt(at), r.span);
            QCOMPARE(view.spanAt(QPoint(r.x + std::max(0, r.w - 1), 22 + r.y + 1)), r.span);
            ++clicked;
            target = r;
        }
        QVERIFY(clicked >= 20);
        // A click selects, and says so.
        QSignalSpy spy(&view, &TimelineView::spanSelected);
        const QPointF at(target.x + target.w / 2, 22 + target.y + target.h / 2);
        QMouseEvent press(QEvent::MouseButtonPress, at, view.mapToGlobal(at), Qt::LeftButton,
                          Qt::LeftButton, {});
        QMouseEvent release(QEvent::MouseButtonRelease, at, view.mapToGlobal(at), Qt::LeftButton,
                            Qt::NoButton, {});
        QApplication::sendEvent(&view, &press);
        QApplication::sendEvent(&view, &release);
        QCOMPARE(view.selectedSpan(), target.span);
        view.grab().save(QStringLiteral("timelineview-selected.png"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(view.spanAt(QPoint(5, 5)), -1); // the axis
    }

    // Issue 11: at any device pixel ratio (CTest runs this suite again as
    // tst_timelineview_hidpi, with QT_SCALE_FACTOR=2), each span's pixels are where the layout
    // and the hit-testing put it, narrow ones included, and 1-px lines stay crisp: solid,
    // exactly a logical pixel wide, with no blended edge.
    void pixelsFollowTheLayoutAtAnyPixelRatio() {
        TimelineView view;
        view.resize(1200, 420);
        view.setData(&m_spans, &m_layout);
        QImage shot;
        qreal d = 1;
        int checked = 0, same = 0, narrow = 0;
        for (const double zoom : {0.05, 4.0}) { // wide spans, then a run's width of narrow ones
            view.zoomAt(0, zoom);
            shot = view.grab().toImage();
            d = shot.devicePixelRatio();
            QCOMPARE(d, view.devicePixelRatioF());
            for (const TimelineRect &r : view.lastFrame().rects()) {
                if (r.count != 1 || (r.flags & SpanUnfinished) || r.x < 0 || r.x + r.w > 1200)
                    continue;
                // Its last column (its first may be its neighbour's last), clear of the label.
                const QPoint at(r.x + std::max(0, r.w - 1), 22 + r.y + 2);
                QCOMPARE(view.spanAt(at), r.span);
                ++checked;
                narrow += r.w <= 3;
                same += shot.pixelColor(qRound(at.x() * d), qRound(at.y() * d)) ==
                        TimelinePainter::categoryColour(r.category);
            }
        }
        QVERIFY(checked >= 20);
        QVERIFY(narrow > 0);
        // A neighbour drawn later may cover a shared pixel column; nothing else may.
        QVERIFY2(same >= checked * 95 / 100,
                 qPrintable(QStringLiteral("%1 of %2").arg(same).arg(checked)));
        // The axis's tick marks, a row above the lanes: only the tick colour and the axis's
        // background, each tick exactly one logical pixel (d device pixels) wide.
        const QColor tick = view.palette().text().color(),
                     ground = view.palette().alternateBase().color();
        const int row = qRound(21 * d);
        int ticks = 0, run = 0;
        for (int x = 0; x < shot.width(); ++x) {
            const QColor c = shot.pixelColor(x, row);
            QVERIFY2(c == tick || c == ground, qPrintable(c.name()));
            if (c == tick) {
                ++run;
                continue;
            }
            if (run > 0) {
                QCOMPARE(run, qRound(d));
                ++ticks;
            }
            run = 0;
        }
        QVERIFY(ticks >= 3);
        QVERIFY(shot.save(QStringLiteral("timelineview-dpr%1.png").arg(d)));
    }

    // Issue 11: the keys the canvas takes are exactly the ones its table lists, and Help
    // prints that table, so the shortcut list cannot drift from the keys.
    void theHelpListsExactlyTheKeysTaken() {
        TimelineView view;
        view.resize(800, 300);
        view.setData(&m_spans, &m_layout);
        std::vector<int> candidates;
        for (int k = Qt::Key_A; k <= Qt::Key_Z; ++k)
            candidates.push_back(k);
        for (int k = Qt::Key_0; k <= Qt::Key_9; ++k)
            candidates.push_back(k);
        for (int k :
             {Qt::Key_Left,     Qt::Key_Right,  Qt::Key_Up,     Qt::Key_Down,   Qt::Key_PageUp,
              Qt::Key_PageDown, Qt::Key_Home,   Qt::Key_End,    Qt::Key_Escape, Qt::Key_Slash,
              Qt::Key_Space,    Qt::Key_Return, Qt::Key_Enter,  Qt::Key_Delete, Qt::Key_Backspace,
              Qt::Key_Plus,     Qt::Key_Minus,  Qt::Key_Insert, Qt::Key_F2,     Qt::Key_F3,
              Qt::Key_F5})
            candidates.push_back(k);
        int taken = 0;
        for (const int k : candidates) {
            QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier);
            QApplication::sendEvent(&view, &press);
            QVERIFY2(press.isAccepted() == timelinekeys::handles(k),
                     qPrintable(QKeySequence(k).toString()));
            taken += press.isAccepted();
        }
        int listed = 0;
        const QString help = TimelineView::keysHelp();
        for (const timelinekeys::Binding &b : timelinekeys::bindings()) {
            for (const int k : b.keys)
                QVERIFY(std::find(candidates.begin(), candidates.end(), k) != candidates.end());
            listed += static_cast<int>(b.keys.size());
            QVERIFY(help.contains(QString::fromUtf8(b.label).toHtmlEscaped()));
        }
        QCOMPARE(taken, listed);
    }

    void focusAndClearTheSelection() {
        TimelineView view;
        view.resize(800, 300);
        view.setData(&m_spans, &m_layout);
        // A span deep in the run, far outside the first screen of lanes.
        const auto span = static_cast<std::int32_t>(m_spans.size() - 1);
        view.setSelectedSpan(span);
        QTest::keyClick(&view, Qt::Key_F);
        const auto i = static_cast<std::size_t>(span);
        const TimelineViewport &v = view.viewport();
        QVERIFY(m_spans.start[i] >= v.t0 && m_spans.end[i] <= v.t1()); // its whole time is shown
        const double lane = m_layout.laneOf(span);
        QVERIFY(lane >= v.firstLane && lane < v.firstLane + double(v.heightPx) / v.laneHeightPx);
        view.grab();
        bool drawn = false;
        for (const TimelineRect &r : view.lastFrame().rects())
            drawn |= r.span == span && r.count == 1;
        QVERIFY(drawn);
        QTest::keyClick(&view, Qt::Key_Escape);
        QCOMPARE(view.selectedSpan(), -1);
    }

    void zoomAndPanStayOnTheData();
    void resizeKeepsAFittedViewFitted();
    void keysScrollTheLanes();

    void keysAndDragNavigate() {
        TimelineView view;
        view.resize(800, 300);
        view.setData(&m_spans, &m_layout);
        const double nsPerPixel = view.viewport().nsPerPixel;
        QTest::keyClick(&view, Qt::Key_W);
        QVERIFY(view.viewport().nsPerPixel < nsPerPixel);
        QTest::keyClick(&view, Qt::Key_S);
        QVERIFY(std::fabs(view.viewport().nsPerPixel - nsPerPixel) < nsPerPixel * 1e-9);
        const std::int64_t t0 = view.viewport().t0;
        QTest::keyClick(&view, Qt::Key_D);
        QVERIFY(view.viewport().t0 > t0);
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(400, 100));
        QMouseEvent move(QEvent::MouseMove, QPointF(300, 60), QPointF(300, 60), Qt::NoButton,
                         Qt::LeftButton, {});
        QApplication::sendEvent(&view, &move);
        QVERIFY(view.viewport().firstLane > 0); // dragged up: later lanes come into view
    }
};

// Issue 13, items 2, 3 and 6: zoom in stops at 10 ns a screen with distinct ticks, zoom out and
// panning stop at the run and a 5% margin, and the minimap's window is where the view is.
void TstTimelineView::zoomAndPanStayOnTheData() {
    TimelineView view;
    view.resize(1000, 300);
    view.setData(&m_spans, &m_layout);
    const auto [begin, end] = timeRange(m_spans);
    const std::int64_t margin = (end - begin) / 20;
    for (int i = 0; i < 120; ++i)
        QTest::keyClick(&view, Qt::Key_W);
    const TimelineViewport &v = view.viewport();
    QCOMPARE(v.t1() - v.t0, std::int64_t(10)); // the floor: 10 ns across the lanes
    view.grab().save(QStringLiteral("timeline-deepzoom.png"));
    const auto ticks = timeAxisTicks(v.t0, v.nsPerPixel, v.widthPx, view.originNs());
    QVERIFY(ticks.size() >= 3);
    std::set<std::string> labels;
    for (const AxisTick &t : ticks)
        QVERIFY2(labels.insert(t.label).second, t.label.c_str());
    view.zoomToFit();
    for (int i = 0; i < 20; ++i) { // the wheel, 20 steps out
        QWheelEvent out(QPointF(500, 100), view.mapToGlobal(QPointF(500, 100)), {}, {0, -120},
                        Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &out);
    }
    QVERIFY(std::llabs(v.t0 - (begin - margin)) <= 1); // the whole run and margins, no more
    QVERIFY(std::llabs(v.t1() - (end + margin)) <= 1);
    view.zoomAt(500, 0.1);
    for (int i = 0; i < 200; ++i)
        QTest::keyClick(&view, Qt::Key_D);
    QVERIFY(v.t1() <= end + margin && v.t1() >= end + margin - 2);
    for (int i = 0; i < 200; ++i)
        QTest::keyClick(&view, Qt::Key_A);
    QVERIFY(std::llabs(v.t0 - (begin - margin)) <= 1);
    // The minimap: a click at its right end shows the run's end, and its window is the view's.
    TimelineMinimap minimap(&view);
    minimap.resize(1000, 40);
    minimap.setSpans(&m_spans);
    QTest::mouseClick(&minimap, Qt::LeftButton, {}, QPoint(997, 20));
    QVERIFY(v.t1() <= end + margin && v.t1() >= end);
    const QRectF box = minimap.windowRect();
    QVERIFY(box.left() >= 0 && box.right() <= 1000.5);
    QVERIFY(std::fabs(box.width() - 100) < 1.5); // a tenth of the range, as the view shows
    minimap.grab().save(QStringLiteral("timelineminimap-end.png"));
}

// Item 14: the keys scroll the lanes, a lane, a screen, or to either end.
void TstTimelineView::keysScrollTheLanes() {
    TimelineView view;
    view.resize(800, 300);
    view.setData(&m_spans, &m_layout);
    const TimelineViewport &v = view.viewport();
    const double shown = view.lanesShown(), last = m_layout.laneCount() - shown;
    QVERIFY(last > 3 * shown);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(v.firstLane, 1.0);
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(v.firstLane, 1.0 + shown - 1);
    QTest::keyClick(&view, Qt::Key_PageUp);
    QCOMPARE(v.firstLane, 1.0);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(v.firstLane, last); // the last lanes fill the screen: no blank below them
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(v.firstLane, last);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(v.firstLane, 0.0);
    const std::int64_t t0 = v.t0;
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(v.t0 > t0);
}

// Item 7: a fitted view stays fitted when the window or a dock resizes it; a zoomed one keeps
// its start and scale.
void TstTimelineView::resizeKeepsAFittedViewFitted() {
    TimelineView view;
    view.resize(600, 300);
    view.setData(&m_spans, &m_layout);
    const auto [begin, end] = timeRange(m_spans);
    view.resize(1400, 300);
    QApplication::sendPostedEvents();
    view.grab();
    const TimelineViewport &v = view.viewport();
    QVERIFY(v.t0 <= begin && v.t1() >= end);
    QVERIFY(v.t1() - v.t0 < (end - begin) * 11 / 10); // no blank half
    view.zoomAt(700, 0.25);
    const std::int64_t t0 = v.t0;
    const double scale = v.nsPerPixel;
    view.resize(900, 300);
    view.grab();
    QCOMPARE(v.t0, t0);
    QCOMPARE(v.nsPerPixel, scale);
}

QTEST_MAIN(TstTimelineView)
#include "tst_timelineview.moc"

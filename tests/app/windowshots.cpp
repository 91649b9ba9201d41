// spanscope-windowshots OUTDIR [dark|tr]: pictures the main window as a new user meets it, at
// 1280x720 and 1920x1080, offscreen, for people to look at (issue 13 asks for them before and after
// each fix), then every view in the dark theme and in Turkish (issue 11), or only those. Not a
// test: it asserts nothing, it saves PNGs named <width>-<state>.png.
// It uses only the window's long-standing API, so the same file builds against an older
// checkout to picture "before". Needs ../shared/samples for the NAT and sizing states.
#include "appearancemenu.h"
#include "common/theme.h"
#include "core/records.h"
#include "decisiontabs.h"
#include "helpmenu.h"
#include "inspector/inspectorview.h"
#include "mainwindow.h"
#include "store/workspace.h"
#include "synth/tracefilewriter.h"
#include "testsupport.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"
#include "workspace/runspanel.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <cstdio>

using namespace spanscope;

namespace {

QString g_out;

void save(QWidget &w, const char *state) {
    QApplication::processEvents(); // one layout and paint pass: the pixels a user would see
    const QString file = QStringLiteral("%1/%2-%3.png").arg(g_out).arg(w.width()).arg(state);
    if (!w.grab().save(file)) std::fprintf(stderr, "could not save %s\n", qPrintable(file));
}

bool settle(MainWindow &w) {
    return QTest::qWaitFor([&] { return !w.timeline()->busy(); }, 60000);
}

bool import(MainWindow &w, const QString &path) {
    QSignalSpy finished(&w, &MainWindow::importFinished);
    if (!w.importPaths({path}) || !finished.wait(300000)) return false;
    return QTest::qWaitFor(
        [&] {
            return !w.timeline()->busy() && w.timeline()->runId() == w.runsPanel()->currentRun();
        },
        60000);
}

void picture(const QSize size, const QString &data, const QString &samples,
             const QString &scratch) {
    const QString tag = QString::number(size.width());
    {
        MainWindow w(scratch + QStringLiteral("/empty-%1.spanscope").arg(tag));
        w.resize(size);
        w.show();
        save(w, "empty");
    }
    if (!samples.isEmpty()) {
        MainWindow w(scratch + QStringLiteral("/sizing-%1.spanscope").arg(tag));
        w.resize(size);
        w.show();
        if (import(w, samples + QStringLiteral("/nat/sizing-aiq/calc/online/job_1763990400")))
            save(w, "sizing-run");
    }
    MainWindow w(scratch + QStringLiteral("/data-%1.spanscope").arg(tag));
    w.resize(size);
    w.show();
    if (!import(w, data)) return;
    TimelinePane *pane = w.timeline();
    pane->setMode(TimelinePane::Mode::Requests);
    settle(w);
    pane->view()->zoomToFit();
    save(w, "requests");
    for (int k = 0; k < 80; ++k)
        QTest::keyClick(pane->view(), Qt::Key_W);
    save(w, "deep-zoom");
    pane->view()->zoomToFit();
    for (int k = 0; k < 20; ++k)
        pane->view()->zoomAt(pane->view()->width() / 2.0, 1.25);
    save(w, "zoomed-out");
    QSignalSpy searched(pane, &TimelinePane::searchFinished);
    pane->search(QStringLiteral("llama"));
    searched.wait(20000);
    save(w, "search");
    if (samples.isEmpty()) return;
    // A real NAT run with LLM calls that never ended and streamed ones: the request holding
    // the first unfinished call, as a waterfall, that call selected.
    if (!import(w, samples + QStringLiteral("/nat/aiq-stream-legacy-c2"))) return;
    const TimelineSpans *spans = pane->spans();
    for (std::size_t i = 0; spans && i < spans->size(); ++i)
        if (spans->flags[i] & SpanUnfinished) {
            pane->openTrace(spans->trace[i]);
            settle(w);
            pane->view()->setSelectedSpan(static_cast<std::int32_t>(i));
            break;
        }
    QTest::qWait(400); // chunk marks are read once the view settles
    save(w, "unfinished-streamed");
    // A NAT 1.5+ eval made by the sizing calculator, with what NAT read from Dynamo: its
    // overview (concurrency, Dynamo metrics, configuration files).
    {
        const QString dir = data + QStringLiteral("/nat-dynamo");
        synth::WorkloadOptions o;
        o.spans = 400;
        o.sessions = 4;
        o.concurrency = 8;
        o.seed = 11;
        synth::generate(o, synth::OutputFormat::NatEval, dir);
        const auto put = [&](const char *name, const QByteArray &text) {
            QFile f(QDir(dir).filePath(QLatin1String(name)));
            if (f.open(QIODevice::WriteOnly)) f.write(text);
        };
        put("config_metadata.json",
            R"({"overrides": [{"path": "eval.general.max_concurrency", "value": "8"},
                {"path": "eval.general.workflow_alias", "value": "wf_concurrency_8"}]})");
        put("inference_optimization.json",
            R"({"dynamo_metrics": {"kv_efficiency": 0.62, "ttft_p95_seconds": 0.41,
                "itl_p95_seconds": 0.032, "kv_cache_usage_percent": 57.5,
                "requests_per_minute": 96}})");
        if (import(w, dir)) {
            for (int i = 0; i < w.centreTabs()->count(); ++i)
                if (w.centreTabs()->tabText(i) == QLatin1String("Overview"))
                    w.centreTabs()->setCurrentIndex(i);
            QTest::qWait(500);
            save(w, "nat-dynamo-overview");
        }
    }
    // NAT's ATOF/ATIF examples: a trajectory's timeline with a model call's conversation in the
    // inspector.
    if (import(w, samples + QStringLiteral("/nat/atof-examples/exmp02_atof.jsonl"))) {
        auto *trajectory = w.timeline();
        for (std::size_t i = 0; i < trajectory->spans()->size(); ++i)
            if (trajectory->spans()->names[trajectory->spans()->nameId[i]] == "gpt-4.1") {
                trajectory->view()->setSelectedSpan(static_cast<std::int32_t>(i));
                break;
            }
        w.inspector()->tabs()->setCurrentIndex(2);
        QTest::qWait(300);
        save(w, "atof-conversation");
    }
    // A NAT 1.4+ run with cached and reasoning tokens: its overview (models, files) and tokens.
    if (!import(w, samples + QStringLiteral("/nat/aiq-v1-c8"))) return;
    QSignalSpy analysed(&w, &MainWindow::analysisReady);
    analysed.wait(60000);
    for (const char *tab : {"Overview", "Tokens"})
        for (int i = 0; i < w.centreTabs()->count(); ++i)
            if (w.centreTabs()->tabText(i) == QLatin1String(tab)) {
                w.centreTabs()->setCurrentIndex(i);
                QTest::qWait(300);
                save(w, tab);
            }
}

// Every centre tab of a window over the generated run, named PREFIX-TAB: the dark theme and the
// Turkish translation looked at view by view.
void everyTab(const QSize size, const QString &data, const QString &scratch, const char *prefix) {
    MainWindow w(scratch +
                 QStringLiteral("/%1-%2.spanscope").arg(QLatin1String(prefix)).arg(size.width()));
    w.resize(size);
    w.show();
    if (!import(w, data)) return;
    QSignalSpy analysed(&w, &MainWindow::analysisReady);
    analysed.wait(60000);
    w.timeline()->view()->setSelectedSpan(3);
    for (int i = 0; i < w.centreTabs()->count(); ++i) {
        w.centreTabs()->setCurrentIndex(i);
        QTest::qWait(300);
        const QString name = QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(i);
        save(w, qPrintable(name));
    }
    // The Help menu's texts, as its dialogs show them.
    const std::pair<const char *, QString> texts[] = {{"keys", HelpMenu::shortcutsHtml(&w)},
                                                      {"started", HelpMenu::gettingStartedHtml()},
                                                      {"about", HelpMenu::aboutHtml()}};
    for (const auto &[name, html] : texts) {
        QTextBrowser text;
        text.setHtml(html);
        text.resize(640, 520);
        text.show();
        save(text,
             qPrintable(
                 QStringLiteral("%1-help-%2").arg(QLatin1String(prefix), QLatin1String(name))));
    }
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    g_out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("windowshots");
    QDir().mkpath(g_out);
    QTemporaryDir scratch;
    const QString data = scratch.filePath(QStringLiteral("data"));
    synth::WorkloadOptions o;
    o.spans = 800;
    o.sessions = 10;
    o.concurrency = 4;
    synth::generate(o, synth::OutputFormat::NatEval, data + QStringLiteral("/nat-eval"));
    const QString samples = testsupport::samplesDir();
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    if (only.isEmpty())
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)})
            picture(size, data, samples, scratch.path());
    if (only.isEmpty() || only == QLatin1String("dark")) {
        theme::apply(theme::Choice::Dark);
        everyTab(QSize(1280, 720), data, scratch.path(), "dark");
        if (!samples.isEmpty()) { // a sizing run's chart and table, and a compare of two runs
            MainWindow w(scratch.filePath(QStringLiteral("dark-sizing.spanscope")));
            w.resize(1280, 720);
            w.show();
            if (import(w, samples + QStringLiteral("/nat/sizing-aiq/calc/online/job_1763990400")))
                save(w, "dark-sizing-run");
            if (import(w, data + QStringLiteral("/nat-eval")) &&
                import(w, samples + QStringLiteral("/nat/aiq-v1-c8"))) {
                const auto runs = w.workspace().runs();
                w.decisions()->compare(runs[runs.size() - 2].id, runs.back().id);
                QTest::qWait(1500);
                save(w, "dark-compare");
            }
        }
        theme::apply(theme::Choice::Light);
    }
    if (only.isEmpty() || only == QLatin1String("tr")) {
        QSettings().setValue(QLatin1String(AppearanceMenu::languageKey), QStringLiteral("tr"));
        AppearanceMenu::applySaved();
        everyTab(QSize(1280, 720), data, scratch.path(), "tr");
    }
    std::printf("pictures in %s\n", qPrintable(g_out));
    return 0;
}

#include "appwindowtest.h"

#include "synth/tracefilewriter.h"
#include "timeline/timelinepane.h"
#include "workspace/runspanel.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace spanscope;

void AppWindowTest::generateData() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_data = m_tmp.filePath(QStringLiteral("data"));
    synth::WorkloadOptions o;
    o.spans = 800;
    o.sessions = 10;
    o.concurrency = 4;
    synth::generate(o, synth::OutputFormat::NatEval, m_data + QStringLiteral("/nat-eval"));
    o.spans = 3000;
    o.sessions = 30;
    o.concurrency = 8;
    o.seed = 2;
    synth::generate(o, synth::OutputFormat::OtlpJsonLines,
                    m_data + QStringLiteral("/rollout.jsonl"));
}

bool AppWindowTest::waitFor(QObject *sender, const char *signal, int ms) {
    QSignalSpy spy(sender, signal);
    return spy.wait(ms);
}

std::unique_ptr<MainWindow> AppWindowTest::importedWindow(const char *name) {
    auto w = std::make_unique<MainWindow>(workspacePath(name));
    connect(w->timeline(), &TimelinePane::failed, this,
            [](const QString &m) { qWarning("timeline failed: %s", qPrintable(m)); });
    w->resize(1600, 900);
    w->show();
    QSignalSpy finished(w.get(), &MainWindow::importFinished);
    if (!w->importPaths({m_data})) return nullptr;
    if (!finished.wait(120000)) return nullptr;
    // The newest run is selected when the import ends; wait until its spans are shown.
    const bool shown = QTest::qWaitFor(
        [&] {
            return !w->timeline()->busy() && w->timeline()->spans() &&
                   w->timeline()->runId() == w->runsPanel()->currentRun();
        },
        60000);
    return shown ? std::move(w) : nullptr;
}

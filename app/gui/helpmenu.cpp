#include "helpmenu.h"

#include "core/libraryversions.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spanscope {

namespace {

QString plain(QString text) {
    return text.remove(QLatin1Char('&')).remove(QChar(0x2026)).toHtmlEscaped();
}

void collect(QMenu *menu, const QString &path, QString &rows) {
    for (QAction *a : menu->actions()) {
        if (a->isSeparator()) continue;
        if (a->menu()) {
            collect(a->menu(), path + QStringLiteral(" \u203a ") + plain(a->text()), rows);
            continue;
        }
        const QList<QKeySequence> keys = a->shortcuts();
        if (keys.isEmpty()) continue;
        QStringList shown;
        for (const QKeySequence &k : keys)
            shown << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td><b>%3</b></td></tr>")
                    .arg(path, plain(a->text()), shown.join(QStringLiteral(", ")));
    }
}

} // namespace

HelpMenu::HelpMenu(QMenu *help, QMainWindow *window) : QObject(window), m_window(window) {
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        showText(tr("Keyboard shortcuts"), shortcutsHtml(m_window));
    });
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Getting started"), this,
                    [this] { showText(tr("Getting started"), gettingStartedHtml()); });
    help->addSeparator();
    help->addAction(tr("&About Spanscope"), this,
                    [this] { showText(tr("About Spanscope"), aboutHtml()); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QString HelpMenu::shortcutsHtml(QMainWindow *window) {
    QString rows;
    for (QAction *a : window->menuBar()->actions())
        if (a->menu()) collect(a->menu(), plain(a->text()), rows);
    return tr("<h3>Menus</h3><table cellspacing='6'><tr><th align='left'>Menu</th>"
              "<th align='left'>Action</th><th align='left'>Keys</th></tr>%1</table>"
              "<h3>Timeline</h3>%2")
        .arg(rows, TimelineView::keysHelp());
}

QString HelpMenu::gettingStartedHtml() {
    return tr(
        "<h3>What to open</h3>"
        "<p>Import a folder or a file with <b>File &gt; Import folder</b> (Ctrl+O), <b>Import "
        "file</b>, or drop it on the window. Each import becomes a run in the <b>Runs</b> list; "
        "everything stays in one workspace file (<tt>.spanscope</tt>) that "
        "<tt>spanscope-cli</tt> reads too.</p>"
        "<ul>"
        "<li><b>NAT eval folders</b>: <tt>nat eval --config_file CONFIG</tt> writes the folder "
        "named by <tt>eval.general.output_dir</tt> in the configuration (often "
        "<tt>.tmp/nat/examples/&lt;workflow&gt;/eval</tt>), with "
        "<tt>workflow_output.json</tt>, the evaluators' <tt>*_output.json</tt> and, with the "
        "profiler on, <tt>all_requests_profiler_traces.json</tt> and "
        "<tt>standardized_data_all.csv</tt>. Open the folder.</li>"
        "<li><b>Load tests</b>: <tt>nat sizing calc --calc_output_dir DIR</tt> writes "
        "<tt>DIR/online/job_&lt;time&gt;/</tt> (or <tt>offline</tt>) with "
        "<tt>calc_runner_output.json</tt> and an eval folder per concurrency. Open the job "
        "folder; the <b>Sizing</b> tab shows p95 against concurrency and the GPUs needed.</li>"
        "<li><b>OpenTelemetry traces</b>: the collector's file exporter (JSON lines, optionally "
        "zstd), OTLP JSON, Jaeger and Zipkin JSON, Phoenix exports.</li>"
        "<li><b>Agent trajectories</b>: ATOF event streams and ATIF trajectory files.</li>"
        "</ul>"
        "<h3>Where to look</h3>"
        "<p><b>Timeline</b>: every request of the run; double-click one for its waterfall. "
        "<b>Stacks</b>: where the time goes, self and total, p95. <b>Slow requests</b>: the "
        "outliers, one click from their waterfall. <b>Tokens</b>: token use per call. "
        "<b>Compare</b>: two runs side by side, quality with paired statistics. "
        "<b>Sizing</b>: how many GPUs N users need.</p>"
        "<p>Press F1 for the keyboard shortcuts.</p>");
}

QString HelpMenu::aboutHtml() {
    QString libraries = QStringLiteral("<tr><td>Qt</td><td>%1</td></tr>").arg(qVersion());
    libraries += QStringLiteral("<tr><td>QCustomPlot</td><td>%1</td></tr>")
                     .arg(QStringLiteral(QCUSTOMPLOT_VERSION_STR));
    for (const auto &[name, version] : libraryVersions())
        libraries += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                         .arg(QString::fromStdString(name), QString::fromStdString(version));
    return tr("<h2>Spanscope %1</h2>"
              "<p>Where an LLM agent's time, tokens and quality go: NAT eval folders, load "
              "tests and OpenTelemetry traces in one workspace.</p>"
              "<p>Released under the MIT licence.</p>"
              "<h3>Libraries</h3><table cellspacing='4'>%2</table>")
        .arg(QStringLiteral(SPANSCOPE_VERSION), libraries);
}

void HelpMenu::showText(const QString &title, const QString &html) {
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *text = new QTextBrowser;
    text->setHtml(html);
    text->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(640, 520);
    dialog->show();
}

} // namespace spanscope

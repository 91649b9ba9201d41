// MainWindow's menus: File, View (layouts, docks, Go to, theme, language) and Help. Kept apart
// from mainwindow.cpp, which wires the views, for the length of both.
#include "appearancemenu.h"
#include "decisiontabs.h"
#include "helpmenu.h"
#include "inspector/inspectorview.h"
#include "mainwindow.h"
#include "recentmenu.h"
#include "sessions/sessionspane.h"
#include "stacks/stackspane.h"
#include "timeline/timelinepane.h"
#include "timeline/timelineview.h"
#include "tokens/tokenspane.h"
#include "workspace/requestspanel.h"
#include "workspace/runspanel.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenuBar>
#include <QTabWidget>

namespace spanscope {

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Import &folder\u2026"), QKeySequence(Qt::CTRL | Qt::Key_O), this,
                    [this] { chooseAndImport(true); });
    file->addAction(tr("Import f&ile\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    [this] { chooseAndImport(false); });
    file->addAction(tr("&New workspace\u2026"), QKeySequence::New, this, &MainWindow::newWorkspace);
    file->addAction(tr("Open &workspace\u2026"), this, &MainWindow::chooseWorkspace);
    auto *recent = new RecentMenu(tr("&Recent"), file);
    connect(recent, &RecentMenu::workspaceChosen, this, &MainWindow::openWorkspaceWindow);
    connect(recent, &RecentMenu::importChosen, this,
            [this](const QString &p) { importPaths({p}); });
    file->addMenu(recent);
    file->addSeparator();
    file->addAction(tr("Receive &live traces…"), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                    &MainWindow::chooseLivePort);
    file->addSeparator();
    file->addAction(tr("&Close window"), QKeySequence::Close, this, &QWidget::close);
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quitAll);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // The layouts are one choice, checked where the timeline is (issue 13, item 17).
    auto *layouts = new QActionGroup(this);
    const std::pair<QString, TimelinePane::Mode> modes[] = {
        {tr("Requests (a lane group each)"), TimelinePane::Mode::Requests},
        {tr("Packed by concurrency"), TimelinePane::Mode::Packed},
        {tr("Waterfall of the selected request"), TimelinePane::Mode::Waterfall}};
    for (const auto &[text, mode] : modes) {
        QAction *a = view->addAction(text, this, [this, m = mode] { m_timeline->setMode(m); });
        a->setCheckable(true);
        a->setData(static_cast<int>(mode));
        layouts->addAction(a);
    }
    const auto checkLayout = [this, layouts] {
        for (QAction *a : layouts->actions())
            a->setChecked(a->data().toInt() == static_cast<int>(m_timeline->mode()));
    };
    connect(m_timeline, &TimelinePane::layoutChanged, this, checkLayout);
    connect(m_timeline, &TimelinePane::loaded, this, checkLayout);
    checkLayout();
    view->addAction(tr("Zoom to fit"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                    [this] { m_timeline->view()->zoomToFit(); });
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    // Every dock and the centre a key away (Alt+1..4, as in IDEs): the app without a mouse.
    QMenu *go = view->addMenu(tr("&Go to"));
    const std::pair<QString, QWidget *> places[] = {{tr("&Runs"), m_runsPanel},
                                                    {tr("Re&quests"), m_requestsPanel},
                                                    {tr("&Views"), m_centre},
                                                    {tr("&Inspector"), m_inspector}};
    int key = Qt::Key_1;
    for (const auto &[text, place] : places) {
        go->addAction(text, QKeySequence(Qt::ALT | static_cast<Qt::Key>(key++)), this, [w = place] {
            if (auto *dock = qobject_cast<QDockWidget *>(w->parentWidget())) {
                dock->show();
                dock->raise();
            }
            QWidget *target = w->focusProxy() ? w->focusProxy() : w;
            if (auto *tabs = qobject_cast<QTabWidget *>(w)) target = tabs->currentWidget();
            target->setFocus(Qt::ShortcutFocusReason);
            if (!target->hasFocus()) target->nextInFocusChain()->setFocus();
        });
    }
    view->addSeparator();
    auto *appearance = new AppearanceMenu(view, this);
    connect(appearance, &AppearanceMenu::themeChanged, this, &MainWindow::restyle);

    new HelpMenu(menuBar()->addMenu(tr("&Help")), this);
}

void MainWindow::restyle() {
    // Views that painted fixed colours into their charts and texts draw them again.
    if (!m_analysis) return;
    m_stacks->setAnalysis(m_analysis);
    m_sessions->setAnalysis(m_analysis);
    m_tokens->setAnalysis(m_analysis);
    m_decisions->runSelected(m_timeline->runId());
}

} // namespace spanscope

#include "appearancemenu.h"
#include "launchpaths.h"
#include "livesession.h"
#include "mainwindow.h"
#include "quitonsignal.h"
#include "store/workspace.h"
#include "store/workspacefile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <cstdio>

int main(int argc, char *argv[]) {
    using namespace spanscope;
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Spanscope"));
    QApplication::setApplicationName(QStringLiteral("Spanscope"));
    QApplication::setApplicationVersion(QStringLiteral(SPANSCOPE_VERSION));
    // The desktop file's id: Wayland compositors and docks match the window to its entry.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.spanscope.Spanscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.spanscope.Spanscope.svg")));
    AppearanceMenu::applySaved(); // theme and language, before the first text is made

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Spanscope: where an LLM agent's time, tokens and quality go. Opens a workspace (a "
        ".spanscope file) and imports the other PATHs given (NAT eval folders, sizing results, "
        "OpenTelemetry dumps) into it."));
    p.addHelpOption();
    p.addVersionOption();
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    p.addOption({QStringLiteral("workspace"),
                 QStringLiteral("Workspace file (default %1).")
                     .arg(WorkspaceFile::shown(WorkspaceFile::defaultPath())),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("no-demo"),
                 QStringLiteral("Do not fill an empty workspace with the demo data.")});
    p.addOption({QStringLiteral("listen"),
                 QStringLiteral("Receive live OTLP/HTTP traces into the workspace: --listen [PORT] "
                                "(default 4318) on 127.0.0.1, as File > Receive live traces.")});
    p.addPositionalArgument(
        QStringLiteral("PATH"),
        QStringLiteral("A workspace (.spanscope) to open, or files and folders to import."),
        QStringLiteral("[PATH...]"));
    // --listen takes an optional PORT, which QCommandLineParser cannot say: a number right
    // after it is taken here as its port.
    QStringList args = QCoreApplication::arguments();
    int listenPort = 4318;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        bool isPort = false;
        const int port = args.at(i + 1).toInt(&isPort);
        if (args.at(i) == QLatin1String("--listen") && isPort && port >= 0 && port <= 65535) {
            listenPort = port;
            args.removeAt(i + 1);
            break;
        }
    }
    p.process(args);

    const LaunchPaths launch =
        splitLaunchPaths(p.positionalArguments(), p.value(QStringLiteral("workspace")));
    if (!launch.error.isEmpty()) {
        std::fprintf(stderr, "spanscope: %s\n", qPrintable(launch.error));
        return 2;
    }
    const QStringList &paths = launch.imports;
    const QString &opened = launch.workspace;
    const bool defaultWorkspace = opened.isEmpty();
    const QString path = defaultWorkspace ? WorkspaceFile::defaultPath() : opened;
    QDir().mkpath(QFileInfo(path).absolutePath());
    std::unique_ptr<MainWindow> window;
    try {
        window = std::make_unique<MainWindow>(path);
    } catch (const std::exception &e) {
        QMessageBox::critical(nullptr, QStringLiteral("Spanscope"),
                              QCoreApplication::translate("spanscope::MainWindow",
                                                          "Cannot open the workspace %1:\n%2")
                                  .arg(path, QString::fromUtf8(e.what())));
        return 1;
    }
    const QuitOnSignal quitOnSignal; // a kill commits what live receiving accepted, as Quit does
    window->show();
    // Said on the terminal too: the endpoint to point an agent at (with --listen 0, the port
    // picked).
    if (p.isSet(QStringLiteral("listen")) && window->startLive(listenPort)) {
        std::printf("spanscope: receiving OTLP/HTTP traces at %s\n",
                    qPrintable(window->liveSession()->endpoint()));
        std::fflush(stdout);
    }
    if (!paths.isEmpty()) {
        window->importPaths(paths);
    } else if (window->workspace().runs().empty() && !p.isSet(QStringLiteral("no-demo")) &&
               !p.isSet(QStringLiteral("listen"))) {
        // A first start on an empty workspace: show real views at once, on generated data.
        QSettings settings;
        if (defaultWorkspace && !settings.value(QStringLiteral("demoOffered")).toBool()) {
            settings.setValue(QStringLiteral("demoOffered"), true);
            window->importDemo(QDir(dataDir).filePath(QStringLiteral("demo-data")));
        }
    }
    return app.exec();
}

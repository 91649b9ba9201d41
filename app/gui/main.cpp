#include "mainwindow.h"
#include "store/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Spanscope"));
    QApplication::setApplicationName(QStringLiteral("Spanscope"));
    QApplication::setApplicationVersion(QStringLiteral(SPANSCOPE_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Spanscope: where an LLM agent's time, tokens and quality go. Imports the PATHs given "
        "(NAT eval folders, sizing results, OpenTelemetry dumps) into the workspace and opens "
        "it."));
    p.addHelpOption();
    p.addVersionOption();
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    p.addOption({QStringLiteral("workspace"),
                 QStringLiteral("Workspace file (default %1/workspace.spanscope).").arg(dataDir),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("no-demo"),
                 QStringLiteral("Do not fill an empty workspace with the demo data.")});
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files or folders to import."),
                            QStringLiteral("[PATH...]"));
    p.process(app);

    const bool defaultWorkspace = !p.isSet(QStringLiteral("workspace"));
    const QString path = defaultWorkspace
                             ? QDir(dataDir).filePath(QStringLiteral("workspace.spanscope"))
                             : p.value(QStringLiteral("workspace"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    std::unique_ptr<spanscope::MainWindow> window;
    try {
        window = std::make_unique<spanscope::MainWindow>(path);
    } catch (const std::exception &e) {
        QMessageBox::critical(nullptr, QStringLiteral("Spanscope"),
                              QStringLiteral("Cannot open the workspace %1:\n%2")
                                  .arg(path, QString::fromUtf8(e.what())));
        return 1;
    }
    window->show();
    const QStringList paths = p.positionalArguments();
    if (!paths.isEmpty()) {
        window->importPaths(paths);
    } else if (window->workspace().runs().empty() && !p.isSet(QStringLiteral("no-demo"))) {
        // A first start on an empty workspace: show real views at once, on generated data.
        QSettings settings;
        if (defaultWorkspace && !settings.value(QStringLiteral("demoOffered")).toBool()) {
            settings.setValue(QStringLiteral("demoOffered"), true);
            window->importDemo(QDir(dataDir).filePath(QStringLiteral("demo-data")));
        }
    }
    return app.exec();
}

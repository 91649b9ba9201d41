#include "analysiscommands.h"
#include "clicommands.h"
#include "comparecommand.h"
#include "servecommand.h"
#ifdef SPANSCOPE_WITH_EXPORT
#include "exportcommand.h"

#include <QApplication>
#endif

#include <QCoreApplication>
#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char *argv[]) {
    // `export` paints widgets, which needs a QApplication; on a machine without a display it
    // draws on Qt's offscreen platform. Every other command stays a plain core application.
    std::unique_ptr<QCoreApplication> application;
#ifdef SPANSCOPE_WITH_EXPORT
    if (argc > 1 && std::strcmp(argv[1], "export") == 0) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The offscreen platform's notes (no window manager, no runtime dir) are not the user's
        // business on a terminal.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &m) {
            if (m.contains(QLatin1String("propagateSizeHints")) ||
                m.contains(QLatin1String("XDG_RUNTIME_DIR")))
                return;
            std::fprintf(stderr, "%s%s\n", type == QtWarningMsg ? "warning: " : "", qPrintable(m));
        });
        application = std::make_unique<QApplication>(argc, argv);
    }
#endif
    if (!application) application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Spanscope"));
    QCoreApplication::setApplicationName(QStringLiteral("Spanscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPANSCOPE_VERSION));

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "%s\n", qPrintable(spanscope::cli::usage()));
        return spanscope::cli::Usage;
    }
    const QString command = args.takeAt(1);
    if (command == QLatin1String("import")) return spanscope::cli::runImport(args);
    if (command == QLatin1String("runs")) return spanscope::cli::runRuns(args);
    if (command == QLatin1String("summary")) return spanscope::cli::runSummary(args);
#ifdef SPANSCOPE_WITH_EXPORT
    if (command == QLatin1String("export")) return spanscope::cli::runExport(args);
#else
    if (command == QLatin1String("export")) {
        std::fprintf(stderr, "spanscope-cli: this build has no GUI, so no export\n");
        return spanscope::cli::Usage;
    }
#endif
    if (command == QLatin1String("stacks")) return spanscope::cli::runStacks(args);
    if (command == QLatin1String("concurrency")) return spanscope::cli::runConcurrency(args);
    if (command == QLatin1String("slow")) return spanscope::cli::runSlow(args);
    if (command == QLatin1String("compare")) return spanscope::cli::runCompare(args);
    if (command == QLatin1String("sizing")) return spanscope::cli::runSizing(args);
    if (command == QLatin1String("generate")) return spanscope::cli::runGenerate(args);
    if (command == QLatin1String("serve")) return spanscope::cli::runServe(args);
    if (command == QLatin1String("--version")) {
        std::printf("spanscope-cli %s\n", SPANSCOPE_VERSION);
        return spanscope::cli::Ok;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::printf("%s\n", qPrintable(spanscope::cli::usage()));
        return spanscope::cli::Ok;
    }
    std::fprintf(stderr, "spanscope-cli: unknown command '%s'\n%s\n", qPrintable(command),
                 qPrintable(spanscope::cli::usage()));
    return spanscope::cli::Usage;
}

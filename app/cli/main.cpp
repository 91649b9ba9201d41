#include "analysiscommands.h"
#include "clicommands.h"
#include "comparecommand.h"
#include "exportlauncher.h"
#include "servecommand.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication application(argc, argv);
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
    if (command == QLatin1String("export")) {
#ifdef SPANSCOPE_WITH_EXPORT
        // `export` paints widgets: spanscope-export does it, in this process's place.
        return spanscope::cli::execExport(args);
#else
        std::fprintf(stderr, "spanscope-cli: this build has no GUI, so no export\n");
        return spanscope::cli::Usage;
#endif
    }
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

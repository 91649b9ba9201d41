// spanscope-export: `spanscope-cli export` in a program of its own. Painting the views needs
// Qt Widgets, QCustomPlot and their sixty libraries, whose loading and symbol binding took
// ~21 ms of every spanscope-cli run (49 -> 27 ms for `--version`); spanscope-cli runs this
// in its place for `export` alone.
#include "exportcommand.h"

#include <QApplication>
#include <cstdio>

int main(int argc, char *argv[]) {
    // On a machine without a display the views draw on Qt's offscreen platform.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
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
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Spanscope"));
    QCoreApplication::setApplicationName(QStringLiteral("Spanscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPANSCOPE_VERSION));
    return spanscope::cli::runExport(QCoreApplication::arguments());
}

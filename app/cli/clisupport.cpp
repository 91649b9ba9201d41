#include "clisupport.h"

#include "clicommands.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "store/workspacefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cstdio>

namespace spanscope::cli {

void err(const std::string &s) {
    std::fprintf(stderr, "%s\n", s.c_str());
}

void out(const std::string &s) {
    std::fputs(s.c_str(), stdout);
}

Parsed parse(QCommandLineParser &p, const QStringList &args) {
    p.addOption({QStringLiteral("workspace"),
                 QStringLiteral("Workspace file (default: %1).")
                     .arg(WorkspaceFile::shown(WorkspaceFile::defaultPath())),
                 QStringLiteral("FILE")});
    const QCommandLineOption help = p.addHelpOption();
    if (!p.parse(args)) {
        err("spanscope-cli: " + p.errorText().toStdString());
        err(usage().toStdString());
        return Parsed::Error;
    }
    if (p.isSet(help)) {
        // Qt names the program by its path; the user typed a command of spanscope-cli.
        QString text = p.helpText();
        const QStringList argv = QCoreApplication::arguments();
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        const QString usageLine = text.left(eol);
        const qsizetype options = usageLine.indexOf(QLatin1String(" [options]"));
        if (argv.size() > 1 && options > 0)
            text.replace(0, options, QStringLiteral("Usage: spanscope-cli %1").arg(argv.at(1)));
        out(text.toStdString());
        return Parsed::Help;
    }
    return Parsed::Run;
}

QString workspacePath(const QCommandLineParser &p) {
    return p.isSet(QStringLiteral("workspace")) ? p.value(QStringLiteral("workspace"))
                                                : WorkspaceFile::defaultPath();
}

bool workspaceExists(const QString &path) {
    const auto state = WorkspaceFile::inspect(path).state; // throws for what is not ours
    return state != WorkspaceFile::State::Absent && state != WorkspaceFile::State::Empty;
}

std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &p, Access access) {
    const QString path = workspacePath(p);
    if (access == Access::Existing && !workspaceExists(path))
        throw StoreError("no workspace at " + path.toStdString() +
                         ": nothing was imported there (spanscope-cli import PATH --workspace " +
                         path.toStdString() + ")");
    return std::make_unique<Workspace>(path);
}

int storeFailure(const StoreError &e) {
    err(std::string("error: ") + e.what());
    return dynamic_cast<const WorkspaceBusy *>(&e) ? Busy : BadInput;
}

std::optional<RunInfo> findRun(Workspace &ws, const std::string &key) {
    auto run = ws.findRun(key);
    if (!run)
        err("error: no run '" + key + "' in " + ws.path().toStdString() +
            " (see spanscope-cli runs)");
    return run;
}

nlohmann::json jsonOrNull(const std::optional<double> &v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

double epochSeconds(std::int64_t ns) {
    // Whole seconds and the fraction apart: a double holds epoch seconds to ~0.24 us.
    return static_cast<double>(ns / 1'000'000'000) + static_cast<double>(ns % 1'000'000'000) / 1e9;
}

} // namespace spanscope::cli

#pragma once

#include "store/runinfo.h"

#include <QCommandLineParser>
#include <memory>
#include <optional>
#include <string>

namespace spanscope {
class Workspace;
}

namespace spanscope::cli {

void err(const std::string &s);
void out(const std::string &s);
QString defaultWorkspace();

// Outcome of parsing a subcommand's options.
enum class Parsed { Run, Help, Error };
// Adds --workspace and --help, parses; prints the usage error or the help text.
Parsed parse(QCommandLineParser &p, const QStringList &args);
std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &p);
// The run named by id or label; prints an error and returns nullopt when there is none.
std::optional<RunInfo> findRun(Workspace &ws, const std::string &key);

std::string fixed(double v, int decimals); // "%.*f" without locale surprises
// Epoch seconds of a nanosecond time, with microseconds.
double epochSeconds(std::int64_t ns);

} // namespace spanscope::cli

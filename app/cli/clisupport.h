#pragma once

#include "store/runinfo.h"

#include <QCommandLineParser>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace spanscope {
class StoreError;
class Workspace;
} // namespace spanscope

namespace spanscope::cli {

void err(const std::string &s);
void out(const std::string &s);

// Outcome of parsing a subcommand's options.
enum class Parsed { Run, Help, Error };
// Adds --workspace and --help, parses; prints the usage error or the help text.
Parsed parse(QCommandLineParser &p, const QStringList &args);
// The workspace file --workspace names, else the default one.
QString workspacePath(const QCommandLineParser &p);
// Only `import` creates a workspace; every other command opens an existing one and throws
// StoreError naming the path when there is none, creating nothing.
enum class Access { Existing, Create };
// False for a path with nothing there yet (no file, an empty file or an empty database); throws
// StoreError for a path that holds something other than a workspace.
bool workspaceExists(const QString &path);
std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &p,
                                         Access access = Access::Existing);
// Prints a workspace error; its exit code: Busy while another program holds the workspace (an
// import writing in place keeps even readers out until it commits), else BadInput.
int storeFailure(const StoreError &e);
// The run named by id or label; prints an error and returns nullopt when there is none.
std::optional<RunInfo> findRun(Workspace &ws, const std::string &key);

// A number for JSON output, null when absent.
nlohmann::json jsonOrNull(const std::optional<double> &v);
std::string fixed(double v, int decimals); // "%.*f" without locale surprises
// Epoch seconds of a nanosecond time, with microseconds.
double epochSeconds(std::int64_t ns);

} // namespace spanscope::cli

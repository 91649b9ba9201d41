#pragma once

#include <QStringList>

namespace spanscope::cli {

// Exit codes of spanscope-cli.
enum Exit { Ok = 0, BadInput = 1, Usage = 2, Regressed = 3, Busy = 4 };

int runImport(const QStringList &args);
int runRuns(const QStringList &args);
int runSummary(const QStringList &args);
int runGenerate(const QStringList &args);
QString usage();

} // namespace spanscope::cli

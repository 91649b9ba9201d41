#pragma once

#include <QStringList>

namespace spanscope::cli {

// `stacks`, `concurrency` and `slow`: the analysis views of issue 9 for scripts and CI.
int runStacks(const QStringList &args);
int runConcurrency(const QStringList &args);
int runSlow(const QStringList &args);

} // namespace spanscope::cli

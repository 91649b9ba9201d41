#pragma once

#include <QStringList>

namespace spanscope::cli {

// `compare A B`: quality, latency and call paths of two runs, for pull requests and CI gates
// (exit 3 when a --fail-on metric got significantly worse).
int runCompare(const QStringList &args);

// `sizing RUN...`: NAT's calculator for any target, from a calculator run or several trace runs.
int runSizing(const QStringList &args);

} // namespace spanscope::cli

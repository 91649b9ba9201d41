#pragma once

#include <QStringList>

namespace spanscope::cli {

// `spanscope-cli export ...` runs spanscope-export (beside this program in a build, in
// libexec/spanscope once installed) in this process's place with the same arguments, so its
// output and exit status are the command's. `args` as main has them, the command taken out.
// Returns only when the program cannot be run.
int execExport(const QStringList &args);

} // namespace spanscope::cli

#include "launchpaths.h"

#include <QCoreApplication>

namespace spanscope {

LaunchPaths splitLaunchPaths(const QStringList &paths, const QString &workspaceOption) {
    LaunchPaths launch;
    launch.workspace = workspaceOption;
    for (const QString &path : paths) {
        if (!path.endsWith(QLatin1String(".spanscope"), Qt::CaseInsensitive)) {
            launch.imports << path;
            continue;
        }
        if (!launch.workspace.isEmpty()) {
            launch.error = QCoreApplication::translate("spanscope::LaunchPaths",
                                                       "One workspace at a time: %1 and %2 given.")
                               .arg(launch.workspace, path);
            return launch;
        }
        launch.workspace = path;
    }
    return launch;
}

} // namespace spanscope

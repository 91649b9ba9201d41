#pragma once

#include <QString>
#include <QStringList>

namespace spanscope {

// What `spanscope [--workspace FILE] [PATH...]` asks for: a .spanscope PATH is the workspace to
// open (what a file manager passes on a double-click), every other PATH is imported into it.
struct LaunchPaths {
    QString workspace; // empty: the default workspace
    QStringList imports;
    QString error; // set when more than one workspace was named
};

LaunchPaths splitLaunchPaths(const QStringList &paths, const QString &workspaceOption);

} // namespace spanscope

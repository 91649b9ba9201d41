#include "exportlauncher.h"

#include "clicommands.h"
#include "clisupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace spanscope::cli {

int execExport(const QStringList &args) {
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        dir + QStringLiteral("/spanscope-export"),
        QDir::cleanPath(dir +
                        QStringLiteral("/" SPANSCOPE_EXPORT_FROM_BINDIR "/spanscope-export"))};
    for (const QString &path : candidates) {
        if (!QFileInfo(path).isExecutable()) continue;
        std::vector<QByteArray> owned{QFile::encodeName(path)};
        for (qsizetype i = 1; i < args.size(); ++i)
            owned.push_back(args[i].toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &a : owned)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::fflush(stdout);
        std::fflush(stderr);
        ::execv(argv.front(), argv.data());
        err("spanscope-cli: cannot run " + path.toStdString() + ": " + std::strerror(errno));
        return BadInput;
    }
    err("spanscope-cli: export needs spanscope-export, which is neither beside this program nor "
        "at " +
        candidates.back().toStdString());
    return Usage;
}

} // namespace spanscope::cli

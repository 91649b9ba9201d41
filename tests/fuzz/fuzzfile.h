#pragma once

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>

// The input of one fuzz run as a file named `name` in this process's temporary folder: the
// readers take paths, and the name is what steers the sniffer and the NAT reader.
inline QString fuzzFile(const char *name, const std::uint8_t *data, std::size_t size) {
    static QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    return path;
}

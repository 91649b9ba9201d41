#include "workspacefile.h"

#include "storeerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <set>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace spanscope {

namespace {

// The tables of the first schema: a database without an application_id that has them was
// written by a Spanscope from before workspaces were marked.
const std::set<std::string> &spanscopeTables() {
    static const std::set<std::string> names{"runs", "traces", "spans"};
    return names;
}

std::string quoted(const QString &path) {
    return "'" + QDir::toNativeSeparators(path).toStdString() + "'";
}

// 'GPKG', 'MPBX', ... when the id is four printable characters, else hex.
std::string idText(std::int32_t id) {
    const auto u = static_cast<std::uint32_t>(id);
    std::string ascii;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const char c = static_cast<char>((u >> shift) & 0xFF);
        if (c < 0x20 || c > 0x7E) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "0x%08x", u);
            return hex;
        }
        ascii += c;
    }
    return "'" + ascii + "'";
}

struct Header {
    std::int32_t applicationId = 0;
    int userVersion = 0;
    std::vector<std::string> tables;
};

// The database read in immutable mode: SQLite takes no lock and opens no journal, WAL or
// shared-memory file, so another application's file is never touched.
Header readHeader(const QString &path) {
    const QByteArray uri =
        "file:" + QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/") +
        "?mode=ro&immutable=1";
    sqlite3 *db = nullptr;
    Header h;
    auto fail = [&](const std::string &why) {
        sqlite3_close(db);
        throw StoreError(quoted(path) + " is not a Spanscope workspace: " + why);
    };
    if (sqlite3_open_v2(uri.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
        SQLITE_OK)
        fail(db ? sqlite3_errmsg(db) : "out of memory");
    auto each = [&](const char *sql, auto &&row) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            const std::string why = sqlite3_errmsg(db);
            sqlite3_finalize(st);
            fail(why == "file is not a database" ? "it is not a SQLite database" : why);
        }
        while (sqlite3_step(st) == SQLITE_ROW)
            row(st);
        sqlite3_finalize(st);
    };
    each("PRAGMA application_id",
         [&](sqlite3_stmt *st) { h.applicationId = sqlite3_column_int(st, 0); });
    each("PRAGMA user_version",
         [&](sqlite3_stmt *st) { h.userVersion = sqlite3_column_int(st, 0); });
    each("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
         [&](sqlite3_stmt *st) {
             h.tables.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
         });
    sqlite3_close(db);
    return h;
}

std::string tableList(const std::vector<std::string> &tables) {
    std::string out;
    const std::size_t shown = std::min<std::size_t>(tables.size(), 5);
    for (std::size_t i = 0; i < shown; ++i)
        out += (i ? ", " : "") + tables[i];
    if (tables.size() > shown) out += ", ...";
    return out;
}

} // namespace

WorkspaceFile::Inspection WorkspaceFile::inspect(const QString &path) {
    const QFileInfo info(path);
    if (info.isDir())
        throw StoreError(quoted(path) +
                         " is a folder, not a workspace file; give a file name, "
                         "for example " +
                         quoted(QDir(path).filePath(QStringLiteral("workspace.spanscope"))));
    // SQLite writes its WAL and shared-memory files beside the workspace.
    const QFileInfo folder(info.absolutePath());
    if (folder.exists() && !folder.isWritable())
        throw StoreError("cannot write in the folder " + quoted(info.absolutePath()) +
                         " (permission denied); a workspace needs a folder it may write in, "
                         "for its file and the journal files beside it");
    if (!info.exists()) return {State::Absent, 0};
    if (!info.isFile())
        throw StoreError(quoted(path) + " is not a regular file (a device, pipe or socket), so "
                                        "it cannot be a workspace");
    if (!info.isReadable())
        throw StoreError("cannot read the workspace " + quoted(path) + " (permission denied)");
    if (info.size() == 0) {
        // A killed first import can leave an empty file whose pages are all in the WAL.
        if (QFileInfo::exists(path + QStringLiteral("-wal"))) return {State::OursUnmarked, 0};
        return {State::Empty, 0};
    }
    // The header's fixed fields, read as bytes: a marked workspace is known without SQLite
    // reading pages another connection may be checkpointing at this moment.
    QFile f(path);
    const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(100) : QByteArray();
    if (!head.startsWith(QByteArrayLiteral("SQLite format 3\0")) || head.size() < 100)
        throw StoreError(quoted(path) +
                         " is not a Spanscope workspace: it is not a SQLite database "
                         "(Spanscope workspaces are SQLite files it created itself)");
    auto be32 = [&](int at) {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<std::uint8_t>(head[at + i]);
        return static_cast<std::int32_t>(v);
    };
    if (be32(68) == applicationId) {
        if (!info.isWritable())
            throw StoreError("the workspace " + quoted(path) +
                             " is read-only (file permissions); Spanscope needs to write to it");
        return {State::Ours, be32(60)};
    }
    const Header h = readHeader(path);
    if (!info.isWritable())
        throw StoreError("the workspace " + quoted(path) +
                         " is read-only (file permissions); Spanscope needs to write to it");
    if (h.applicationId == applicationId) return {State::Ours, h.userVersion};
    if (h.applicationId == 0) {
        if (h.tables.empty() && h.userVersion == 0) return {State::Empty, 0};
        bool ours = true;
        for (const auto &t : spanscopeTables())
            ours = ours && std::find(h.tables.begin(), h.tables.end(), t) != h.tables.end();
        if (ours && h.userVersion > 0) return {State::OursUnmarked, h.userVersion};
    }
    std::string what = "a SQLite database of another application";
    if (h.applicationId != 0) what += " (application_id " + idText(h.applicationId) + ")";
    what += h.tables.empty()
                ? ", with no tables"
                : ", with " + std::to_string(h.tables.size()) +
                      (h.tables.size() == 1 ? " table: " : " tables: ") + tableList(h.tables);
    throw StoreError(quoted(path) + " is " + what +
                     "; Spanscope opens only its own workspaces and left it untouched. Give a "
                     "new file name for the workspace");
}

QString WorkspaceFile::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace.spanscope"));
}

QString WorkspaceFile::shown(const QString &path) {
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QLatin1Char('~') + path.mid(home.size())
                                                    : path;
}

} // namespace spanscope

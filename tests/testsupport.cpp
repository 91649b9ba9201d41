#include "testsupport.h"

#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "store/importer.h"
#include "store/runanalysis.h"
#include "store/runqueries.h"
#include "store/statement.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

namespace testsupport {

QString samplesDir() {
    const QString dir =
        QDir(QStringLiteral(SPANSCOPE_SOURCE_DIR)).filePath(QStringLiteral("../shared/samples"));
    return QDir(dir).exists() ? QDir(dir).canonicalPath() : QString();
}

QString fixture(const QString &relative) {
    return QDir(QStringLiteral(SPANSCOPE_FIXTURES_DIR)).filePath(relative);
}

QByteArray sha256(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray workspaceDigest(const QString &file) {
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(file).constData(), &db) == SQLITE_OK)
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QByteArray bytes = f.readAll();
    // The header's file change counter (offset 24) and version-valid-for (92): SQLite counts
    // the journal mode's change and return around a sole import (Workspace::beginSoleLoad)
    // there. Every other byte, page 1's included, must be as it was.
    if (bytes.size() >= 100)
        for (const int at : {24, 92})
            bytes.replace(at, 4, QByteArray(4, '\0'));
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

nlohmann::json readJson(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return nlohmann::json();
    QByteArray bytes = f.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF")) bytes.remove(0, 3);
    return nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
}

std::vector<spanscope::ImportedRun> importPath(spanscope::Workspace &ws, const QString &path,
                                               bool force) {
    spanscope::ImportProgress progress;
    spanscope::ImportOptions options;
    options.force = force;
    return spanscope::Importer(ws).importPath(path, options, progress);
}

QString importFailure(const QString &workspaceFile, const QString &path) {
    const QByteArray before = workspaceDigest(workspaceFile);
    QString message;
    {
        spanscope::Workspace ws(workspaceFile);
        try {
            importPath(ws, path);
        } catch (const spanscope::IngestError &e) {
            message = QString::fromUtf8(e.what());
        }
    }
    if (workspaceDigest(workspaceFile) != before) return QStringLiteral("WORKSPACE CHANGED");
    return message;
}

std::int64_t scalar(spanscope::Workspace &ws, const std::string &sql,
                    std::optional<std::int64_t> runId) {
    spanscope::Statement st(ws.handle(), sql);
    if (runId) st.bind(1, *runId);
    return st.step() ? st.int64(0) : -1;
}

std::string scalarText(spanscope::Workspace &ws, const std::string &sql) {
    spanscope::Statement st(ws.handle(), sql);
    return st.step() ? st.text(0) : std::string();
}

bool matchesGolden(const QString &golden, const QByteArray &actual, QString *message) {
    QFile g(golden);
    const QByteArray expected = g.open(QIODevice::ReadOnly) ? g.readAll() : QByteArray();
    const QString actualPath = golden + QStringLiteral(".actual");
    if (expected == actual) {
        QFile::remove(actualPath);
        return true;
    }
    QFile a(actualPath);
    if (a.open(QIODevice::WriteOnly)) a.write(actual);
    *message = QStringLiteral("output differs from %1; wrote %2 (diff them, and copy it over the "
                              "golden file if the change is intended)")
                   .arg(golden, actualPath);
    return false;
}

std::shared_ptr<spanscope::RunAnalysis> importAndAnalyse(const QString &input,
                                                         const QString &workspaceFile) {
    spanscope::Workspace ws(workspaceFile);
    const auto runs = importPath(ws, input);
    if (runs.empty()) return nullptr;
    const std::int64_t run = runs.front().runId;
    auto spans =
        std::make_shared<spanscope::TimelineSpans>(spanscope::RunQueries(ws).timelineSpans(run));
    return spanscope::analyseRun(ws, run, spans);
}

spanscope::TraceRecord oneSpanTrace() {
    spanscope::TraceRecord t;
    t.key = "t";
    spanscope::SpanRecord s;
    s.key = "s";
    s.name = "span";
    s.endNs = 1;
    t.spans.push_back(std::move(s));
    return t;
}

} // namespace testsupport

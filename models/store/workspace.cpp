#include "workspace.h"

#include "dictionarydecoder.h"
#include "payloadblockcache.h"
#include "statement.h"
#include "storeerror.h"
#include "workspacefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <map>
#include <sqlite3.h>

namespace spanscope {

namespace {

const char *runColumns = "id, label, kind, source_path, digest, imported_at, start_ns, end_ns, "
                         "trace_count, span_count, metadata, report";

RunInfo readRun(const Statement &st) {
    RunInfo r;
    r.id = st.int64(0);
    r.label = st.text(1);
    r.kind = st.text(2);
    r.sourcePath = st.text(3);
    r.digest = st.text(4);
    r.importedAtMs = st.int64(5);
    r.startNs = st.optInt64(6);
    r.endNs = st.optInt64(7);
    r.traceCount = st.int64(8);
    r.spanCount = st.int64(9);
    r.metadataJson = st.text(10);
    r.reportJson = st.text(11);
    return r;
}

// Migration scripts by version, from the Qt resource compiled into the library.
std::map<int, QString> migrationFiles() {
    std::map<int, QString> out;
    const QDir dir(QStringLiteral(":/spanscope/sql"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok && version > 0) out[version] = dir.filePath(name);
    }
    return out;
}

WorkspaceBusy busyError(sqlite3 *db) {
    const char *file = sqlite3_db_filename(db, "main");
    return WorkspaceBusy(std::string("another program is writing to the workspace ") +
                         (file ? file : "") +
                         " (an import in another spanscope-cli or in the app); try again when it "
                         "has finished");
}

void execOn(sqlite3 *db, std::string_view sql) {
    char *error = nullptr;
    const int rc = sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db);
        sqlite3_free(error);
        if ((rc & 0xFF) == SQLITE_BUSY) throw busyError(db);
        throw StoreError(message);
    }
}

} // namespace

int Workspace::latestVersion() {
    const auto files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

int Workspace::userVersion(sqlite3 *db) {
    Statement st(db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void Workspace::migrate(sqlite3 *db, int target) {
    const int current = userVersion(db);
    if (current > latestVersion())
        throw StoreError("the workspace has schema version " + std::to_string(current) +
                         ", newer than this Spanscope understands (" +
                         std::to_string(latestVersion()) + "); open it with a newer Spanscope");
    for (const auto &[version, file] : migrationFiles()) {
        if (version <= current || version > target) continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            throw StoreError("missing migration " + file.toStdString());
        const std::string sql = f.readAll().toStdString();
        execOn(db, "BEGIN IMMEDIATE");
        try {
            execOn(db, sql);
            execOn(db, "PRAGMA user_version = " + std::to_string(version));
            execOn(db, "COMMIT");
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

Workspace::Workspace(const QString &path) : m_path(path) {
    // SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which
    // nothing here reads: 5% of an import's writer went to that mutex. Only possible before
    // SQLite's first use in the process (else it refuses, harmlessly).
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    // Before SQLite opens it for writing: another application's database or a folder is
    // refused without a byte written to it.
    // ":memory:" is SQLite's in-memory database (the fuzz targets use it); Qt would read the
    // leading colon as a resource path.
    const bool inMemory = path == QLatin1String(":memory:");
    const WorkspaceFile::Inspection found =
        inMemory ? WorkspaceFile::Inspection{} : WorkspaceFile::inspect(path);
    const QFileInfo info(path);
    if (!inMemory && !info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        throw StoreError("cannot create the folder " + info.absolutePath().toStdString());
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        throw StoreError("cannot open workspace " + path.toStdString() + ": " + message);
    }
    try {
        installBusyWait();
        // Reading the schema fails on a file that is not SQLite: say so in the user's terms.
        try {
            userVersion(m_db);
            execOn(m_db, "SELECT count(*) FROM sqlite_master");
        } catch (const StoreError &e) {
            // A sole import holds the file until it commits (beginSoleLoad).
            if ((sqlite3_errcode(m_db) & 0xFF) == SQLITE_BUSY) throw busyError(m_db);
            throw StoreError(path.toStdString() + " is not a Spanscope workspace (" + e.what() +
                             ")");
        }
        const bool fresh = found.state == WorkspaceFile::State::Absent ||
                           found.state == WorkspaceFile::State::Empty;
        // 16 KiB pages for a new workspace: payload rows of 1-4 KB fit a page, and a large
        // import writes and checkpoints a quarter of the pages (import 10% faster than at 4 KiB).
        if (fresh) execOn(m_db, "PRAGMA page_size = 16384");
        // The mark goes in before WAL mode, so it is in the main file's header at once.
        if (found.state != WorkspaceFile::State::Ours)
            execOn(m_db, "PRAGMA application_id = " + std::to_string(WorkspaceFile::applicationId));
        // WAL: the app reads a workspace while an import writes to it, and a rolled-back import
        // never touches the main file.
        execOn(m_db, "PRAGMA journal_mode = WAL");
        execOn(m_db, "PRAGMA synchronous = NORMAL");
        execOn(m_db, "PRAGMA temp_store = MEMORY");
        execOn(m_db, "PRAGMA cache_size = -65536");
        migrate(m_db, latestVersion());
        m_dictionaries = std::make_unique<DictionaryDecoder>();
        m_payloadBlocks = std::make_unique<PayloadBlockCache>();
        m_dictionaries->install(m_db);
    } catch (...) {
        sqlite3_close(m_db);
        throw;
    }
}

struct Workspace::BusyWait {
    std::chrono::milliseconds limit{5000};
    std::function<void(int)> onWaiting;
    std::chrono::steady_clock::time_point since;
    int reported = 0;
};

int Workspace::busyHandler(void *p, int attempt) {
    auto *w = static_cast<BusyWait *>(p);
    const auto now = std::chrono::steady_clock::now();
    if (attempt == 0) {
        w->since = now;
        w->reported = 0;
    }
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(now - w->since);
    if (waited >= w->limit) return 0; // SQLite reports SQLITE_BUSY
    const int seconds = static_cast<int>(waited.count() / 1000);
    if (w->onWaiting && seconds > w->reported) {
        w->reported = seconds;
        w->onWaiting(seconds);
    }
    sqlite3_sleep(attempt < 10 ? 10 : 100);
    return 1;
}

void Workspace::setBusyWait(std::chrono::milliseconds limit, std::function<void(int)> onWaiting) {
    if (!m_busy) m_busy = std::make_unique<BusyWait>();
    m_busy->limit = limit;
    m_busy->onWaiting = std::move(onWaiting);
    installBusyWait();
}

void Workspace::installBusyWait() {
    if (m_busy)
        sqlite3_busy_handler(m_db, &Workspace::busyHandler, m_busy.get());
    else
        sqlite3_busy_timeout(m_db, 5000);
}

// WAL writes every page of a large import twice (the WAL, then the checkpoint's copy into the
// file) and syncs both; under a rollback journal the pages past the file's old end need no
// journal at all. Interleaved runs: 150k-span payload-heavy import 2.04-2.22 -> 1.76-1.84 s
// (COMMIT and checkpoint 0.43 -> 0.11 s), 500k-span attribute-heavy 4.0-5.0 -> 3.5-4.0 s.
bool Workspace::beginSoleLoad() {
    // Leaving WAL takes the file's exclusive lock: with another connection open that fails,
    // and must fail at once rather than after the busy wait.
    sqlite3_busy_handler(m_db, nullptr, nullptr);
    sqlite3_stmt *st = nullptr;
    std::string mode;
    if (sqlite3_prepare_v2(m_db, "PRAGMA journal_mode = DELETE", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        mode = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    installBusyWait();
    if (mode != "delete") return false;
    // FULL: under a rollback journal NORMAL may, on a power cut, corrupt the file.
    execOn(m_db, "PRAGMA synchronous = FULL");
    return true;
}

void Workspace::endSoleLoad() {
    sqlite3_exec(m_db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    sqlite3_exec(m_db, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
}

std::chrono::milliseconds Workspace::busyWait() const {
    return m_busy ? m_busy->limit : std::chrono::milliseconds(5000);
}

Workspace::~Workspace() {
    sqlite3_close(m_db);
}

void Workspace::exec(std::string_view sql) {
    execOn(m_db, sql);
}

std::vector<RunInfo> Workspace::runs() const {
    Statement st(m_db, std::string("SELECT ") + runColumns + " FROM runs ORDER BY id");
    std::vector<RunInfo> out;
    while (st.step())
        out.push_back(readRun(st));
    return out;
}

std::optional<RunInfo> Workspace::run(std::int64_t id) const {
    Statement st(m_db, std::string("SELECT ") + runColumns + " FROM runs WHERE id = ?");
    st.bind(1, id);
    if (st.step()) return readRun(st);
    return std::nullopt;
}

std::optional<RunInfo> Workspace::findRun(const std::string &idOrLabel) const {
    bool isNumber = !idOrLabel.empty();
    for (char c : idOrLabel)
        isNumber &= c >= '0' && c <= '9';
    if (isNumber && idOrLabel.size() < 18)
        if (auto r = run(std::stoll(idOrLabel))) return r;
    Statement st(m_db, std::string("SELECT ") + runColumns +
                           " FROM runs WHERE label = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, std::string_view(idOrLabel));
    if (st.step()) return readRun(st);
    return std::nullopt;
}

std::vector<std::int64_t> Workspace::runsWithDigest(const std::string &digest) const {
    Statement st(m_db, "SELECT id FROM runs WHERE digest = ? ORDER BY id");
    st.bind(1, std::string_view(digest));
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

std::vector<std::int64_t> Workspace::runsWithQuickKey(const std::string &quickKey) const {
    Statement st(m_db, "SELECT id FROM runs WHERE quick_key = ? ORDER BY id");
    st.bind(1, std::string_view(quickKey));
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

void Workspace::renameRun(std::int64_t id, const std::string &label) {
    Statement st(m_db, "UPDATE runs SET label = ? WHERE id = ?");
    st.bind(1, std::string_view(label)).bind(2, id).run();
}

void Workspace::deleteRunRows(std::int64_t id) {
    for (const char *sql :
         {"DELETE FROM span_payloads WHERE span_id IN (SELECT id FROM spans WHERE run_id = ?)",
          "DELETE FROM spans WHERE run_id = ?", "DELETE FROM events WHERE run_id = ?",
          "DELETE FROM traces WHERE run_id = ?", "DELETE FROM eval_items WHERE run_id = ?",
          "DELETE FROM eval_scores WHERE run_id = ?", "DELETE FROM sizing_points WHERE run_id = ?",
          "DELETE FROM run_metrics WHERE run_id = ?", "DELETE FROM run_files WHERE run_id = ?",
          "DELETE FROM run_dictionaries WHERE run_id = ?",
          "DELETE FROM payload_blocks WHERE run_id = ?", "DELETE FROM runs WHERE id = ?"}) {
        Statement st(m_db, sql);
        st.bind(1, id).run();
    }
}

void Workspace::removeRun(std::int64_t id) {
    exec("BEGIN IMMEDIATE");
    try {
        deleteRunRows(id);
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace spanscope

#pragma once

#include "runinfo.h"

#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace spanscope {

class DictionaryDecoder;
class PayloadBlockCache;

// One SQLite file holding every imported run. Opening creates the file when it does not exist
// and applies the numbered migrations (resources/sql/NNN_*.sql) that it has not had yet.
class Workspace {
public:
    explicit Workspace(const QString &path);
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    static int latestVersion();
    // Brings an open database from its user_version to `target`, one migration at a time,
    // each in its own transaction. Throws StoreError for a database newer than this build.
    static void migrate(sqlite3 *db, int target);
    static int userVersion(sqlite3 *db);

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }
    void exec(std::string_view sql);

    // How long a write waits for another connection's write to finish before WorkspaceBusy
    // (5 s unless set); onWaiting(seconds waited) is called about once a second meanwhile.
    void setBusyWait(std::chrono::milliseconds limit, std::function<void(int)> onWaiting = nullptr);
    std::chrono::milliseconds busyWait() const;

    // A bulk load by this connection alone writes its pages once, in place, under a rollback
    // journal (synchronous FULL), instead of to the WAL and again at the checkpoint. Returns
    // false, at once and changing nothing, when another connection has the workspace open (the
    // app reading it): the load then goes through the WAL as any other write. While such a load
    // runs, a program that opens the workspace waits for it as a writer would.
    bool beginSoleLoad();
    // Back to WAL once the load has committed or rolled back. Best effort: a workspace left
    // under the rollback journal (another program reading it at that moment) is as sound, and
    // the next opening puts it back in WAL.
    void endSoleLoad();

    std::vector<RunInfo> runs() const;
    std::optional<RunInfo> run(std::int64_t id) const;
    // A run by id, or by label when the text is not a number or no run has that id.
    std::optional<RunInfo> findRun(const std::string &idOrLabel) const;
    std::vector<std::int64_t> runsWithDigest(const std::string &digest) const;
    std::vector<std::int64_t> runsWithQuickKey(const std::string &quickKey) const;
    void renameRun(std::int64_t id, const std::string &label);
    void removeRun(std::int64_t id);
    // Deletes a run's rows; the caller owns the transaction.
    void deleteRunRows(std::int64_t id);
    // This connection's reader of values stored against run dictionaries (span_attributes()).
    // (A cache of the connection's: usable from a const workspace.)
    DictionaryDecoder &dictionaryDecoder() const { return *m_dictionaries; }
    // And of payload blocks (PayloadBlocks), likewise.
    PayloadBlockCache &payloadBlocks() const { return *m_payloadBlocks; }

private:
    struct BusyWait;
    static int busyHandler(void *wait, int attempt);
    void installBusyWait();

    QString m_path;
    sqlite3 *m_db = nullptr;
    std::unique_ptr<BusyWait> m_busy;
    std::unique_ptr<DictionaryDecoder> m_dictionaries;
    std::unique_ptr<PayloadBlockCache> m_payloadBlocks;
};

} // namespace spanscope

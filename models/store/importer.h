#pragma once

#include "core/importreport.h"
#include "core/limits.h"

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

class ImportProgress;
class Workspace;

struct ImportOptions {
    // Free space the import leaves on the workspace's disk (limits::minFreeDiskBytes).
    std::uint64_t minFreeBytes = limits::minFreeDiskBytes;
    QString label;      // overrides the default label (the folder or file name)
    bool force = false; // re-import even when a run with the same input digest exists
};

struct ImportedRun {
    std::int64_t runId = 0;
    std::string label;
    std::string kind;
    std::string sourcePath;
    bool unchanged = false; // skipped: the same input was imported before as runId
    std::int64_t traces = 0;
    std::int64_t spans = 0;
    ImportReport report;
};

// Imports everything found under one path (DESIGN.md section 4): sniff, read on a worker
// thread while this thread writes, all runs of the path in one transaction. Any error or a
// cancel rolls the whole path back and rethrows (IngestError, StoreError, ImportCancelled).
class Importer {
public:
    explicit Importer(Workspace &workspace);
    std::vector<ImportedRun> importPath(const QString &path, const ImportOptions &options,
                                        ImportProgress &progress);

    // A digest of the source's files (names relative to the source, sizes and contents):
    // "xxh3-128:" and 32 hex digits; BLAKE2b-256's 64 hex digits, as builds before stored.
    enum class DigestKind { Xxh3, Blake2b };
    static std::string digest(const QString &sourcePath, const QStringList &files,
                              DigestKind kind = DigestKind::Xxh3);
    // BLAKE2b-256 over names, sizes and each file's first and last MB: equal inputs have equal
    // keys, so a key no run has means new input.
    static std::string quickKey(const QString &sourcePath, const QStringList &files);

private:
    Workspace &m_ws;
};

} // namespace spanscope

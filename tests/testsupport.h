#pragma once

#include "core/records.h"
#include "store/importer.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {
class Workspace;
struct RunAnalysis;
} // namespace spanscope

namespace testsupport {

// ../shared/samples relative to the repository root; empty when it is absent.
QString samplesDir();
// Skips the calling test with a clear message when the shared samples are not there.
#define SPANSCOPE_REQUIRE_SAMPLES()                                                                \
    do {                                                                                           \
        if (testsupport::samplesDir().isEmpty())                                                   \
            QSKIP("../shared/samples is absent (it lies beside the repository on developer "       \
                  "machines and CI); real-data tests skipped");                                    \
    } while (0)

QString fixture(const QString &relative); // tests/fixtures/<relative>
QByteArray sha256(const QString &file);
// The workspace file's bytes after folding the WAL into it, less two header counters: what
// "unchanged" is judged on.
QByteArray workspaceDigest(const QString &file);

// Writes `bytes` to `path` (its folder made when missing); false when it could not, whole.
bool writeFile(const QString &path, const QByteArray &bytes);

// Reads a JSON file with nlohmann (for tests that compute expectations from the file itself).
nlohmann::json readJson(const QString &file);

std::vector<spanscope::ImportedRun> importPath(spanscope::Workspace &ws, const QString &path,
                                               bool force = false);

// Imports `path` into the workspace `workspaceFile` expecting an IngestError: its message, or
// "WORKSPACE CHANGED" when the failed import changed the workspace's bytes.
QString importFailure(const QString &workspaceFile, const QString &path);

// Imports `input` into a new workspace at `workspaceFile` and analyses its first run as the app
// does when it opens a run.
std::shared_ptr<spanscope::RunAnalysis> importAndAnalyse(const QString &input,
                                                         const QString &workspaceFile);

// The first column of the first row of `sql` (NULL as 0), with `runId` bound to its one
// parameter when given; -1 when there is no row.
std::int64_t scalar(spanscope::Workspace &ws, const std::string &sql,
                    std::optional<std::int64_t> runId = {});

// The first column of the first row of `sql` as text ("" when NULL or no row).
std::string scalarText(spanscope::Workspace &ws, const std::string &sql);
// A trace "t" of one span "s" named "span", 0 to 1 ns: for tests that write with BulkWriter.
spanscope::TraceRecord oneSpanTrace();

// Writes `actual` next to `golden` as .actual and returns false with a diff-friendly message
// when they differ.
bool matchesGolden(const QString &golden, const QByteArray &actual, QString *message);

} // namespace testsupport

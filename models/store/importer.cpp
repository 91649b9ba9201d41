#include "importer.h"

#include "batchqueue.h"
#include "bulkwriter.h"
#include "core/importprogress.h"
#include "ingest/sniffer.h"
#include "inputdigest.h"
#include "storeerror.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <algorithm>
#include <exception>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

namespace spanscope {

Importer::Importer(Workspace &workspace) : m_ws(workspace) {}

std::string Importer::digest(const QString &sourcePath, const QStringList &files, DigestKind kind) {
    // XXH3-128 for change detection: the digest reads every input byte beside the import, and
    // BLAKE2b (~0.4 GB/s here) took a core for 1.7 s of a 707 MB import on a 2-core machine;
    // XXH3 hashes at memory speed. BLAKE2b-256 only to recognise runs imported before.
    QCryptographicHash blake(QCryptographicHash::Blake2b_256);
    InputDigest xxh;
    std::vector<char> buffer(1 << 20);
    for (const QString &f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            throw IngestError(f.toStdString(), "",
                              "cannot open: " + file.errorString().toStdString());
        if (kind == DigestKind::Blake2b)
            blake.addData(InputDigest::fileHeader(sourcePath, f, file.size()));
        else
            xxh.beginFile(sourcePath, f, file.size());
        for (qint64 n; (n = file.read(buffer.data(), static_cast<qint64>(buffer.size()))) > 0;) {
            if (kind == DigestKind::Blake2b)
                blake.addData(QByteArrayView(buffer.data(), n));
            else
                xxh.add(buffer.data(), static_cast<std::size_t>(n));
        }
    }
    return kind == DigestKind::Blake2b ? blake.result().toHex().toStdString() : xxh.result();
}

std::string Importer::quickKey(const QString &sourcePath, const QStringList &files) {
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    const QFileInfo source(sourcePath);
    const QDir base = source.isDir() ? QDir(sourcePath) : source.absoluteDir();
    constexpr qint64 edge = 1 << 20;
    for (const QString &f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            throw IngestError(f.toStdString(), "",
                              "cannot open: " + file.errorString().toStdString());
        hash.addData(base.relativeFilePath(f).toUtf8() + '\0' + QByteArray::number(file.size()) +
                     '\0');
        hash.addData(file.read(edge));
        if (file.size() > 2 * edge && file.seek(file.size() - edge)) hash.addData(file.read(edge));
    }
    return hash.result().toHex().toStdString();
}

std::vector<ImportedRun> Importer::importPath(const QString &path, const ImportOptions &options,
                                              ImportProgress &progress) {
    QStringList unclaimed;
    const std::vector<ImportSource> sources = Sniffer::findSources(path, &unclaimed);
    std::vector<ImportedRun> results;
    // Checked before and while writing: a full disk (a zstd bomb, a huge input) stops the import
    // cleanly instead of failing SQLite and every other program on that disk.
    QStorageInfo disk(QFileInfo(m_ws.path()).absolutePath());
    const auto checkDisk = [&] {
        disk.refresh();
        const auto available = static_cast<std::uint64_t>(disk.bytesAvailable());
        if (disk.isValid() && available < options.minFreeBytes)
            throw StoreError("only " + std::to_string(available >> 20) +
                             " MB free on the disk of " + m_ws.path().toStdString() +
                             " (an import leaves " + std::to_string(options.minFreeBytes >> 20) +
                             " MB free): stopped, nothing was imported; free some space or put "
                             "the workspace on another disk");
    };
    checkDisk();
    // The cheap key (names, sizes, first and last MB) says whether an earlier run can have the
    // same input at all. An import with a source no run can match writes for certain; one that
    // may turn out unchanged must not touch the file, not even to change its journal mode.
    std::vector<std::string> quickKeys;
    bool writes = options.force;
    for (const ImportSource &source : sources) {
        quickKeys.push_back(Importer::quickKey(source.path, source.files));
        writes = writes || m_ws.runsWithQuickKey(quickKeys.back()).empty();
    }
    BulkWriter writer(m_ws);
    writer.setProgress(&progress);
    writer.begin(writes);
    for (const ImportSource &source : sources) {
        progress.checkCancelled();
        progress.setPhase("preparing");
        ImportedRun result;
        result.kind = source.kindName();
        result.sourcePath = QDir::toNativeSeparators(source.path).toStdString();
        QString label = source.label;
        if (!options.label.isEmpty())
            label = sources.size() == 1 ? options.label : options.label + "/" + source.label;
        result.label = label.toStdString();

        // The full digest reads every byte: needed before importing only when the quick key
        // matches an earlier run; otherwise it is computed beside the import, on its own thread.
        const std::string &quick = quickKeys[static_cast<std::size_t>(&source - sources.data())];
        std::future<std::string> digestJob;
        std::string digest;
        const auto candidates = m_ws.runsWithQuickKey(quick);
        if (!candidates.empty()) {
            digest = Importer::digest(source.path, source.files);
            auto existing = m_ws.runsWithDigest(digest);
            // A candidate imported by a build that hashed with BLAKE2b is compared in its terms.
            const bool olderCandidate =
                std::any_of(candidates.begin(), candidates.end(), [&](std::int64_t id) {
                    const auto run = m_ws.run(id);
                    return run && run->digest.rfind("xxh3-128:", 0) != 0;
                });
            if (existing.empty() && olderCandidate)
                existing = m_ws.runsWithDigest(
                    Importer::digest(source.path, source.files, DigestKind::Blake2b));
            if (!existing.empty() && !options.force) {
                result.unchanged = true;
                result.runId = existing.back();
                results.push_back(std::move(result));
                continue;
            }
            for (const std::int64_t id : existing)
                m_ws.deleteRunRows(id);
        }
        std::unique_ptr<Reader> reader = Sniffer::makeReader(source);
        // The digest of new input comes after the import: from the bytes the reader reads, when
        // it taps them (reading a 707 MB file a second time beside the import took 0.5 s of CPU
        // on a 2-core machine the import keeps busy), else from a read of its own on a thread.
        InputDigest tapped;
        std::int64_t tappedSize = -1;
        if (candidates.empty() && source.files.size() == 1) {
            tappedSize = QFileInfo(source.files[0]).size();
            tapped.beginFile(source.path, source.files[0], tappedSize);
            if (!reader->tapRawBytes(
                    [&tapped](const char *data, std::size_t size) { tapped.add(data, size); }))
                tappedSize = -1;
        }
        if (candidates.empty() && tappedSize < 0)
            digestJob = std::async(std::launch::async, [&source] {
                return Importer::digest(source.path, source.files);
            });

        result.runId = writer.beginRun(result.label, result.kind, result.sourcePath, digest, quick);
        if (&source == &sources.front() && !unclaimed.isEmpty()) {
            // A results folder holds more than the tools wrote: named once, with the first run,
            // not a reason to fail.
            QStringList shown = unclaimed.mid(0, 20);
            if (unclaimed.size() > shown.size())
                shown << QStringLiteral("and %1 more").arg(unclaimed.size() - shown.size());
            result.report.warn(
                "unclaimed-files",
                "files of the imported folder no reader claims were skipped: " +
                    QDir::toNativeSeparators(shown.join(QStringLiteral(", "))).toStdString(),
                unclaimed.size());
        }
        BatchQueue queue(result.runId);
        std::exception_ptr readerError;
        std::int64_t steps = 0;
        std::thread thread([&] {
            try {
                reader->read([&](ImportBatch &&b) { queue.push(std::move(b)); }, progress,
                             result.report);
            } catch (...) {
                readerError = std::current_exception();
            }
            queue.finish();
        });
        try {
            std::int64_t batches = 0;
            // The stream's time split in two: the writer busy, or waiting for parsed batches.
            progress.setPhase("waiting for the reader");
            while (auto batch = queue.pop()) {
                progress.setPhase("writing");
                for (const TraceRecord &t : batch->traces)
                    steps += t.sourceSteps;
                writer.write(std::move(*batch));
                if (++batches % 16 == 0) checkDisk();
                progress.setPhase("waiting for the reader");
            }
        } catch (...) {
            queue.abandon();
            thread.join();
            if (digestJob.valid()) digestJob.wait();
            throw; // the writer's destructor rolls back
        }
        thread.join();
        if (readerError) std::rethrow_exception(readerError);
        if (digestJob.valid()) {
            progress.setPhase("hashing the input");
            writer.setRunDigest(digestJob.get());
        } else if (tappedSize >= 0) {
            // Read short of the size it had (or past it: the file grew meanwhile): hashed again.
            progress.setPhase("hashing the input");
            writer.setRunDigest(tapped.fileBytes() == tappedSize
                                    ? tapped.result()
                                    : Importer::digest(source.path, source.files));
        }

        const nlohmann::json metadata = {
            {"reader", result.kind}, {"files", source.files.size()}, {"source_steps", steps}};
        progress.setPhase("finishing the run");
        writer.finishRun(result.report, metadata.dump());
        result.traces = writer.runTraces();
        result.spans = writer.runSpans();
        results.push_back(std::move(result));
    }
    progress.checkCancelled();
    writer.commit();
    progress.setPhase("done");
    return results;
}

} // namespace spanscope

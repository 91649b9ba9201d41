#include "sniffer.h"

#include "atifreader.h"
#include "atofreader.h"
#include "core/ingesterror.h"
#include "core/zstdcodec.h"
#include "jaegerreader.h"
#include "jsonfile.h"
#include "limitedline.h"
#include "natevalreader.h"
#include "natfiles.h"
#include "natsizingreader.h"
#include "otlpjsonreader.h"
#include "phoenixreader.h"
#include "zipkinreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace spanscope {

namespace {

QByteArray head(const QString &file, qint64 bytes) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.read(bytes);
}

bool isStepsName(const QString &name) {
    // NAT's file exporter: the user picks the name; rolling files get a numeric suffix.
    if (name.endsWith(QLatin1String(".jsonl"))) return true;
    const int dot = name.lastIndexOf(QLatin1Char('.'));
    bool numeric = false;
    name.mid(dot + 1).toInt(&numeric);
    return numeric && name.left(dot).endsWith(QLatin1String(".jsonl"));
}

bool isEvalFileName(const QString &name) {
    using namespace natfiles;
    return name == profilerTraces || name == workflowOutput || name == standardizedCsv ||
           name == inferenceOptimization || name == profilingMetrics || name == profilingReport ||
           name == workflowOutputAtif || name == configMetadata;
}

bool isTraceDumpName(const QString &name) {
    for (const char *ext : {".json", ".jsonl", ".zst", ".bin", ".otlp", ".ndjson"})
        if (name.endsWith(QLatin1String(ext), Qt::CaseInsensitive)) return true;
    return false;
}

} // namespace

bool Sniffer::sniffTraceFile(const QString &file, ImportSource &source, std::string *why) {
    const QByteArray start = head(file, 1 << 16);
    const auto fail = [&](const std::string &reason) {
        if (why) *why = reason;
        return false;
    };
    if (start.isEmpty()) return fail("file is empty");
    // NAT's sample trajectories and evals are often stored in Git LFS: a clone without LFS holds
    // three lines that stand for the file.
    if (start.startsWith("version https://git-lfs"))
        return fail("a Git LFS pointer, not the file it stands for: fetch the file (git lfs "
                    "pull) and import it again");
    const auto magicAt = [&](int at) {
        return start.size() >= at + 4 &&
               std::memcmp(start.constData() + at, ZstdCodec::frameMagic, 4) == 0;
    };
    source.kind = ImportSource::Kind::Otlp;
    if (magicAt(0)) {
        source.container = ImportSource::Container::ZstdJsonLines;
        return true;
    }
    if (magicAt(4)) {
        source.container = ImportSource::Container::CollectorZstd;
        return true;
    }
    int i = start.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < start.size() && std::isspace(static_cast<unsigned char>(start[i])))
        ++i;
    if (i == start.size()) return fail("file holds only whitespace");
    const char first = start[i];
    // ATIF trajectories (NAT 1.6+, Harbor and other agent tools): one, an array of them, or
    // NAT's eval array of {item_id, trajectory}.
    if ((first == '{' || first == '[') && AtifReader::looksLikeAtif(start)) {
        source.kind = ImportSource::Kind::Atif;
        return true;
    }
    if (first == '[') {
        // An array of spans: Zipkin v2 when its first element has traceId and id.
        if (start.contains("\"traceId\"") && start.contains("\"id\"")) {
            source.kind = ImportSource::Kind::Zipkin;
            return true;
        }
        if (start.contains("\"context\"") && start.contains("\"span_kind\"")) {
            source.kind = ImportSource::Kind::Phoenix;
            return true;
        }
        if (start.contains("\"traceID\"") && start.contains("\"spanID\"")) {
            source.kind = ImportSource::Kind::Jaeger; // spans with their process each
            return true;
        }
        return fail(
            "a JSON array that is neither Zipkin v2, Phoenix nor Jaeger spans (unknown format)");
    }
    if (first == '"' || first == '-' || std::isdigit(static_cast<unsigned char>(first)) ||
        start.mid(i).startsWith("true") || start.mid(i).startsWith("false") ||
        start.mid(i).startsWith("null"))
        return fail("a single JSON value, not a trace file (trace files are a JSON object or "
                    "array, or JSON lines)");
    if (first != '{') return fail("not JSON and not zstd (unknown format)");
    // ATOF event streams (NAT 1.7+): JSON lines whose first event has kind and atof_version.
    if (start.contains("\"atof_version\"") && AtofReader::looksLikeAtof(firstLine(file))) {
        source.kind = ImportSource::Kind::Atof;
        source.container = ImportSource::Container::JsonLines;
        return true;
    }
    const bool otlpKeys = start.contains("\"resourceSpans\"") ||
                          start.contains("\"resource_spans\"") ||
                          start.contains("\"trace_requests\"");
    const bool jaegerKeys = start.contains("\"traceID\"") && start.contains("\"spans\"");
    if (!otlpKeys && jaegerKeys) {
        source.kind = ImportSource::Kind::Jaeger;
        return true;
    }
    if (!otlpKeys && !start.contains("\"result\""))
        return fail("a JSON object with no resourceSpans (unknown format)");
    // JSON lines when the first line is a whole value and something follows it (a pretty-printed
    // document's first line is a lone "{"). The first line may be long: read it whole.
    bool lines = false;
    QFile f(file);
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray firstLine = f.readLine(qint64(64) << 20);
        if (firstLine.endsWith('\n') && !f.atEnd()) {
            // Validated without building it: a crafted line can nest a million levels.
            const bool valid = nlohmann::json::accept(firstLine.constBegin(), firstLine.constEnd());
            // A broken first line still reads as JSON lines when the next line opens a value at
            // its first column: JSON lines are never indented, a pretty-printed document's
            // lines after the first are ({"resourceSpans":[{"resource":{... then  {"key":...).
            const QByteArray second = f.readLine(qint64(64) << 20);
            lines = valid || (firstLine.trimmed().size() > 1 && second.startsWith('{'));
            // JSON lines whose first message has none of the OTLP keys at its top level are
            // something else that merely mentions "result" (NAT's ATOF event streams): passed
            // over by a folder scan, not read as spans that are not there.
            if (valid) {
                try {
                    const auto message = jsonfile::parse(
                        std::string_view(firstLine.constData(), std::size_t(firstLine.size())), "",
                        1, 0, nullptr);
                    if (message.is_object() && !message.contains("resourceSpans") &&
                        !message.contains("resource_spans") && !message.contains("result") &&
                        !message.contains("trace_requests"))
                        return fail("JSON lines whose first line has no resourceSpans (unknown "
                                    "format)");
                } catch (const IngestError &) {
                }
            }
        }
    }
    source.container =
        lines ? ImportSource::Container::JsonLines : ImportSource::Container::Document;
    return true;
}

nlohmann::json Sniffer::firstLine(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return nullptr;
    // Through the reader's string limiter: a step may carry a 1 GiB prompt.
    std::string line;
    readLimitedLine(f, line, nullptr);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    try { // bounded like every reader's parse; only the top-level keys matter here
        return jsonfile::parse(line, "", 1, 0, nullptr);
    } catch (const IngestError &) {
        return nullptr;
    }
}

bool Sniffer::isNatStepsFile(const QString &file) {
    const nlohmann::json j = firstLine(file);
    return j.is_object() && j.contains("payload") && j.contains("function_ancestry");
}

bool Sniffer::looksLikeEvaluatorOutput(const QString &file) {
    const QByteArray start = head(file, 4096);
    return start.contains("\"eval_output_items\"") || start.contains("\"average_score\"");
}

IngestError Sniffer::unreadable(const QString &path, bool folder) {
    return IngestError(QDir::toNativeSeparators(path).toStdString(), "",
                       std::string("cannot read this ") + (folder ? "folder" : "file") +
                           " (permission denied), so its spans would be missing from the "
                           "import; give read permission (chmod " +
                           (folder ? "+rx" : "+r") + ") or move it out of the way");
}

void Sniffer::scanFolder(const QString &root, const QString &dir, std::vector<ImportSource> &out,
                         QStringList &unclaimed) {
    const QDir d(dir);
    // Unreadable entries are listed too: skipping them silently made the NAT reader fall back
    // to a file with fewer spans, and a whole run go missing without a word.
    const QFileInfoList entries =
        d.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QStringList evalFiles, attachments, traceFiles;
    bool hasSpansOrScores = false;
    QString calc;
    for (const QFileInfo &e : entries) {
        if (e.isDir()) continue;
        const QString name = e.fileName();
        const QString abs = e.absoluteFilePath();
        if (!e.isReadable()) {
            if (isEvalFileName(name) || name == natfiles::calcRunnerOutput ||
                name.endsWith(natfiles::evaluatorSuffix) || isStepsName(name) ||
                isTraceDumpName(name))
                throw unreadable(abs, false);
            continue; // a file no reader would use
        }
        if (name == natfiles::calcRunnerOutput) {
            calc = abs;
        } else if (isEvalFileName(name)) {
            evalFiles << abs;
            hasSpansOrScores |= name == natfiles::profilerTraces ||
                                name == natfiles::workflowOutput ||
                                name == natfiles::standardizedCsv;
        } else if (name.endsWith(natfiles::evaluatorSuffix)) {
            evalFiles << abs; // judged by the reader, which warns about outputs it cannot use
            hasSpansOrScores |= looksLikeEvaluatorOutput(abs);
        } else if (isStepsName(name) && isNatStepsFile(abs)) {
            evalFiles << abs;
            hasSpansOrScores = true;
        } else if (name.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                   natfiles::isKeptRawName(name) || name == natfiles::fittedModel) {
            attachments << abs; // kept with the run when the folder is one
        } else if (isTraceDumpName(name)) {
            traceFiles << abs;
        } else {
            unclaimed << QDir(root).relativeFilePath(abs);
        }
    }
    // Label: the folder's path below the imported one ("sizing-aiq/eval/wf_concurrency_8"),
    // or its own name when it is the imported folder.
    const QString label =
        dir == root ? QFileInfo(dir).fileName() : QDir(root).relativeFilePath(dir);
    if (!calc.isEmpty()) {
        ImportSource s{ImportSource::Kind::NatSizing, ImportSource::Container::Document, dir,
                       QStringList{calc} + attachments, label};
        s.files.sort();
        out.push_back(std::move(s));
    } else if (hasSpansOrScores) {
        ImportSource s{ImportSource::Kind::NatEval, ImportSource::Container::Document, dir,
                       evalFiles + attachments, label};
        s.files.sort();
        out.push_back(std::move(s));
    } else if (const QString atif = QDir(dir).filePath(natfiles::workflowOutputAtif);
               evalFiles.contains(atif)) {
        // Only NAT's ATIF eval file: its trajectories are the run's requests.
        out.push_back({ImportSource::Kind::Atif, ImportSource::Container::Document, atif,
                       QStringList{atif}, label});
    }
    // Trace dumps in the folder, each its own run; files that are not one are passed over.
    for (const QString &f : traceFiles) {
        ImportSource s{ImportSource::Kind::Otlp,
                       ImportSource::Container::Document,
                       f,
                       {f},
                       QDir(root).relativeFilePath(f)};
        std::string why;
        if (sniffTraceFile(f, s, &why))
            out.push_back(std::move(s));
        else
            unclaimed << QDir(root).relativeFilePath(f) + QStringLiteral(" (") +
                             QString::fromStdString(why) + QLatin1Char(')');
    }
    for (const QFileInfo &e : entries)
        if (e.isDir() && !e.isSymLink() && !e.fileName().startsWith(QLatin1Char('.'))) {
            if (!e.isReadable() || !e.isExecutable()) throw unreadable(e.absoluteFilePath(), true);
            scanFolder(root, e.absoluteFilePath(), out, unclaimed);
        }
}

std::vector<ImportSource> Sniffer::findSources(const QString &path, QStringList *unclaimedOut) {
    const QFileInfo info(path);
    const std::string shown = path.toStdString();
    if (!info.exists()) throw IngestError(shown, "", "no such file or folder");
    // A FIFO, socket or device (or /dev/stdin) would block in open() or read as empty: refuse it
    // before opening, as a folder scan skips them.
    std::error_code ec;
    const auto type = std::filesystem::status(path.toStdString(), ec).type();
    if (type != std::filesystem::file_type::regular &&
        type != std::filesystem::file_type::directory)
        throw IngestError(shown, "",
                          "not a regular file or folder (a pipe, socket or device): Spanscope "
                          "imports files and folders; save the stream to a file and import that");
    std::vector<ImportSource> out;
    if (!info.isReadable() || (info.isDir() && !info.isExecutable()))
        throw unreadable(info.absoluteFilePath(), info.isDir());
    if (info.isDir()) {
        QStringList unclaimed;
        scanFolder(info.absoluteFilePath(), info.absoluteFilePath(), out, unclaimed);
        if (unclaimedOut) *unclaimedOut = unclaimed;
        if (out.empty())
            throw IngestError(
                shown, "",
                "found no NAT eval, profiler or sizing output and no trace dump "
                "in this folder or below it (looked for " +
                    natfiles::profilerTraces.toStdString() + ", " +
                    natfiles::workflowOutput.toStdString() + ", " +
                    natfiles::calcRunnerOutput.toStdString() +
                    ", <evaluator>_output.json, NAT step .jsonl files, "
                    "OTLP/Jaeger/Zipkin JSON and ATOF/ATIF trajectories)" +
                    (unclaimed.isEmpty()
                         ? std::string()
                         : "; it holds " +
                               unclaimed.mid(0, 10).join(QStringLiteral(", ")).toStdString() +
                               (unclaimed.size() > 10 ? ", ..." : "")));
        return out;
    }
    const QString name = info.fileName();
    const QString abs = info.absoluteFilePath();
    if (name == natfiles::calcRunnerOutput) {
        out.push_back({ImportSource::Kind::NatSizing, ImportSource::Container::Document, abs,
                       QStringList{abs}, info.dir().dirName()});
    } else if (isStepsName(name) && isNatStepsFile(abs)) {
        // A steps file brings the files the exporter rolled it over to: one run, one stream.
        const QString current =
            natfiles::rolledCurrent(name).isEmpty() ? name : natfiles::rolledCurrent(name);
        QStringList files;
        for (const QString &n : natfiles::rolledSet(current, info.dir().entryList(QDir::Files)))
            files << info.dir().absoluteFilePath(n);
        if (!files.contains(abs)) files << abs;
        out.push_back({ImportSource::Kind::NatEval, ImportSource::Container::Document, abs, files,
                       QFileInfo(current).completeBaseName()});
    } else if (name == natfiles::workflowOutputAtif) {
        // NAT's ATIF eval file given alone: its trajectories are the requests.
        out.push_back({ImportSource::Kind::Atif, ImportSource::Container::Document, abs,
                       QStringList{abs}, info.completeBaseName()});
    } else if (isEvalFileName(name) || name.endsWith(natfiles::evaluatorSuffix)) {
        out.push_back({ImportSource::Kind::NatEval, ImportSource::Container::Document, abs,
                       QStringList{abs}, info.completeBaseName()});
    } else {
        ImportSource s{ImportSource::Kind::Otlp, ImportSource::Container::Document, abs,
                       QStringList{abs}, name};
        std::string why;
        if (!sniffTraceFile(abs, s, &why))
            throw IngestError(shown, "", "not a file Spanscope can read: " + why);
        out.push_back(std::move(s));
    }
    return out;
}

std::unique_ptr<Reader> Sniffer::makeReader(const ImportSource &source) {
    switch (source.kind) {
    case ImportSource::Kind::NatEval:
        return std::make_unique<NatEvalReader>(source);
    case ImportSource::Kind::NatSizing:
        return std::make_unique<NatSizingReader>(source);
    case ImportSource::Kind::Jaeger:
        return std::make_unique<JaegerReader>(source);
    case ImportSource::Kind::Zipkin:
        return std::make_unique<ZipkinReader>(source);
    case ImportSource::Kind::Phoenix:
        return std::make_unique<PhoenixReader>(source);
    case ImportSource::Kind::Atof:
        return std::make_unique<AtofReader>(source);
    case ImportSource::Kind::Atif:
        return std::make_unique<AtifReader>(source);
    case ImportSource::Kind::Otlp: {
        using C = ImportSource::Container;
        using F = OtlpMessages::Framing;
        const F framing = source.container == C::JsonLines       ? F::JsonLines
                          : source.container == C::ZstdJsonLines ? F::ZstdJsonLines
                          : source.container == C::CollectorZstd ? F::CollectorZstd
                                                                 : F::Document;
        return std::make_unique<OtlpJsonReader>(source, framing);
    }
    }
    return nullptr;
}

} // namespace spanscope

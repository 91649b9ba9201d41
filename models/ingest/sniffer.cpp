#include "sniffer.h"

#include "core/ingesterror.h"
#include "natevalreader.h"
#include "natfiles.h"
#include "natsizingreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
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

} // namespace

bool Sniffer::isNatStepsFile(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return false;
    QByteArray line = f.readLine(16 << 20);
    if (line.startsWith("\xEF\xBB\xBF")) line.remove(0, 3);
    const auto j = nlohmann::json::parse(line.constBegin(), line.constEnd(), nullptr, false);
    return j.is_object() && j.contains("payload") && j.contains("function_ancestry");
}

bool Sniffer::looksLikeEvaluatorOutput(const QString &file) {
    const QByteArray start = head(file, 4096);
    return start.contains("\"eval_output_items\"") || start.contains("\"average_score\"");
}

void Sniffer::scanFolder(const QString &root, const QString &dir, std::vector<ImportSource> &out) {
    const QDir d(dir);
    const QFileInfoList entries = d.entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
    QStringList evalFiles, attachments;
    bool hasSpansOrScores = false;
    QString calc;
    for (const QFileInfo &e : entries) {
        if (e.isDir()) continue;
        const QString name = e.fileName();
        const QString abs = e.absoluteFilePath();
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
        } else if (name.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
            attachments << abs;
        }
    }
    // Label: the folder's path below the imported one ("sizing-aiq/eval/wf_concurrency_8"),
    // or its own name when it is the imported folder.
    const QString label =
        dir == root ? QFileInfo(dir).fileName() : QDir(root).relativeFilePath(dir);
    if (!calc.isEmpty()) {
        ImportSource s{ImportSource::Kind::NatSizing, dir, QStringList{calc} + attachments, label};
        s.files.sort();
        out.push_back(std::move(s));
    } else if (hasSpansOrScores) {
        ImportSource s{ImportSource::Kind::NatEval, dir, evalFiles + attachments, label};
        s.files.sort();
        out.push_back(std::move(s));
    }
    for (const QFileInfo &e : entries)
        if (e.isDir() && !e.isSymLink() && !e.fileName().startsWith(QLatin1Char('.')))
            scanFolder(root, e.absoluteFilePath(), out);
}

std::vector<ImportSource> Sniffer::findSources(const QString &path) {
    const QFileInfo info(path);
    const std::string shown = path.toStdString();
    if (!info.exists()) throw IngestError(shown, "", "no such file or folder");
    std::vector<ImportSource> out;
    if (info.isDir()) {
        scanFolder(info.absoluteFilePath(), info.absoluteFilePath(), out);
        if (out.empty())
            throw IngestError(shown, "",
                              "found no NAT eval, profiler or sizing output in this folder or "
                              "below it (looked for " +
                                  natfiles::profilerTraces.toStdString() + ", " +
                                  natfiles::workflowOutput.toStdString() + ", " +
                                  natfiles::calcRunnerOutput.toStdString() +
                                  ", <evaluator>_output.json and NAT step .jsonl files)");
        return out;
    }
    const QString name = info.fileName();
    const QString abs = info.absoluteFilePath();
    if (name == natfiles::calcRunnerOutput) {
        out.push_back({ImportSource::Kind::NatSizing, abs, QStringList{abs}, info.dir().dirName()});
    } else if (isEvalFileName(name) || name.endsWith(natfiles::evaluatorSuffix) ||
               (isStepsName(name) && isNatStepsFile(abs))) {
        out.push_back(
            {ImportSource::Kind::NatEval, abs, QStringList{abs}, info.completeBaseName()});
    } else {
        throw IngestError(shown, "", "not a file Spanscope can read (unknown format)");
    }
    return out;
}

std::unique_ptr<Reader> Sniffer::makeReader(const ImportSource &source) {
    switch (source.kind) {
    case ImportSource::Kind::NatEval:
        return std::make_unique<NatEvalReader>(source);
    case ImportSource::Kind::NatSizing:
        return std::make_unique<NatSizingReader>(source);
    }
    return nullptr;
}

} // namespace spanscope

#pragma once

#include "core/zstdcodec.h"

#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace spanscope::natfiles {

// The file names NAT's eval, profiler and sizing calculator write (formats/nat.md).
inline const QString profilerTraces = QStringLiteral("all_requests_profiler_traces.json");
inline const QString workflowOutput = QStringLiteral("workflow_output.json");
inline const QString standardizedCsv = QStringLiteral("standardized_data_all.csv");
inline const QString inferenceOptimization = QStringLiteral("inference_optimization.json");
inline const QString profilingMetrics = QStringLiteral("workflow_profiling_metrics.json");
inline const QString profilingReport = QStringLiteral("workflow_profiling_report.txt");
inline const QString workflowOutputAtif = QStringLiteral("workflow_output_atif.json");
inline const QString configMetadata = QStringLiteral("config_metadata.json");
inline const QString calcRunnerOutput = QStringLiteral("calc_runner_output.json");
inline const QString evaluatorSuffix = QStringLiteral("_output.json");
// Newer NAT (1.4-1.8): the run's configuration, the per-LLM-call prediction trie (1.5+) and the
// forecasting model the profiler fitted (a pickle: kept, never unpickled).
inline const QString configOriginal = QStringLiteral("config_original.yml");
inline const QString configEffective = QStringLiteral("config_effective.yml");
inline const QString predictionTrie = QStringLiteral("prediction_trie.json");
inline const QString fittedModel = QStringLiteral("fitted_model.pkl");

// A file kept in the workspace (raw files, attachments), compressed as it is read: NAT's metrics
// file is 100 MB at 1000 requests, never held whole. Empty when it is empty or unreadable.
inline std::string compressed(const QString &path) {
    QFile f(path);
    if (f.size() == 0 || !f.open(QIODevice::ReadOnly)) return {};
    return ZstdCodec().compressStream([&f](char *data, std::size_t size) {
        const qint64 n = f.read(data, static_cast<qint64>(size));
        return n > 0 ? static_cast<std::size_t>(n) : std::size_t(0);
    });
}

// Files of a run kept whole for people to read (role "raw"), never parsed for spans.
inline bool isKeptRawName(const QString &name) {
    return name == profilingReport || name == configMetadata || name == workflowOutputAtif ||
           name == configOriginal || name == configEffective || name == predictionTrie;
}

// NAT's file exporter rolls `<base><ext>` over to `<base>_<YYYYmmdd_HHMMSS_ffffff><ext>`:
// the current file's name for a rolled one, or "" when the name is not a rolled one.
inline QString rolledCurrent(const QString &name) {
    static const QRegularExpression rolled(QStringLiteral("^(.+)_\\d{8}_\\d{6}_\\d{6}(\\.[^.]+)$"));
    const auto m = rolled.match(name);
    return m.hasMatch() ? m.captured(1) + m.captured(2) : QString();
}

// A steps file and the ones it rolled over to, in the order NAT wrote them: the rolled files in
// name order (their names carry the time), then the current one. `names` are file names of one
// folder; the result holds the files of `current`'s set only.
inline QStringList rolledSet(const QString &current, QStringList names) {
    names.sort();
    QStringList out;
    for (const QString &n : names)
        if (rolledCurrent(n) == current) out << n;
    if (names.contains(current)) out << current;
    return out;
}

} // namespace spanscope::natfiles

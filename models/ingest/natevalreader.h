#pragma once

#include "importsource.h"
#include "natrunconfig.h"
#include "reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace spanscope {

// Reads one NAT eval/profiler folder (formats/nat.md): spans from the profiler traces (or the
// file exporter's step lines, or workflow_output.json's END steps, or the profiler CSV, in that
// order of preference), eval items, every evaluator's scores, and the profiler's own analyses
// as run metrics. Large files are streamed one request at a time.
class NatEvalReader : public Reader {
public:
    explicit NatEvalReader(ImportSource source);
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;

private:
    QString file(const QString &name) const;
    void emitIfFull(const BatchSink &sink, bool force = false);
    void readItems(const QString &path, bool stepsFromItems, ImportProgress &progress,
                   ImportReport &report);
    void readProfilerTraces(const QString &path, const BatchSink &sink, ImportProgress &progress,
                            ImportReport &report);
    void readStepLines(const QStringList &paths, const BatchSink &sink, ImportProgress &progress,
                       ImportReport &report);
    void readCsv(const QString &path, const BatchSink &sink, ImportProgress &progress,
                 ImportReport &report);
    void readEvaluator(const QString &path, ImportProgress &progress, ImportReport &report);
    // workflow_output_atif.json beside the profiler's spans: each item's conversation, by call.
    void readAtif(const QString &path, ImportProgress &progress, ImportReport &report);
    void attachAtif(TraceRecord &trace, ImportReport &report);
    void readInferenceOptimization(const QString &path, ImportProgress &progress,
                                   ImportReport &report);
    void readProfilingMetrics(const QString &path, ImportProgress &progress, ImportReport &report);
    void addTrace(TraceRecord &&trace);
    // Records a file of the run; `unparsed` counts its bytes as done for files no parser reads.
    void keepRaw(const QString &path, const std::string &role, ImportProgress *unparsed = nullptr);

    ImportSource m_source;
    ImportBatch m_batch;
    std::size_t m_batchSpans = 0;
    std::size_t m_batchBytes = 0;
    std::vector<std::string> m_itemKeys; // workflow_output.json order = request order
    NatRunConfig m_config;               // the keys workflow_output.json was written with
    // By item: the payloads ATIF gives its LLM calls and tool calls, in order.
    struct AtifCalls {
        std::vector<nlohmann::json> llm, tools;
    };
    std::unordered_map<std::string, AtifCalls> m_atif;
    ImportReport *m_report = nullptr; // read()'s, for what addTrace finds
};

} // namespace spanscope

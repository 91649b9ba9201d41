#pragma once

#include <QString>

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

} // namespace spanscope::natfiles

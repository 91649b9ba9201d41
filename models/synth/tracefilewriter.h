#pragma once

#include "workload.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>

namespace spanscope::synth {

enum class OutputFormat { OtlpJsonLines, OtlpZstd, OtlpCollectorZstd, NatEval };

std::optional<OutputFormat> outputFormatFromName(const std::string &name);

struct GenerateResult {
    std::int64_t requests = 0;
    std::int64_t spans = 0;
    std::int64_t bytes = 0; // written to disk
};

// Writes a synthetic workload to `out`: a file for the OTLP formats (as the collector's file
// exporter writes them: JSON lines, a zstd stream, or length-prefixed zstd frames; spans in the
// order they end, 64 to a request, so traces spread over many lines), or a folder for NAT
// (profiler traces, workflow output, one evaluator). Throws std::runtime_error on I/O errors.
GenerateResult generate(const WorkloadOptions &options, OutputFormat format, const QString &out);

// The NAT folder writer behind generate() (natevalwriter.cpp).
GenerateResult writeNatEval(const WorkloadOptions &options, const QString &out);

// The demo data of the app's first start and of scripts/run.sh, in `folder`: a NAT eval run
// (nat-eval/, 3,000 spans) and an OTLP rollout dump (rollout.jsonl, 20,000 spans) of the same
// kind of agent. What already exists is kept. Returns the two paths, to import.
QStringList writeDemo(const QString &folder);

} // namespace spanscope::synth

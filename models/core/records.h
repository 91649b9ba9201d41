#pragma once

// The canonical records every reader emits and the workspace stores (DESIGN.md section 3).
// Plain values: readers fill them on one thread, the bulk writer consumes them on another.

#include "category.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spanscope {

enum SpanFlag : std::uint8_t {
    SpanError = 1 << 0,        // the call failed (status ERROR, tool output starting "Error", ...)
    SpanUnfinished = 1 << 1,   // START without END: end is the trace's last timestamp
    SpanOrphan = 1 << 2,       // its parent id named a span that is not in the trace
    SpanClamped = 1 << 3,      // it ended before it started; end was set to start
    SpanInnerLlm = 1 << 4,     // an LLM span with an LLM descendant (LangChain above OpenAI):
                               // calls and tokens are counted on the innermost one only
    SpanUntimed = 1 << 5,      // the source gave no usable start time (Zipkin without timestamp,
                               // OTLP without startTimeUnixNano): placed at its nearest timed
                               // ancestor's start with no duration
    SpanStartUnknown = 1 << 6, // an END without START whose framework writes no start on it
                               // (NAT: CrewAI, ADK, Agno, AutoGen, Semantic Kernel LLMs):
                               // started at its end, zero-length
};

struct SpanRecord {
    std::string key;      // the source's span id (NAT UUID, OTel span id)
    int parentIndex = -1; // index into TraceRecord::spans, -1 for a root
    std::string name;
    Category category = Category::Other;
    std::int64_t startNs = 0; // nanoseconds since the Unix epoch
    std::int64_t endNs = 0;
    std::uint8_t flags = 0;
    std::string model;
    std::optional<std::int64_t> inputTokens;
    std::optional<std::int64_t> outputTokens;
    // Streaming chunks (NAT LLM_NEW_TOKEN / SPAN_CHUNK) kept as a compact series.
    std::int32_t chunkCount = 0;
    std::int64_t firstChunkNs = 0;
    std::int64_t lastChunkNs = 0;
    std::string attributesJson;   // remaining attributes, a JSON object ("" when none)
    std::string attributesStored; // the same compressed (RunDictionary), when it was
    std::string payloadJson;      // prompts, completions, tool input/output: stored zstd-compressed
    std::string payloadZstd;      // the same, already compressed (by the reader's thread)
    std::int64_t payloadRawSize = 0;
    // Or packed in its batch's ImportBatch::payloadBlocks[payloadBlock] at payloadOffset; before
    // that, with payloadInText, in its batch's payloadText at payloadOffset.
    std::int32_t payloadBlock = -1;
    std::int64_t payloadOffset = 0;
    bool payloadInText = false;

    // Compresses the payload here, so the work lands on the reading thread, not the writer's.
    void compressPayload(class ZstdCodec &codec);
    // Moves attributes of RunDictionary::minEncodedSize or more to their stored form.
    void encodeAttributes(const class RunDictionary &dictionary, ZstdCodec &codec);
};

struct EventRecord {
    int spanIndex = -1; // index into TraceRecord::spans
    std::int64_t timeNs = 0;
    std::string name;
    std::string attributesJson;
};

struct TraceRecord {
    std::string key;     // OTel trace id, or the NAT request's root span id
    int ordinal = 0;     // request number in the source
    std::string itemKey; // joins eval items and scores, and matches items between two runs
    std::string sessionKey;
    std::string userKey;
    std::string name;
    std::vector<SpanRecord> spans;
    std::vector<EventRecord> events;
    std::int64_t sourceSteps = 0; // records the source spent on this trace (NAT steps)
};

// A span of a format whose traces arrive in pieces (OTLP JSON lines: a trace spread over many
// requests and files). The writer groups these by trace and resolves parents once the whole
// input is loaded, so a reader never has to hold a whole trace.
struct LooseSpanRecord {
    std::string traceKey;  // lower-case hex trace id
    std::string parentKey; // lower-case hex parent span id, "" for a root
    std::string sessionKey;
    std::string userKey;
    SpanRecord span;                 // parentIndex unused
    std::vector<EventRecord> events; // spanIndex unused
};

struct EvalItemRecord {
    std::string itemKey;
    int ordinal = 0;
    std::string question;
    std::string expectedAnswer;
    std::string generatedAnswer;
    std::string error;          // NAT 1.5+: why the workflow failed on it ("" when it did not)
    std::string attributesJson; // its other fields (the dataset row's), a JSON object or ""
};

struct EvalScoreRecord {
    std::string evaluator;
    std::string itemKey;
    double score = 0;
    std::string reasoningJson;
};

struct SizingPointRecord {
    int concurrency = 0;
    std::string metric; // "llm_latency", "workflow_runtime"
    std::optional<double> p50, p90, p95, mean;
    int samples = 0;
    std::string extraJson; // alerts, per-concurrency GPU estimates, total runtime
};

struct RunMetricRecord {
    std::string
        name; // dotted: "forecast.workflow_runtime.mean", "sizing.gpu_estimate_by_wf_runtime"
    std::optional<double> value;
    std::optional<double> lower; // confidence bounds where the source gives them
    std::optional<double> upper;
    std::string unit;
    std::string json; // structured values that do not fit one number
};

struct RunFileRecord {
    std::string relativePath;
    std::string role; // "spans", "eval-items", "evaluator", "metrics", "raw", "attachment"
    std::int64_t size = 0;
    // Raw files and attachments only, compressed as they were read (natfiles::compressed).
    std::string contentZstd;
};

// One batch from a reader to the writer. A trace always arrives whole in one batch.
struct ImportBatch {
    std::vector<TraceRecord> traces;
    std::vector<LooseSpanRecord> looseSpans;
    std::vector<EvalItemRecord> evalItems;
    std::vector<EvalScoreRecord> evalScores;
    std::vector<SizingPointRecord> sizingPoints;
    std::vector<RunMetricRecord> metrics;
    std::vector<RunFileRecord> files;
    bool empty() const {
        return traces.empty() && looseSpans.empty() && evalItems.empty() && evalScores.empty() &&
               sizingPoints.empty() && metrics.empty() && files.empty();
    }
    // The dictionary this batch's span attributes are compressed against (null: kept as text).
    std::shared_ptr<const class RunDictionary> attributeDictionary;
    // Span payloads a reader wrote end to end (SpanRecord::payloadInText), then the payloads
    // compressed in blocks (PayloadBlocks).
    std::string payloadText;
    std::vector<std::string> payloadBlocks;

    // Packs every span payload still held as text into payloadBlocks with `blocks`, and
    // compresses the attributes with `attributes` when the batch has a dictionary. Two contexts:
    // one alternating between 256 KB blocks and the attributes' small frames against a
    // dictionary was shrunk by zstd after each run of small frames and grown again for the next
    // block, its tables allocated, faulted in and cleared each time (~10% of the workers' time).
    void compressPayloads(class ZstdCodec &blocks, class ZstdCodec &attributes);
};

} // namespace spanscope

#pragma once

#include "core/records.h"

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace spanscope {

class ImportReport;

// Turns the intermediate steps of one NAT request into a trace, following the rules of
// formats/nat.md: START/END pairs by UUID become spans, NEW_TOKEN/CHUNK steps a compact series,
// parents from the step's parent_id (newer files) or from function_ancestry (older ones),
// never from event order. Timestamps must already be int64 ns (JsonDomBuilder time keys).
class NatSpanBuilder {
public:
    using json = nlohmann::json;
    static const std::vector<std::string> &timeKeys();

    NatSpanBuilder(std::string fileName, ImportReport &report, int requestIndex);

    // Throws IngestError naming the file, request and step when a step cannot be used.
    void addStep(const json &step, std::size_t stepIndex);
    TraceRecord finish();

private:
    struct Pending {
        SpanRecord span;
        std::string uuid;
        std::string parentUuid;     // newer files: the enclosing START's UUID
        std::string ancestryId;     // older files: function_ancestry.function_id
        std::string ancestryParent; // older files: function_ancestry.parent_id
        bool parentFromStep = false;
        bool endOnly = false; // an END without START (workflow_output.json keeps only ENDs)
        std::int64_t chunkPrompt = 0;
        json payload = json::object();
        json attributes = json::object();
        json chunkTexts = json::array();
        json chunkOffsets = json::array();
    };

    std::string where(std::size_t stepIndex) const;
    int newSpan(const std::string &uuid, std::size_t stepIndex);
    // What the first step of a span (its START, or an END without one) says about it.
    void describe(Pending &p, Category category, const std::string &kind, const json &step,
                  const json &payload);
    void readParent(Pending &p, const json &step);
    void readEnd(Pending &p, const json &step, const json &payload, std::size_t stepIndex);
    void addChunk(const std::string &uuid, const json &payload, std::int64_t ts);
    void resolveParents();

    std::string m_file;
    ImportReport &m_report;
    int m_request;
    std::vector<Pending> m_spans;
    std::unordered_map<std::string, int> m_open;   // UUID -> span still waiting for its END
    std::unordered_map<std::string, int> m_byUuid; // UUID -> first span with that UUID
    std::unordered_map<std::string, int> m_uuidUses;
    std::int64_t m_lastNs = 0;
    bool m_anyTime = false;
    std::int64_t m_steps = 0;
};

} // namespace spanscope

#include "natspanbuilder.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "jsonfile.h"

#include <algorithm>
#include <limits>

namespace spanscope {

namespace {

using json = nlohmann::json;

const json *member(const json &obj, const char *key) {
    if (!obj.is_object()) return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string stringOr(const json &obj, const char *key) {
    const json *v = member(obj, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool startsWithError(const json *v) {
    if (!v || !v->is_string()) return false;
    const auto &s = v->get_ref<const std::string &>();
    return s.rfind("Error", 0) == 0 || s.rfind("Traceback", 0) == 0;
}

// Whether an END's span_event_timestamp is its call's start (formats/nat.md, Newer NAT): it is
// for LangChain, LlamaIndex, Strands and Semantic Kernel tools; CrewAI, ADK, Agno, AutoGen and
// Semantic Kernel's LLM handler put the END's own time there.
bool endCarriesStart(const std::string &framework, Category category) {
    if (framework == "crewai" || framework == "adk" || framework == "agno" ||
        framework == "autogen")
        return false;
    return framework != "semantic_kernel" || category == Category::Tool;
}

// Copies the named members that are present and not null from src into dst.
void copyMembers(json &dst, const json &src, std::initializer_list<const char *> keys) {
    for (const char *k : keys)
        if (const json *v = member(src, k)) dst[k] = *v;
}

} // namespace

const std::vector<std::string> &NatSpanBuilder::timeKeys() {
    static const std::vector<std::string> keys = {"event_timestamp", "span_event_timestamp"};
    return keys;
}

NatSpanBuilder::NatSpanBuilder(std::string fileName, ImportReport &report, int requestIndex)
    : m_file(std::move(fileName)), m_report(report), m_request(requestIndex) {}

std::string NatSpanBuilder::where(std::size_t stepIndex) const {
    return "request " + std::to_string(m_request) + ", step " + std::to_string(stepIndex);
}

int NatSpanBuilder::newSpan(const std::string &uuid, std::size_t stepIndex) {
    const int uses = m_uuidUses[uuid]++;
    Pending p;
    p.uuid = uuid;
    p.span.key = uses == 0 ? uuid : uuid + "#" + std::to_string(uses);
    if (uses > 0)
        m_report.warn("duplicate-uuid", m_file + ": " + where(stepIndex) + ": UUID " + uuid +
                                            " starts a second span; kept both, the second as " +
                                            p.span.key);
    m_spans.push_back(std::move(p));
    const int index = static_cast<int>(m_spans.size()) - 1;
    m_byUuid.emplace(uuid, index);
    return index;
}

void NatSpanBuilder::describe(Pending &p, Category category, const std::string &kind,
                              const json &step, const json &payload) {
    p.span.category = category;
    p.span.name = stringOr(payload, "name");
    if (category == Category::Llm) p.span.model = p.span.name;
    p.attributes["nat.event_kind"] = kind;
    copyMembers(p.attributes, payload, {"framework", "tags"});
    // Test-time compute steps (TTC_*, NAT 1.4+) say which turn and candidate they are and
    // how a candidate scored.
    if (category == Category::Ttc)
        for (const char *where : {"metadata", "data"})
            if (const json *m = member(payload, where))
                copyMembers(p.attributes, *m,
                            {"turn_id", "turn_index", "candidate_index", "score"});
    if (const json *anc = member(step, "function_ancestry"))
        copyMembers(p.attributes, *anc, {"function_name", "function_id", "parent_name"});
    readParent(p, step);
}

void NatSpanBuilder::readParent(Pending &p, const json &step) {
    // Remote evaluation writes "remote" as every step's parent_id: it names nothing, and the
    // ancestry (where function_id is the step's own UUID there) is all there is.
    if (const json *parent = member(step, "parent_id");
        parent && parent->is_string() && parent->get_ref<const std::string &>() != "remote") {
        p.parentFromStep = true;
        p.parentUuid = parent->get<std::string>();
        return;
    }
    if (const json *anc = member(step, "function_ancestry")) {
        p.ancestryId = stringOr(*anc, "function_id");
        p.ancestryParent = stringOr(*anc, "parent_id");
    }
}

void NatSpanBuilder::addChunk(const std::string &uuid, const json &payload, std::int64_t ts) {
    int index = -1;
    if (const auto open = m_open.find(uuid); open != m_open.end())
        index = open->second;
    else if (const auto any = m_byUuid.find(uuid); any != m_byUuid.end())
        index = any->second;
    if (index < 0) {
        m_report.note("chunks without a span");
        return;
    }
    Pending &p = m_spans[static_cast<std::size_t>(index)];
    if (p.span.chunkCount++ == 0) p.span.firstChunkNs = ts;
    p.span.lastChunkNs = std::max(p.span.lastChunkNs, ts);
    p.chunkOffsets.push_back(ts - p.span.startNs);
    if (const json *data = member(payload, "data"))
        if (const json *chunk = member(*data, "chunk")) p.chunkTexts.push_back(*chunk);
    if (const json *usage = member(payload, "usage_info"))
        if (const json *tu = member(*usage, "token_usage"))
            if (const json *pt = member(*tu, "prompt_tokens"); pt && pt->is_number_integer())
                p.chunkPrompt = std::max(p.chunkPrompt, pt->get<std::int64_t>());
}

void NatSpanBuilder::addStep(const json &step, std::size_t stepIndex) {
    ++m_steps;
    if (!step.is_object())
        throw IngestError(m_file, where(stepIndex),
                          "a step is " + jsonfile::typeName(step) + ", expected an object");
    const json *payload = member(step, "payload");
    if (!payload || !payload->is_object())
        throw IngestError(m_file, where(stepIndex), "step has no 'payload' object");
    const json *type = member(*payload, "event_type");
    if (!type || !type->is_string())
        throw IngestError(m_file, where(stepIndex),
                          "payload.event_type is missing or not a string");
    const json *uuidValue = member(*payload, "UUID");
    if (!uuidValue || !uuidValue->is_string())
        throw IngestError(m_file, where(stepIndex), "payload.UUID is missing or not a string");
    const json *tsValue = member(*payload, "event_timestamp");
    // NAT always writes a time; one that is no time (1e30, negative) fails the step's import
    // with the value quoted, as a missing one does.
    if (tsValue && tsValue->is_number() && !tsValue->is_number_integer())
        throw IngestError(m_file, where(stepIndex),
                          "payload.event_timestamp " + tsValue->dump() +
                              " is not a time: expected seconds since 1970, before the year 2262");
    if (tsValue && tsValue->is_number_integer() && tsValue->get<std::int64_t>() < 0)
        throw IngestError(m_file, where(stepIndex),
                          "payload.event_timestamp " +
                              std::to_string(tsValue->get<std::int64_t>() / 1'000'000'000) +
                              " s is before 1970: expected seconds since 1970");
    if (!tsValue || !tsValue->is_number_integer())
        throw IngestError(
            m_file, where(stepIndex),
            "payload.event_timestamp is " +
                (tsValue ? jsonfile::typeName(*tsValue) +
                               (tsValue->is_string() ? " (\"" + tsValue->get<std::string>() + "\")"
                                                     : std::string())
                         : std::string("missing")) +
                ", expected epoch seconds as a number");
    const std::int64_t ts = tsValue->get<std::int64_t>();
    m_lastNs = m_anyTime ? std::max(m_lastNs, ts) : ts;
    m_anyTime = true;

    const auto &eventType = type->get_ref<const std::string &>();
    const auto &uuid = uuidValue->get_ref<const std::string &>();
    if (eventType == "LLM_NEW_TOKEN" || eventType == "SPAN_CHUNK") {
        addChunk(uuid, *payload, ts);
        return;
    }
    const auto cut = eventType.rfind('_');
    const std::string kind = cut == std::string::npos ? eventType : eventType.substr(0, cut);
    const std::string phase = cut == std::string::npos ? std::string() : eventType.substr(cut + 1);
    Category category = Category::Other;
    if ((phase != "START" && phase != "END") || !categoryFromNatKind(kind, category)) {
        m_report.warn("unknown-event-type:" + eventType, m_file + ": " + where(stepIndex) +
                                                             ": unknown event type " + eventType +
                                                             "; steps of this type are skipped");
        return;
    }

    if (phase == "START") {
        const int index = newSpan(uuid, stepIndex);
        m_open[uuid] = index;
        Pending &p = m_spans[static_cast<std::size_t>(index)];
        p.span.startNs = ts;
        p.span.endNs = ts;
        describe(p, category, kind, step, *payload);
        if (const json *data = member(*payload, "data")) copyMembers(p.payload, *data, {"input"});
        if (const json *meta = member(*payload, "metadata"))
            copyMembers(p.payload, *meta,
                        {"chat_inputs", "tool_inputs", "span_inputs", "tools_schema", "tool_info",
                         "provided_metadata"});
        return;
    }

    // END
    int index;
    if (const auto it = m_open.find(uuid); it != m_open.end()) {
        index = it->second;
        m_open.erase(it);
    } else {
        // END without START (workflow_output.json keeps END steps only): the END carries the
        // span's start in span_event_timestamp where its framework puts the start there.
        const std::string framework = stringOr(*payload, "framework");
        if (framework == "crewai") {
            // CrewAI's END has a UUID of its own, so NAT drops it before writing; one that got
            // through is dropped too, never paired with a START by guess.
            m_report.warn("crewai-end-dropped",
                          m_file + ": " + where(stepIndex) + ": a CrewAI " + eventType + " (UUID " +
                              uuid +
                              ") has no START: CrewAI gives START and END different UUIDs; "
                              "dropped, as NAT does");
            return;
        }
        if (m_byUuid.count(uuid))
            m_report.warn("end-without-start", m_file + ": " + where(stepIndex) + ": a second " +
                                                   eventType + " for UUID " + uuid);
        index = newSpan(uuid, stepIndex);
        Pending &p = m_spans[static_cast<std::size_t>(index)];
        const json *st = member(*payload, "span_event_timestamp");
        const bool known = st && st->is_number_integer() && endCarriesStart(framework, category);
        p.span.startNs = known ? st->get<std::int64_t>() : ts;
        p.endOnly = true;
        if (!known) { // zero-length at its end: no duration is made up
            p.span.flags |= SpanStartUnknown;
            p.attributes["nat.start_unknown"] = true;
            m_report.note("spans whose start is unknown (an END alone)");
        }
        describe(p, category, kind, step, *payload);
    }
    readEnd(m_spans[static_cast<std::size_t>(index)], step, *payload, stepIndex);
    m_spans[static_cast<std::size_t>(index)].span.endNs = ts;
}

void NatSpanBuilder::readEnd(Pending &p, const json &, const json &payload, std::size_t stepIndex) {
    const json *data = member(payload, "data");
    const json *meta = member(payload, "metadata");
    if (data) copyMembers(p.payload, *data, {"output"});
    if (meta) copyMembers(p.payload, *meta, {"chat_responses", "tool_outputs", "span_outputs"});
    if (p.span.category == Category::Ttc) // a candidate's score is known when its step ends
        for (const json *m : {meta, data})
            if (m)
                copyMembers(p.attributes, *m,
                            {"turn_id", "turn_index", "candidate_index", "score"});
    if (p.span.category == Category::Tool &&
        (startsWithError(data ? member(*data, "output") : nullptr) ||
         startsWithError(meta ? member(*meta, "tool_outputs") : nullptr)))
        p.span.flags |= SpanError;
    // The errors NAT records besides a tool's text: AutoGen's metadata.error, and a function
    // that raised ends with its output null (present, not left out).
    if (meta && member(*meta, "error")) p.span.flags |= SpanError;
    if (p.span.category == Category::Function && data && data->is_object())
        if (const auto out = data->find("output"); out != data->end() && out->is_null())
            p.span.flags |= SpanError;

    const json *usage = member(payload, "usage_info");
    if (!usage) return;
    copyMembers(p.attributes, *usage, {"num_llm_calls", "seconds_between_calls"});
    const json *tu = member(*usage, "token_usage");
    if (!tu) return;
    auto tokens = [&](const char *key) -> std::optional<std::int64_t> {
        const json *v = member(*tu, key);
        if (!v) return std::nullopt;
        if (!v->is_number_integer() && !(v->is_number_float() && v->get<double>() >= 0)) {
            m_report.warn("bad-token-count", m_file + ": " + where(stepIndex) + ": token_usage." +
                                                 key + " is " + jsonfile::typeName(*v) +
                                                 "; ignored");
            return std::nullopt;
        }
        const auto n = v->is_number_integer() ? v->get<std::int64_t>()
                                              : static_cast<std::int64_t>(v->get<double>());
        if (n < 0) {
            m_report.warn("bad-token-count", m_file + ": " + where(stepIndex) + ": token_usage." +
                                                 key + " is negative (" + std::to_string(n) +
                                                 "); ignored");
            return std::nullopt;
        }
        return n;
    };
    p.span.inputTokens = tokens("prompt_tokens");
    p.span.outputTokens = tokens("completion_tokens");
    copyMembers(p.attributes, *tu, {"total_tokens", "cached_tokens", "reasoning_tokens"});
}

void NatSpanBuilder::resolveParents() {
    const auto lookup = [&](const std::string &uuid, int self) {
        if (uuid.empty() || uuid == "root") return -1;
        const auto it = m_byUuid.find(uuid);
        return it == m_byUuid.end() || it->second == self ? -2 : it->second;
    };
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        Pending &p = m_spans[i];
        const int self = static_cast<int>(i);
        int parent;
        if (p.parentFromStep) {
            // A parent_id naming no START of the request is a caller's id (NAT 1.5+,
            // workflow-parent-id): the span is a root of the request, not an orphan.
            // An END alone points at a parent the file left out: that stays an orphan below.
            parent = lookup(p.parentUuid, self);
            if (parent == -2 && !p.endOnly && p.parentUuid != p.uuid) {
                m_report.note("spans whose parent_id is a caller's (roots)");
                parent = -1;
            }
        } else if (p.span.category == Category::Function || p.span.category == Category::Workflow) {
            parent = p.ancestryParent == p.uuid ? -1 : lookup(p.ancestryParent, self);
        } else {
            // Remote evaluation names the step itself as its function: no parent known.
            parent = p.ancestryId == p.uuid ? -1 : lookup(p.ancestryId, self);
        }
        if (parent == -2) {
            // A parent outside this request's steps: workflow_output.json keeps END steps only,
            // so its LLM and tool calls point at functions that are not there. Kept as roots.
            p.span.flags |= SpanOrphan;
            m_report.note("spans whose parent is not in the request");
            parent = -1;
        }
        p.span.parentIndex = parent;
    }
    // Break parent cycles (malformed input) so that every walk up the tree ends.
    std::vector<std::uint8_t> state(m_spans.size(), 0); // 0 new, 1 on the current path, 2 done
    std::vector<int> path;
    for (std::size_t start = 0; start < m_spans.size(); ++start) {
        int i = static_cast<int>(start);
        path.clear();
        while (i >= 0 && state[static_cast<std::size_t>(i)] == 0) {
            state[static_cast<std::size_t>(i)] = 1;
            path.push_back(i);
            int &parent = m_spans[static_cast<std::size_t>(i)].span.parentIndex;
            if (parent >= 0 && state[static_cast<std::size_t>(parent)] == 1) {
                m_report.warn("parent-cycle", m_file + ": request " + std::to_string(m_request) +
                                                  ": span " +
                                                  m_spans[static_cast<std::size_t>(i)].span.key +
                                                  " is its own ancestor; made it a root");
                parent = -1;
            }
            i = parent;
        }
        for (int k : path)
            state[static_cast<std::size_t>(k)] = 2;
    }
}

TraceRecord NatSpanBuilder::finish() {
    TraceRecord trace;
    trace.ordinal = m_request;
    trace.sourceSteps = m_steps;
    resolveParents();
    trace.spans.reserve(m_spans.size());
    std::vector<bool> unfinished(m_spans.size(), false);
    std::int64_t crewaiOpen = 0;
    for (const auto &[uuid, index] : m_open)
        unfinished[static_cast<std::size_t>(index)] = true;
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        Pending &p = m_spans[i];
        SpanRecord &s = p.span;
        if (unfinished[i]) {
            s.flags |= SpanUnfinished;
            s.endNs = std::max(m_lastNs, s.startNs);
            p.attributes["nat.unfinished"] = true;
            if (p.attributes.value("framework", std::string()) == "crewai") {
                // Not a timeout: NAT dropped its END (formats/nat.md, Newer NAT).
                p.attributes["nat.unfinished_reason"] = "NAT drops CrewAI's END steps";
                ++crewaiOpen;
            }
        } else if (s.endNs < s.startNs) {
            m_report.warn("end-before-start",
                          m_file + ": request " + std::to_string(m_request) + ": span " + s.key +
                              " (" + s.name +
                              ") ends before it starts; its end was set to its start");
            s.flags |= SpanClamped;
            s.endNs = s.startNs;
        }
        // Streaming LangChain callbacks report the SUM of cumulative per-chunk usage at LLM_END;
        // the chunks themselves carry the true prompt size (formats/nat.md, quirks).
        if (s.category == Category::Llm && s.chunkCount > 0 && s.inputTokens &&
            *s.inputTokens > p.chunkPrompt && p.chunkPrompt > 0) {
            p.attributes["nat.reported_prompt_tokens"] = *s.inputTokens;
            if (s.outputTokens) p.attributes["nat.reported_completion_tokens"] = *s.outputTokens;
            s.inputTokens = p.chunkPrompt;
            s.outputTokens = s.chunkCount;
        }
        if (s.category != Category::Llm && s.inputTokens.value_or(0) == 0 &&
            s.outputTokens.value_or(0) == 0) {
            s.inputTokens.reset();
            s.outputTokens.reset();
        }
        if (s.chunkCount > 0) {
            p.payload["chunks"] = std::move(p.chunkTexts);
            p.payload["chunk_offsets_ns"] = std::move(p.chunkOffsets);
        }
        if (!p.payload.empty())
            s.payloadJson = p.payload.dump(-1, ' ', false, json::error_handler_t::replace);
        s.attributesJson = p.attributes.dump(-1, ' ', false, json::error_handler_t::replace);
        trace.spans.push_back(std::move(s));
    }
    if (crewaiOpen > 0)
        m_report.warn("crewai-without-end",
                      m_file + ": request " + std::to_string(m_request) + ": " +
                          std::to_string(crewaiOpen) +
                          " CrewAI calls have no END: CrewAI gives START and END different "
                          "UUIDs and NAT drops those ENDs, so these calls are shown unfinished "
                          "(they are not timeouts)",
                      crewaiOpen);
    for (const SpanRecord &s : trace.spans) {
        if (s.parentIndex < 0) {
            trace.key = s.key;
            trace.name = s.name;
            break;
        }
    }
    if (trace.key.empty()) trace.key = "request-" + std::to_string(m_request);
    return trace;
}

} // namespace spanscope

#include "atifreader.h"

#include "core/category.h"
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "isotime.h"
#include "jsonfile.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <map>

// Helpers in a namespace of their own: in a unity build an anonymous namespace's names would
// meet the next file's.
namespace spanscope::atifdetail {

using json = nlohmann::json;

const json &at(const json &obj, const char *key) {
    static const json none;
    if (!obj.is_object()) return none;
    const auto it = obj.find(key);
    return it == obj.end() ? none : *it;
}

const json &nothing() {
    static const json none;
    return none;
}

// An array member, or an empty array: iterating a null or a string would visit the value.
const json &array(const json &obj, const char *key) {
    static const json empty = json::array();
    const json &v = at(obj, key);
    return v.is_array() ? v : empty;
}

std::string str(const json &v) {
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::optional<std::int64_t> timeOf(const json &v) {
    if (v.is_string()) {
        const auto p = isotime::parse(v.get_ref<const std::string &>());
        return p ? std::optional<std::int64_t>(p->ns) : std::nullopt;
    }
    if (v.is_number_integer()) return isotime::epochToNs(v.get<std::int64_t>());
    if (v.is_number_float()) return isotime::epochToNs(v.get<double>());
    return std::nullopt;
}

// A message as text: a string, or the text of its parts (images named by their path).
std::string messageText(const json &m) {
    if (m.is_string()) return m.get<std::string>();
    if (!m.is_array()) return m.is_null() ? std::string() : m.dump();
    std::string out;
    for (const json &part : m) {
        if (!out.empty()) out += "\n";
        if (str(at(part, "type")) == "image")
            out += "[image: " + str(at(at(part, "source"), "path")) + "]";
        else
            out += str(at(part, "text"));
    }
    return out;
}

std::optional<std::int64_t> count(const json &metrics, const char *key) {
    const json &v = at(metrics, key);
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return v.get<std::int64_t>();
    return std::nullopt;
}

struct Interval {
    std::optional<std::int64_t> start, end;
    bool known() const { return start && end && *end >= *start; }
};

Interval invocationOf(const json &invocation) {
    return {timeOf(at(invocation, "start_timestamp")), timeOf(at(invocation, "end_timestamp"))};
}

// Builds one trajectory's request.
class Builder {
public:
    Builder(const json &t, const std::string &where, ImportReport &report, ZstdCodec *codec)
        : m_t(t), m_where(where), m_report(report), m_codec(codec) {}

    TraceRecord build();

private:
    int addSpan(std::vector<std::string> keys, std::string name, Category category,
                const Interval &when, std::optional<std::int64_t> instant);
    void addStep(const json &step, std::size_t index);
    void addToolCalls(const json &step, int stepSpan);
    void finish();

    const json &m_t;
    std::string m_where;
    ImportReport &m_report;
    ZstdCodec *m_codec;
    TraceRecord m_trace;
    std::vector<json> m_attrs, m_payloads;
    std::vector<std::string> m_parentKeys;
    std::map<std::string, int> m_byKey;
    std::string m_rootKey;
    std::int64_t m_cursor = 0; // the last time seen, for steps with none
    bool m_anyTime = false;
    std::optional<std::int64_t> m_rootStart, m_rootEnd; // the root function's own steps
    json m_pending = json::array(); // messages since the last agent step: the next call's input
};

int Builder::addSpan(std::vector<std::string> keys, std::string name, Category category,
                     const Interval &when, std::optional<std::int64_t> instant) {
    SpanRecord s;
    for (std::string &k : keys)
        if (!k.empty() && !m_byKey.count(k)) {
            s.key = std::move(k);
            break;
        }
    if (s.key.empty()) s.key = "span-" + std::to_string(m_trace.spans.size());
    s.name = std::move(name);
    s.category = category;
    if (when.known()) {
        s.startNs = *when.start;
        s.endNs = *when.end;
    } else {
        // Steps without their invocation's times stand in order as instants.
        s.startNs = s.endNs = instant.value_or(m_cursor);
        s.flags |= SpanStartUnknown;
    }
    if (when.known() || instant) m_anyTime = true;
    m_cursor = std::max(m_cursor, s.endNs);
    m_byKey[s.key] = static_cast<int>(m_trace.spans.size());
    m_trace.spans.push_back(std::move(s));
    m_attrs.push_back(json::object());
    m_payloads.push_back(json::object());
    m_parentKeys.emplace_back();
    return static_cast<int>(m_trace.spans.size()) - 1;
}

void Builder::addToolCalls(const json &step, int stepSpan) {
    const json &calls = at(step, "tool_calls");
    if (!calls.is_array()) return;
    const json &results = at(at(step, "observation"), "results");
    const json &extra = at(step, "extra");
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const json &c = calls[i];
        const std::string id = str(at(c, "tool_call_id"));
        // NAT's ATOF converter puts a call's ancestry and times on the call, its eval on the
        // step (tool_ancestry[i], tool_invocations[i]): either.
        const auto perCall = [&](const char *onCall, const char *onStep) -> const json & {
            const json &own = at(at(c, "extra"), onCall);
            if (!own.is_null()) return own;
            const json &list = at(extra, onStep);
            return list.is_array() && i < list.size() ? list[i] : nothing();
        };
        const json &ancestry = perCall("ancestry", "tool_ancestry");
        const json &invocation = perCall("invocation", "tool_invocations");
        // Copies: adding the tool's span may move the caller's.
        const std::string callerKey = m_trace.spans[static_cast<std::size_t>(stepSpan)].key;
        const std::int64_t callerEnd = m_trace.spans[static_cast<std::size_t>(stepSpan)].endNs;
        const int k = addSpan(
            {str(at(ancestry, "function_id")), id, callerKey + "/tool-" + std::to_string(i + 1)},
            str(at(c, "function_name")), Category::Tool, invocationOf(invocation), callerEnd);
        const std::string parent = str(at(ancestry, "parent_id"));
        m_parentKeys[static_cast<std::size_t>(k)] = parent.empty() ? callerKey : parent;
        json &payload = m_payloads[static_cast<std::size_t>(k)];
        if (!at(c, "arguments").is_null()) payload["input"] = at(c, "arguments");
        if (results.is_array())
            for (const json &r : results)
                if (!id.empty() && str(at(r, "source_call_id")) == id) {
                    payload["output"] = at(r, "content");
                    if (!at(r, "subagent_trajectory_ref").is_null())
                        m_attrs[static_cast<std::size_t>(k)]["atif.subagent_trajectory_ref"] =
                            at(r, "subagent_trajectory_ref");
                }
        m_attrs[static_cast<std::size_t>(k)]["atif.tool_call_id"] = id;
    }
}

void Builder::addStep(const json &step, std::size_t index) {
    if (!step.is_object()) {
        m_report.warn("atif-bad-step", m_where + ": steps[" + std::to_string(index) + "] is " +
                                           jsonfile::typeName(step) + ", not a step; skipped");
        return;
    }
    const std::string source = str(at(step, "source"));
    const json &extra = at(step, "extra");
    const json &ancestry = at(extra, "ancestry");
    const Interval when = invocationOf(at(extra, "invocation"));
    const std::optional<std::int64_t> ts = timeOf(at(step, "timestamp"));
    const std::string text = messageText(at(step, "message"));
    const std::string functionId = str(at(ancestry, "function_id"));
    json &root = m_payloads.front();
    const auto widenRoot = [&](std::optional<std::int64_t> t) {
        if (!t) return;
        m_rootStart = std::min(m_rootStart.value_or(*t), *t);
        m_rootEnd = std::max(m_rootEnd.value_or(*t), *t);
        m_anyTime = true;
        m_cursor = std::max(m_cursor, *t);
    };
    const bool llm = source == "agent" && (at(step, "llm_call_count").is_number_integer()
                                               ? at(step, "llm_call_count").get<int>() >= 1
                                               : !str(at(step, "model_name")).empty());
    // The root function's own steps: the request's question and answer.
    const bool rootStep = !functionId.empty() && functionId == m_rootKey;
    if (rootStep || (!llm && !when.known() && ancestry.is_null())) {
        for (const auto &t : {when.start, when.end, ts})
            widenRoot(t);
        if (source == "user" && !root.contains("input")) root["input"] = text;
        if (source == "agent" && rootStep) root["output"] = text;
        if (source != "agent" || !rootStep) {
            EventRecord e;
            e.spanIndex = 0;
            e.timeNs = ts.value_or(when.start.value_or(m_cursor));
            e.name = source + " message";
            e.attributesJson = json{{"message", text}, {"step_id", at(step, "step_id")}}.dump(
                -1, ' ', false, json::error_handler_t::replace);
            m_trace.events.push_back(std::move(e));
            m_pending.push_back({{"role", source}, {"content", text}});
        }
        return;
    }
    std::string model = str(at(step, "model_name"));
    if (llm && model.empty()) model = str(at(at(m_t, "agent"), "model_name"));
    std::string name = str(at(ancestry, "function_name"));
    if (name.empty()) name = llm ? model : source + " step " + std::to_string(index + 1);
    const int k = addSpan({str(at(at(extra, "invocation"), "invocation_id")), functionId,
                           "step-" + at(step, "step_id").dump()},
                          name, llm ? Category::Llm : Category::Other, when, ts);
    m_parentKeys[static_cast<std::size_t>(k)] = str(at(ancestry, "parent_id"));
    SpanRecord &s = m_trace.spans[static_cast<std::size_t>(k)];
    json &attrs = m_attrs[static_cast<std::size_t>(k)];
    attrs["atif.step_id"] = at(step, "step_id");
    attrs["atif.source"] = source;
    for (const char *key : {"reasoning_effort", "llm_call_count", "is_copied_context"})
        if (!at(step, key).is_null()) attrs[std::string("atif.") + key] = at(step, key);
    for (const char *key : {"status", "framework"})
        if (!at(at(extra, "invocation"), key).is_null())
            attrs[std::string("atif.invocation.") + key] = at(at(extra, "invocation"), key);
    json &payload = m_payloads[static_cast<std::size_t>(k)];
    if (llm) {
        s.model = model;
        const json &metrics = at(step, "metrics");
        s.inputTokens = count(metrics, "prompt_tokens");
        s.outputTokens = count(metrics, "completion_tokens");
        if (const auto cached = count(metrics, "cached_tokens")) attrs["cached_tokens"] = *cached;
        if (at(metrics, "cost_usd").is_number()) attrs["cost_usd"] = at(metrics, "cost_usd");
        payload["messages"] = std::exchange(m_pending, json::array());
        json out = {{"role", "assistant"}, {"content", text}};
        if (!at(step, "reasoning_content").is_null())
            out["reasoning"] = at(step, "reasoning_content");
        if (at(step, "tool_calls").is_array() && !at(step, "tool_calls").empty())
            out["tool_calls"] = at(step, "tool_calls");
        payload["output"] = std::move(out);
    } else {
        payload["output"] = text;
    }
    addToolCalls(step, k);
    // What the agent saw back comes first in the next call's input.
    if (const json &results = at(at(step, "observation"), "results"); results.is_array())
        for (const json &r : results)
            m_pending.push_back({{"role", "tool"},
                                 {"tool_call_id", at(r, "source_call_id")},
                                 {"content", at(r, "content")}});
}

void Builder::finish() {
    // Parents by ancestry; one naming no span of the request hangs on the root. Loops are cut.
    const int n = static_cast<int>(m_trace.spans.size());
    for (int i = 1; i < n; ++i) {
        const auto it = m_byKey.find(m_parentKeys[static_cast<std::size_t>(i)]);
        m_trace.spans[static_cast<std::size_t>(i)].parentIndex =
            it == m_byKey.end() || it->second == i ? 0 : it->second;
    }
    std::vector<std::uint8_t> state(static_cast<std::size_t>(n), 0);
    for (int i = 0; i < n; ++i) {
        std::vector<int> walk;
        for (int at = i; at >= 0 && state[static_cast<std::size_t>(at)] == 0;) {
            state[static_cast<std::size_t>(at)] = 1;
            walk.push_back(at);
            const int next = m_trace.spans[static_cast<std::size_t>(at)].parentIndex;
            if (next >= 0 && state[static_cast<std::size_t>(next)] == 1) {
                m_report.warn("atif-ancestry-cycle",
                              m_where + ": the ancestry of " +
                                  m_trace.spans[static_cast<std::size_t>(at)].key +
                                  " loops back; hung on the root");
                m_trace.spans[static_cast<std::size_t>(at)].parentIndex = 0;
                break;
            }
            at = next;
        }
        for (const int w : walk)
            state[static_cast<std::size_t>(w)] = 2;
    }
    SpanRecord &root = m_trace.spans.front();
    std::optional<std::int64_t> from = m_rootStart, to = m_rootEnd;
    for (std::size_t i = 1; i < m_trace.spans.size(); ++i) {
        from = std::min(from.value_or(m_trace.spans[i].startNs), m_trace.spans[i].startNs);
        to = std::max(to.value_or(m_trace.spans[i].endNs), m_trace.spans[i].endNs);
    }
    for (const EventRecord &e : m_trace.events) {
        from = std::min(from.value_or(e.timeNs), e.timeNs);
        to = std::max(to.value_or(e.timeNs), e.timeNs);
    }
    root.startNs = from.value_or(0);
    root.endNs = to.value_or(0);
    if (!m_anyTime) {
        root.flags |= SpanStartUnknown;
        m_report.warn("atif-no-times", m_where + ": no step has a time; drawn in order at 0");
    }
    for (std::size_t i = 0; i < m_trace.spans.size(); ++i) {
        SpanRecord &s = m_trace.spans[i];
        s.attributesJson = m_attrs[i].dump(-1, ' ', false, json::error_handler_t::replace);
        if (!m_payloads[i].empty()) {
            s.payloadJson = m_payloads[i].dump(-1, ' ', false, json::error_handler_t::replace);
            if (m_codec) s.compressPayload(*m_codec);
        }
    }
}

TraceRecord Builder::build() {
    const std::string version = str(at(m_t, "schema_version"));
    if (version.rfind("ATIF-v1.", 0) != 0)
        m_report.warn("atif-version", m_where + ": schema_version " +
                                          at(m_t, "schema_version").dump() +
                                          " is not ATIF v1.x; read as v1.7");
    m_rootKey = str(at(m_t, "session_id"));
    if (m_rootKey.empty()) m_rootKey = str(at(m_t, "trajectory_id"));
    std::string name = str(at(at(m_t, "agent"), "name"));
    addSpan({m_rootKey, "trajectory"}, name.empty() ? "trajectory" : name, Category::Agent, {},
            std::nullopt);
    m_trace.spans.front().flags = 0;
    json &rootAttrs = m_attrs.front();
    for (const char *key : {"schema_version", "trajectory_id", "final_metrics", "notes"})
        if (!at(m_t, key).is_null()) rootAttrs[std::string("atif.") + key] = at(m_t, key);
    if (!at(at(m_t, "agent"), "version").is_null())
        rootAttrs["atif.agent.version"] = at(at(m_t, "agent"), "version");
    const json &steps = at(m_t, "steps");
    if (!steps.is_array()) throw IngestError(m_where, "", "the trajectory has no steps array");
    for (std::size_t i = 0; i < steps.size(); ++i)
        addStep(steps[i], i);
    finish();
    m_trace.key = m_trace.spans.front().key;
    m_trace.name = m_trace.spans.front().name;
    m_trace.sessionKey = str(at(m_t, "session_id"));
    m_trace.sourceSteps = static_cast<std::int64_t>(steps.size());
    return std::move(m_trace);
}

} // namespace spanscope::atifdetail

namespace spanscope {

AtifReader::AtifReader(ImportSource source) : m_source(std::move(source)) {}

bool AtifReader::looksLikeAtif(const QByteArray &start) {
    return start.contains("\"schema_version\"") && start.contains("\"ATIF-v") &&
           start.contains("\"steps\"");
}

TraceRecord AtifReader::trajectory(const nlohmann::json &t, const std::string &where,
                                   ImportReport &report, ZstdCodec *codec) {
    return atifdetail::Builder(t, where, report, codec).build();
}

void AtifReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    using namespace atifdetail;
    const QString path = m_source.files.front();
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.peek(64).startsWith("version https://git-lfs"))
            throw IngestError(name, "",
                              "is a Git LFS pointer, not the trajectory it stands for: fetch the "
                              "file (git lfs pull) and import it again");
    }
    progress.addTotal(QFile(path).size());
    const json doc = jsonfile::read(path, name, &progress, &report);
    // One trajectory, NAT's eval wrapper of one, or an array of either.
    std::vector<const json *> entries;
    if (doc.is_array())
        for (const json &e : doc)
            entries.push_back(&e);
    else
        entries.push_back(&doc);
    ImportBatch batch;
    int ordinal = 0;
    std::vector<std::pair<const json *, std::string>> queue; // trajectories and where they are
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const json &e = *entries[i];
        const std::string where = doc.is_array() ? name + ": [" + std::to_string(i) + "]" : name;
        if (e.is_object() && e.contains("trajectory")) {
            const json &t = e["trajectory"];
            if (!t.is_object()) {
                report.warn("atif-bad-item",
                            where + ": trajectory is " + jsonfile::typeName(t) + "; skipped");
                continue;
            }
            TraceRecord trace = AtifReader::trajectory(t, where, report, &m_codec);
            EvalItemRecord item;
            item.itemKey =
                at(e, "item_id").is_string() ? str(at(e, "item_id")) : at(e, "item_id").dump();
            item.ordinal = ordinal;
            const auto text = [](const json &v) { return v.is_string() ? str(v) : v.dump(); };
            item.expectedAnswer = at(e, "expected_output_obj").is_null()
                                      ? std::string()
                                      : text(at(e, "expected_output_obj"));
            item.generatedAnswer =
                at(e, "output_obj").is_null() ? std::string() : text(at(e, "output_obj"));
            trace.itemKey = item.itemKey;
            trace.ordinal = ordinal++;
            batch.evalItems.push_back(std::move(item));
            batch.traces.push_back(std::move(trace));
            for (const json &sub : array(t, "subagent_trajectories"))
                queue.emplace_back(&sub, where + ": subagent");
        } else if (e.is_object() && e.contains("steps")) {
            TraceRecord trace = AtifReader::trajectory(e, where, report, &m_codec);
            trace.ordinal = ordinal++;
            batch.traces.push_back(std::move(trace));
            for (const json &sub : array(e, "subagent_trajectories"))
                queue.emplace_back(&sub, where + ": subagent");
        } else {
            report.warn("atif-bad-item", where + ": neither a trajectory (no steps) nor NAT's "
                                                 "eval item (no trajectory); skipped");
        }
        // Subagents (v1.7) are requests of their own, after their parent.
        for (std::size_t q = 0; q < queue.size() && q < 10000; ++q) {
            const json &sub = *queue[q].first;
            if (!sub.is_object() || !sub.contains("steps")) continue;
            TraceRecord trace = AtifReader::trajectory(sub, queue[q].second, report, &m_codec);
            trace.ordinal = ordinal++;
            batch.traces.push_back(std::move(trace));
            for (const json &deeper : array(sub, "subagent_trajectories"))
                queue.emplace_back(&deeper, queue[q].second + ": subagent");
        }
        queue.clear();
        if (batch.traces.size() >= 500) {
            sink(std::move(batch));
            batch = ImportBatch();
        }
    }
    if (batch.traces.empty() && ordinal == 0)
        throw IngestError(name, "", report.nothingImported("no ATIF trajectory"));
    if (!batch.empty()) sink(std::move(batch));
}

} // namespace spanscope

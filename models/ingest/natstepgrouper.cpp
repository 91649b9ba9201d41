#include "natstepgrouper.h"

#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "csvreader.h"
#include "decimaltime.h"
#include "jsonfile.h"
#include "natspanbuilder.h"

#include <QFileInfo>
#include <charconv>

namespace spanscope {

namespace {

using json = nlohmann::json;

std::string str(const json &obj, const char *key) {
    if (!obj.is_object()) return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

NatStepGrouper::NatStepGrouper(std::string displayName, ImportReport &report)
    : m_name(std::move(displayName)), m_report(report) {}

NatStepGrouper::~NatStepGrouper() = default;

NatStepGrouper::Group &NatStepGrouper::group(int ordinal, const std::string &rootUuid) {
    auto [it, inserted] = m_groups.try_emplace(ordinal);
    if (inserted) {
        it->second.builder = std::make_unique<NatSpanBuilder>(m_name, m_report, ordinal);
        it->second.rootUuid = rootUuid;
    }
    return it->second;
}

void NatStepGrouper::finish(int ordinal, const TraceCallback &onTrace) {
    const auto it = m_groups.find(ordinal);
    if (it == m_groups.end()) return;
    onTrace(it->second.builder->finish());
    m_groups.erase(it);
}

void NatStepGrouper::finishAll(const TraceCallback &onTrace) {
    while (!m_groups.empty())
        finish(m_groups.begin()->first, onTrace);
}

void NatStepGrouper::add(const json &step, const std::string &where, const TraceCallback &onTrace) {
    const json *payload = step.is_object() && step.contains("payload") ? &step["payload"] : nullptr;
    const std::string uuid = payload ? str(*payload, "UUID") : std::string();
    const std::string type = payload ? str(*payload, "event_type") : std::string();
    // The enclosing span: the step's parent_id (newer NAT), else its function ancestry.
    std::string parent;
    if (step.is_object() && step.contains("parent_id") && step["parent_id"].is_string()) {
        parent = step["parent_id"].get<std::string>();
    } else if (step.is_object() && step.contains("function_ancestry")) {
        const json &anc = step["function_ancestry"];
        const bool function = type.rfind("FUNCTION_", 0) == 0 || type.rfind("WORKFLOW_", 0) == 0;
        parent = str(anc, function ? "parent_id" : "function_id");
        if (parent == uuid) parent.clear();
    }
    // Steps come in time order, so a START whose parent_id was never seen names something
    // outside the workflow: a caller's id (NAT 1.5+, workflow-parent-id), a root like "root".
    // "remote" (remote evaluation, on every step) names nothing either, but then no step has a
    // parent to follow, so those steps stay one group, as before.
    const bool starts = type.size() > 6 && type.compare(type.size() - 6, 6, "_START") == 0;
    if (starts && !parent.empty() && parent != "root" && parent != "remote" &&
        !m_groupOf.count(parent))
        parent = "root";
    int ordinal;
    if (const auto known = m_groupOf.find(uuid); known != m_groupOf.end()) {
        ordinal = known->second;
    } else if (parent.empty() || parent == "root") {
        ordinal = m_nextOrdinal++;
    } else if (const auto viaParent = m_groupOf.find(parent); viaParent != m_groupOf.end()) {
        ordinal = viaParent->second;
    } else {
        ordinal = m_nextOrdinal++; // a parent we never saw: its own request, rooted at the parent
        m_groupOf.emplace(parent, ordinal);
    }
    m_groupOf.emplace(uuid, ordinal);
    Group &g = group(ordinal, parent.empty() || parent == "root" ? uuid : std::string());
    try {
        g.builder->addStep(step, g.steps++);
    } catch (const IngestError &e) {
        throw IngestError(m_name, where + " (" + e.where() + ")", e.message());
    }
    const bool rootEnds = !g.rootUuid.empty() && uuid == g.rootUuid && type.size() > 4 &&
                          type.compare(type.size() - 4, 4, "_END") == 0;
    if (rootEnds) finish(ordinal, onTrace);
}

void NatStepGrouper::read(const QString &path, ImportProgress &progress,
                          const TraceCallback &onTrace) {
    readLines(path, progress, onTrace);
    finishAll(onTrace);
}

void NatStepGrouper::readAll(const QStringList &paths, ImportProgress &progress,
                             const TraceCallback &onTrace) {
    for (const QString &path : paths) {
        m_name = QFileInfo(path).fileName().toStdString();
        readLines(path, progress, onTrace);
    }
    finishAll(onTrace);
}

void NatStepGrouper::readLines(const QString &path, ImportProgress &progress,
                               const TraceCallback &onTrace) {
    if (QFileInfo::exists(path) && QFileInfo(path).size() == 0)
        throw IngestError(m_name, "", "file is empty");
    jsonfile::forEachLine(path, m_name, progress, &m_report,
                          [&](std::string_view text, std::int64_t line, std::int64_t offset) {
                              const json step =
                                  jsonfile::parse(text, m_name, line, offset, &m_report,
                                                  NatSpanBuilder::timeKeys());
                              add(step, "line " + std::to_string(line), onTrace);
                          });
}

void NatStepGrouper::readCsv(const QString &path, ImportProgress &progress,
                             const TraceCallback &onTrace) {
    CsvReader csv(path, m_name, &progress);
    std::vector<std::string> header, row;
    if (!csv.next(header) || header.size() < 2) throw IngestError(m_name, "", "file is empty");
    std::unordered_map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.size(); ++i)
        col.emplace(header[i], i);
    for (const char *required : {"event_type", "event_timestamp", "example_number", "UUID"})
        if (!col.count(required))
            throw IngestError(m_name, "line 1",
                              std::string("no '") + required +
                                  "' column: not a NAT standardized_data_all.csv");
    const auto field = [&](const char *name) -> const std::string & {
        static const std::string none;
        const auto it = col.find(name);
        return it == col.end() || it->second >= row.size() ? none : row[it->second];
    };
    while (csv.next(row)) {
        const std::string where = "line " + std::to_string(csv.recordLine());
        const auto ts = decimalSecondsToNs(field("event_timestamp"));
        if (!ts)
            throw IngestError(m_name, where,
                              "event_timestamp '" + field("event_timestamp") + "' is not a number");
        int example = 0;
        const std::string &ex = field("example_number");
        if (std::from_chars(ex.data(), ex.data() + ex.size(), example).ec != std::errc())
            throw IngestError(m_name, where, "example_number '" + ex + "' is not an integer");
        const std::string &type = field("event_type");
        json payload = {{"event_type", type}, {"event_timestamp", *ts}, {"UUID", field("UUID")}};
        const char *nameColumn = type.rfind("LLM_", 0) == 0    ? "llm_name"
                                 : type.rfind("TOOL_", 0) == 0 ? "tool_name"
                                                               : "function_name";
        payload["name"] = field(nameColumn);
        if (!field("framework").empty()) payload["framework"] = field("framework");
        json tokens = json::object();
        for (const char *k : {"prompt_tokens", "completion_tokens", "total_tokens"}) {
            const std::string &v = field(k);
            double d = 0;
            if (!v.empty() && std::from_chars(v.data(), v.data() + v.size(), d).ec == std::errc())
                tokens[k] = static_cast<std::int64_t>(d);
        }
        if (!tokens.empty()) payload["usage_info"] = {{"token_usage", tokens}};
        json data = json::object();
        if (!field("llm_text_input").empty()) data["input"] = field("llm_text_input");
        if (!field("llm_text_output").empty()) data["output"] = field("llm_text_output");
        if (!field("llm_new_token").empty()) data["chunk"] = field("llm_new_token");
        if (!data.empty()) payload["data"] = std::move(data);
        const json step = {{"function_ancestry",
                            {{"function_id", field("function_id")},
                             {"function_name", field("function_name")},
                             {"parent_id", field("parent_function_id")},
                             {"parent_name", field("parent_function_name")}}},
                           {"payload", std::move(payload)}};
        Group &g = group(example, std::string());
        try {
            g.builder->addStep(step, g.steps++);
        } catch (const IngestError &e) {
            throw IngestError(m_name, where + " (" + e.where() + ")", e.message());
        }
    }
    finishAll(onTrace);
}

} // namespace spanscope

#include "atofreader.h"

#include "core/category.h"
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/records.h"
#include "isotime.h"
#include "jsonfile.h"
#include "providerusage.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <map>
#include <unordered_map>

// Helpers in a namespace of their own: in a unity build an anonymous namespace's names would
// meet the next file's.
namespace spanscope::atofdetail {

using json = nlohmann::json;

std::string text(const json &obj, const char *key) {
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Category categoryOf(const std::string &c) {
    static const std::map<std::string, Category> known = {{"agent", Category::Agent},
                                                          {"function", Category::Function},
                                                          {"llm", Category::Llm},
                                                          {"tool", Category::Tool},
                                                          {"retriever", Category::Retriever},
                                                          {"embedder", Category::Embedding},
                                                          {"reranker", Category::Reranker},
                                                          {"guardrail", Category::Guardrail},
                                                          {"evaluator", Category::Evaluator},
                                                          {"custom", Category::Custom}};
    const auto it = known.find(c);
    return it == known.end() ? Category::Other : it->second;
}

const json *profile(const json &event) {
    const auto it = event.find("category_profile");
    return it != event.end() && it->is_object() ? &*it : nullptr;
}

// One scope: its start and end events (either may be missing: -1).
struct Scope {
    std::string key; // the uuid, or uuid#2... when a uuid was used again
    std::string uuid;
    long start = -1, end = -1;
    int parent = -1;
    std::int64_t startNs = 0, endNs = 0;
};

using Event = AtofReader::Event;

// The span of a scope: what its start and end say (the end's profile wins, as in NAT).
SpanRecord spanOf(const Scope &s, const std::vector<Event> &events, ZstdCodec &codec) {
    const json &st = events[static_cast<std::size_t>(s.start)].doc;
    const json *en = s.end >= 0 ? &events[static_cast<std::size_t>(s.end)].doc : nullptr;
    SpanRecord r;
    r.key = s.key;
    r.name = text(st, "name");
    if (r.name.empty() && en) r.name = text(*en, "name");
    const std::string category = text(st, "category");
    r.category = categoryOf(category);
    r.startNs = s.startNs;
    r.endNs = s.endNs;
    json attrs = json::object();
    attrs["atof.category"] = category.empty() ? json() : json(category);
    for (const json *e : {&st, en}) {
        if (!e) continue;
        if (const json *p = profile(*e)) {
            if (const std::string m = text(*p, "model_name"); !m.empty()) r.model = m;
            for (const auto &[k, v] : p->items())
                attrs["atof.profile." + k] = v;
        }
        for (const char *k : {"attributes", "metadata", "data_schema"})
            if (const auto it = e->find(k); it != e->end() && !it->is_null())
                attrs[std::string("atof.") + k] = *it;
    }
    if (r.category == Category::Llm && r.model.empty()) r.model = r.name;
    json payload = json::object();
    if (const auto it = st.find("data"); it != st.end() && !it->is_null()) payload["input"] = *it;
    if (en)
        if (const auto it = en->find("data"); it != en->end() && !it->is_null()) {
            payload["output"] = *it;
            if (it->is_object())
                if (const std::string m = text(*it, "model"); !m.empty())
                    attrs["atof.data_model"] = m;
            if (const auto usage = providerusage::find(*it)) {
                r.inputTokens = usage->input;
                r.outputTokens = usage->output;
            }
        }
    r.attributesJson = attrs.dump(-1, ' ', false, json::error_handler_t::replace);
    if (!payload.empty()) {
        r.payloadJson = payload.dump(-1, ' ', false, json::error_handler_t::replace);
        r.compressPayload(codec);
    }
    return r;
}

} // namespace spanscope::atofdetail

namespace spanscope {

AtofReader::AtofReader(ImportSource source) : m_source(std::move(source)) {}

bool AtofReader::looksLikeAtof(const nlohmann::json &first) {
    return first.is_object() && first.contains("kind") && first.contains("atof_version");
}

std::vector<AtofReader::Event> AtofReader::readEvents(const QString &path, ImportProgress &progress,
                                                      ImportReport &report) {
    using namespace atofdetail;
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    std::vector<Event> events;
    std::int64_t line = 0;
    const auto skip = [&](const std::string &kind, const std::string &why) {
        report.warn(kind, name + ": line " + std::to_string(line) + ": " + why + "; skipped");
    };
    jsonfile::forEachLine(
        path, name, progress, &report,
        [&](std::string_view t, std::int64_t number, std::int64_t at) {
            line = number;
            Event e;
            e.line = static_cast<std::size_t>(line);
            try {
                e.doc = jsonfile::parse(t, name, line, at, &report);
            } catch (const IngestError &err) {
                skip("atof-bad-line", std::string("not JSON (") + err.message() + ")");
                return;
            }
            if (!e.doc.is_object()) {
                skip("atof-bad-line", "a JSON " + jsonfile::typeName(e.doc) + ", not an event");
                return;
            }
            const std::string kind = text(e.doc, "kind");
            if (kind != "scope" && kind != "mark") {
                skip("atof-unknown-kind", "kind " + e.doc.value("kind", json()).dump() +
                                              " is neither \"scope\" nor \"mark\"");
                return;
            }
            e.mark = kind == "mark";
            if (!e.mark) {
                const std::string sc = text(e.doc, "scope_category");
                if (sc != "start" && sc != "end") {
                    skip("atof-bad-scope", "a scope whose scope_category is " +
                                               e.doc.value("scope_category", json()).dump());
                    return;
                }
                e.start = sc == "start";
            }
            e.uuid = text(e.doc, "uuid");
            if (e.uuid.empty()) {
                skip("atof-no-uuid", "an event without a uuid");
                return;
            }
            e.parent = text(e.doc, "parent_uuid");
            const json ts = e.doc.value("timestamp", json());
            std::optional<std::int64_t> ns;
            if (ts.is_string()) {
                if (const auto p = isotime::parse(ts.get_ref<const std::string &>())) {
                    ns = p->ns;
                    if (p->zoneless)
                        report.warn("atof-zoneless-time", name + ": line " + std::to_string(line) +
                                                              ": timestamp " + ts.dump() +
                                                              " has no zone offset; read as UTC");
                }
            } else if (ts.is_number_integer()) {
                ns = isotime::epochToNs(ts.get<std::int64_t>());
            } else if (ts.is_number_float()) {
                ns = isotime::epochToNs(ts.get<double>());
            }
            if (!ns) {
                skip("atof-bad-time", "timestamp " + ts.dump().substr(0, 80) +
                                          " is no RFC 3339 time and no epoch number");
                return;
            }
            e.ns = *ns;
            events.push_back(std::move(e));
        });
    return events;
}

void AtofReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    using namespace atofdetail;
    const QString path = m_source.files.front();
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    progress.addTotal(QFile(path).size());
    std::vector<Event> events = readEvents(path, progress, report);
    if (events.empty())
        throw IngestError(name, "", report.nothingImported("no ATOF scope or mark"));
    std::stable_sort(events.begin(), events.end(),
                     [](const Event &a, const Event &b) { return a.ns < b.ns; });

    // Pair by uuid, in time order: the k-th start with the k-th end.
    std::map<std::string, std::vector<long>> starts, ends;
    std::vector<long> marks;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        if (e.mark)
            marks.push_back(static_cast<long>(i));
        else
            (e.start ? starts : ends)[e.uuid].push_back(static_cast<long>(i));
    }
    std::vector<Scope> scopes;
    std::unordered_multimap<std::string, int> byUuid;
    for (const auto &[uuid, list] : starts) {
        const auto endIt = ends.find(uuid);
        const std::vector<long> none;
        const std::vector<long> &e = endIt == ends.end() ? none : endIt->second;
        for (std::size_t k = 0; k < list.size(); ++k) {
            Scope s;
            s.uuid = uuid;
            s.key = k == 0 ? uuid : uuid + "#" + std::to_string(k + 1);
            s.start = list[k];
            s.startNs = events[static_cast<std::size_t>(s.start)].ns;
            if (k == 1)
                report.warn("atof-uuid-reused",
                            name + ": line " +
                                std::to_string(events[static_cast<std::size_t>(list[k])].line) +
                                ": uuid " + uuid + " starts again; kept as " + s.key);
            if (k < e.size()) {
                s.end = e[k];
                s.endNs = events[static_cast<std::size_t>(s.end)].ns;
            }
            byUuid.emplace(uuid, static_cast<int>(scopes.size()));
            scopes.push_back(std::move(s));
        }
    }
    // Ends beyond their uuid's starts (or of a uuid that never started) pair with nothing.
    for (const auto &[uuid, list] : ends) {
        const auto started = starts.find(uuid);
        for (std::size_t k = started == starts.end() ? 0 : started->second.size(); k < list.size();
             ++k)
            report.warn("atof-end-without-start",
                        name + ": line " +
                            std::to_string(events[static_cast<std::size_t>(list[k])].line) +
                            ": uuid " + uuid + " ends without a start; skipped");
    }
    std::sort(scopes.begin(), scopes.end(), [](const Scope &a, const Scope &b) {
        return std::tie(a.startNs, a.start) < std::tie(b.startNs, b.start);
    });
    byUuid.clear();
    for (std::size_t i = 0; i < scopes.size(); ++i)
        byUuid.emplace(scopes[i].uuid, static_cast<int>(i));
    // The scope a uuid names at a time: the one of that uuid open then, else its first.
    const auto scopeAt = [&](const std::string &uuid, std::int64_t ns) {
        int found = -1;
        const auto [from, to] = byUuid.equal_range(uuid);
        for (auto it = from; it != to; ++it) {
            const Scope &s = scopes[static_cast<std::size_t>(it->second)];
            if (found < 0 || (s.startNs <= ns && (s.end < 0 || s.endNs >= ns))) found = it->second;
        }
        return found;
    };
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        Scope &s = scopes[i];
        const Event &st = events[static_cast<std::size_t>(s.start)];
        if (s.end >= 0) {
            const Event &en = events[static_cast<std::size_t>(s.end)];
            if (en.ns <= s.startNs) {
                report.warn("atof-end-before-start",
                            name + ": line " + std::to_string(en.line) + ": " + s.key +
                                " ends at or before its start; kept with no length");
                s.endNs = s.startNs;
            }
            if (en.parent != st.parent)
                report.warn("atof-parent-changed", name + ": line " + std::to_string(en.line) +
                                                       ": " + s.key +
                                                       "'s parent_uuid changes "
                                                       "from its start's; the start's is kept");
        }
        if (!st.parent.empty()) s.parent = scopeAt(st.parent, s.startNs);
        if (s.parent == static_cast<int>(i)) s.parent = -1;
    }
    // Parents that loop back are cut where the loop closes: each chain is walked once.
    std::vector<std::uint8_t> state(scopes.size(), 0); // 0 new, 1 on this walk, 2 settled
    std::vector<int> walk;
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        walk.clear();
        int at = static_cast<int>(i);
        while (at >= 0 && state[static_cast<std::size_t>(at)] == 0) {
            state[static_cast<std::size_t>(at)] = 1;
            walk.push_back(at);
            const int next = scopes[static_cast<std::size_t>(at)].parent;
            if (next >= 0 && state[static_cast<std::size_t>(next)] == 1) {
                report.warn("atof-parent-cycle",
                            name + ": " + scopes[static_cast<std::size_t>(at)].key +
                                "'s parent_uuid closes a loop of parents; made a root");
                scopes[static_cast<std::size_t>(at)].parent = -1;
                break;
            }
            at = next;
        }
        for (const int w : walk)
            state[static_cast<std::size_t>(w)] = 2;
    }
    // Requests: each root and the scopes below it, in the order they started.
    std::vector<int> root(scopes.size(), -1);
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        std::vector<int> chain;
        int at = static_cast<int>(i);
        while (root[static_cast<std::size_t>(at)] < 0 &&
               scopes[static_cast<std::size_t>(at)].parent >= 0) {
            chain.push_back(at);
            at = scopes[static_cast<std::size_t>(at)].parent;
        }
        if (root[static_cast<std::size_t>(at)] < 0) root[static_cast<std::size_t>(at)] = at;
        for (const int c : chain)
            root[static_cast<std::size_t>(c)] = root[static_cast<std::size_t>(at)];
    }
    std::map<int, int> traceOfRoot; // root scope -> index into traces
    std::vector<std::vector<int>> members;
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        const auto [it, fresh] = traceOfRoot.emplace(root[i], static_cast<int>(members.size()));
        if (fresh) members.emplace_back();
        members[static_cast<std::size_t>(it->second)].push_back(static_cast<int>(i));
    }
    // Marks: instants of the scope they name; one naming none stands alone, with no length.
    std::vector<std::vector<long>> marksOf(members.size());
    std::vector<long> loose;
    for (const long m : marks) {
        const Event &e = events[static_cast<std::size_t>(m)];
        const int owner = e.parent.empty() ? -1 : scopeAt(e.parent, e.ns);
        if (owner < 0)
            loose.push_back(m);
        else
            marksOf[static_cast<std::size_t>(traceOfRoot[root[static_cast<std::size_t>(owner)]])]
                .push_back(m);
    }
    ImportBatch batch;
    int ordinal = 0, unfinished = 0;
    const auto flush = [&](bool force) {
        if (!batch.traces.empty() && (force || batch.traces.size() >= 1000)) {
            sink(std::move(batch));
            batch = ImportBatch();
        }
    };
    for (std::size_t t = 0; t < members.size(); ++t) {
        TraceRecord trace;
        trace.ordinal = ordinal++;
        std::int64_t last = 0;
        for (const int i : members[t]) {
            const Scope &sc = scopes[static_cast<std::size_t>(i)];
            last = std::max({last, sc.startNs, sc.end >= 0 ? sc.endNs : sc.startNs});
        }
        for (const long m : marksOf[t])
            last = std::max(last, events[static_cast<std::size_t>(m)].ns);
        std::map<int, int> local;
        for (const int i : members[t]) {
            Scope sc = scopes[static_cast<std::size_t>(i)];
            const bool open = sc.end < 0;
            if (open) sc.endNs = last;
            SpanRecord r = spanOf(sc, events, m_codec);
            if (open) {
                r.flags |= SpanUnfinished;
                ++unfinished;
            }
            local[i] = static_cast<int>(trace.spans.size());
            trace.spans.push_back(std::move(r));
        }
        // Parents after all: a child may start before its parent in a stream.
        for (const int i : members[t]) {
            const int parent = scopes[static_cast<std::size_t>(i)].parent;
            trace.spans[static_cast<std::size_t>(local.at(i))].parentIndex =
                parent >= 0 ? local.at(parent) : -1;
        }
        for (const long m : marksOf[t]) {
            const Event &e = events[static_cast<std::size_t>(m)];
            EventRecord ev;
            ev.spanIndex = local.at(scopeAt(e.parent, e.ns));
            ev.timeNs = e.ns;
            ev.name = text(e.doc, "name");
            json attrs = json::object();
            for (const char *k :
                 {"category", "category_profile", "data", "data_schema", "metadata"})
                if (const auto it = e.doc.find(k); it != e.doc.end() && !it->is_null())
                    attrs[k] = *it;
            ev.attributesJson = attrs.dump(-1, ' ', false, json::error_handler_t::replace);
            trace.events.push_back(std::move(ev));
        }
        const int rootScope = root[static_cast<std::size_t>(members[t].front())];
        const SpanRecord &top = trace.spans[static_cast<std::size_t>(local.at(rootScope))];
        trace.key = top.key;
        trace.name = top.name;
        const json &rootStart =
            events[static_cast<std::size_t>(scopes[static_cast<std::size_t>(rootScope)].start)].doc;
        if (const auto meta = rootStart.find("metadata");
            meta != rootStart.end() && meta->is_object())
            trace.sessionKey = text(*meta, "session_id");
        batch.traces.push_back(std::move(trace));
        flush(false);
    }
    for (const long m : loose) {
        const Event &e = events[static_cast<std::size_t>(m)];
        Scope sc;
        sc.key = e.uuid;
        sc.uuid = e.uuid;
        sc.start = m;
        sc.startNs = sc.endNs = e.ns;
        TraceRecord trace;
        trace.ordinal = ordinal++;
        SpanRecord r = spanOf(sc, events, m_codec);
        r.name = "mark:" + r.name;
        trace.key = r.key;
        trace.name = r.name;
        trace.spans.push_back(std::move(r));
        batch.traces.push_back(std::move(trace));
        flush(false);
    }
    if (unfinished) report.note("ATOF scopes that never ended (kept unfinished)", unfinished);
    flush(true);
}

} // namespace spanscope

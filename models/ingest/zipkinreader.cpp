#include "zipkinreader.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"
#include "oteljson.h"

#include <algorithm>
#include <limits>
#include <set>

namespace spanscope {

namespace {

using json = nlohmann::json;
using jsonfile::stringAt;

// A microsecond field; 0 when absent, -1 when no int64 holds it (1e30, NaN).
std::int64_t micros(const json &o, const char *k) {
    const auto it = o.find(k);
    if (it == o.end() || !it->is_number()) return 0;
    return oteljson::int64OfNumber(*it).value_or(-1);
}

// Times past this (2262, where int64 nanoseconds end) are garbage, not dates.
constexpr std::int64_t maxMicros = std::numeric_limits<std::int64_t>::max() / 1000;

const json &member(const json &o, const char *key) {
    static const json none = json::array();
    const auto it = o.find(key);
    return it != o.end() && it->is_array() ? *it : none;
}

} // namespace

void ZipkinReader::readDocument(const json &doc, const std::string &name, ImportReport &report,
                                std::vector<LooseSpanRecord> &out) {
    if (!doc.is_array())
        throw IngestError(name, "", "not Zipkin v2 JSON: the top level is not an array of spans");
    // The (trace, id) pairs that have an unshared half, so shared halves know their parent.
    std::set<std::pair<std::string, std::string>> unshared;
    for (const json &sp : doc)
        if (sp.is_object() && !sp.value("shared", false))
            unshared.insert({stringAt(sp, "traceId"), stringAt(sp, "id")});
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json &sp = doc[i];
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        const auto traceId = sp.is_object()
                                 ? oteljson::idOf(stringAt(sp, "traceId"), 16, report, name)
                                 : std::nullopt;
        const auto spanId =
            sp.is_object() ? oteljson::idOf(stringAt(sp, "id"), 8, report, name) : std::nullopt;
        if (!traceId || !spanId) {
            report.warn("bad-span", name + ": span [" + std::to_string(i) +
                                        "] has no valid traceId or id; skipped");
            continue;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        s.name = stringAt(sp, "name");
        std::int64_t ts = micros(sp, "timestamp"), duration = micros(sp, "duration");
        if (ts <= 0) { // Zipkin treats 0 as absent; its UI derives the time from annotations
            std::int64_t first = 0, last = 0;
            for (const json &a : member(sp, "annotations"))
                if (const std::int64_t t = micros(a, "timestamp"); t > 0) {
                    first = first ? std::min(first, t) : t;
                    last = std::max(last, t);
                }
            ts = first;
            duration = last - first;
        }
        if (ts <= 0 || ts > maxMicros) {
            s.flags |= SpanUntimed; // placed when its trace is linked
        } else {
            s.startNs = ts * 1000;
            s.endNs = s.startNs + std::clamp<std::int64_t>(duration, 0, maxMicros - ts) * 1000;
            if (duration <= 0) s.flags |= SpanUnfinished;
        }
        if (const auto parent = oteljson::idOf(stringAt(sp, "parentId"), 8, report, name))
            rec.parentKey = *parent;
        if (sp.value("shared", false) &&
            unshared.count({stringAt(sp, "traceId"), stringAt(sp, "id")})) {
            rec.parentKey = s.key;
            s.key += "-server";
        }
        FlatSpanBuilder b;
        const json tags = sp.value("tags", json::object()); // items() must not outlive it
        for (const auto &[key, value] : tags.items()) {
            if (key == "error") s.flags |= SpanError;
            b.attribute(key, value);
        }
        if (!stringAt(sp, "kind").empty()) b.extra("otel.span_kind", stringAt(sp, "kind"));
        if (sp.contains("localEndpoint") && !stringAt(sp["localEndpoint"], "serviceName").empty())
            b.extra("service.name", stringAt(sp["localEndpoint"], "serviceName"));
        if (sp.contains("remoteEndpoint")) b.extra("zipkin.remote_endpoint", sp["remoteEndpoint"]);
        for (const json &a : member(sp, "annotations"))
            rec.events.push_back(
                {-1, micros(a, "timestamp") * 1000, stringAt(a, "value"), std::string()});
        b.finish(rec);
        out.push_back(std::move(rec));
    }
}

} // namespace spanscope

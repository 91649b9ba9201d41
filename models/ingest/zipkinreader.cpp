#include "zipkinreader.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"
#include "oteljson.h"

#include <set>

namespace spanscope {

namespace {

using json = nlohmann::json;
using jsonfile::stringAt;

std::int64_t micros(const json &o, const char *k) {
    const auto it = o.find(k);
    if (it == o.end()) return 0;
    if (it->is_number()) return static_cast<std::int64_t>(it->get<double>());
    return 0;
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
        const auto traceId =
            sp.is_object() ? oteljson::normaliseId(stringAt(sp, "traceId"), 16) : std::nullopt;
        const auto spanId =
            sp.is_object() ? oteljson::normaliseId(stringAt(sp, "id"), 8) : std::nullopt;
        const std::int64_t ts = sp.is_object() ? micros(sp, "timestamp") : 0;
        if (!traceId || !spanId || ts == 0) { // Zipkin treats 0 as absent
            report.warn("bad-span", name + ": span [" + std::to_string(i) +
                                        "] has no valid traceId, id or timestamp; skipped");
            continue;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        s.name = stringAt(sp, "name");
        s.startNs = ts * 1000;
        const std::int64_t duration = micros(sp, "duration");
        s.endNs = s.startNs + duration * 1000;
        if (duration == 0) s.flags |= SpanUnfinished;
        if (const auto parent = oteljson::normaliseId(stringAt(sp, "parentId"), 8))
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
        for (const json &a : sp.value("annotations", json::array()))
            rec.events.push_back(
                {-1, micros(a, "timestamp") * 1000, stringAt(a, "value"), std::string()});
        b.finish(rec);
        out.push_back(std::move(rec));
    }
}

} // namespace spanscope

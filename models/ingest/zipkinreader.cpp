#include "zipkinreader.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"
#include "oteljson.h"

#include <QDir>
#include <QFileInfo>
#include <set>

namespace spanscope {

namespace {

using json = nlohmann::json;

std::string str(const json &o, const char *k) {
    const auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t micros(const json &o, const char *k) {
    const auto it = o.find(k);
    if (it == o.end()) return 0;
    if (it->is_number()) return static_cast<std::int64_t>(it->get<double>());
    return 0;
}

} // namespace

void ZipkinReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    const QString path = m_source.files.value(0);
    progress.addTotal(QFileInfo(path).size());
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    const json doc = jsonfile::read(path, name, &progress);
    if (!doc.is_array())
        throw IngestError(name, "", "not Zipkin v2 JSON: the top level is not an array of spans");
    // The (trace, id) pairs that have an unshared half, so shared halves know their parent.
    std::set<std::pair<std::string, std::string>> unshared;
    for (const json &sp : doc)
        if (sp.is_object() && !sp.value("shared", false))
            unshared.insert({str(sp, "traceId"), str(sp, "id")});
    ImportBatch batch;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json &sp = doc[i];
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        const auto traceId =
            sp.is_object() ? oteljson::normaliseId(str(sp, "traceId"), 16) : std::nullopt;
        const auto spanId = sp.is_object() ? oteljson::normaliseId(str(sp, "id"), 8) : std::nullopt;
        const std::int64_t ts = sp.is_object() ? micros(sp, "timestamp") : 0;
        if (!traceId || !spanId || ts == 0) { // Zipkin treats 0 as absent
            report.warn("bad-span", name + ": span [" + std::to_string(i) +
                                        "] has no valid traceId, id or timestamp; skipped");
            continue;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        s.name = str(sp, "name");
        s.startNs = ts * 1000;
        const std::int64_t duration = micros(sp, "duration");
        s.endNs = s.startNs + duration * 1000;
        if (duration == 0) s.flags |= SpanUnfinished;
        if (const auto parent = oteljson::normaliseId(str(sp, "parentId"), 8))
            rec.parentKey = *parent;
        if (sp.value("shared", false) && unshared.count({str(sp, "traceId"), str(sp, "id")})) {
            rec.parentKey = s.key;
            s.key += "-server";
        }
        FlatSpanBuilder b;
        const json tags = sp.value("tags", json::object()); // items() must not outlive it
        for (const auto &[key, value] : tags.items()) {
            if (key == "error") s.flags |= SpanError;
            b.attribute(key, value);
        }
        if (!str(sp, "kind").empty()) b.extra("otel.span_kind", str(sp, "kind"));
        if (sp.contains("localEndpoint") && !str(sp["localEndpoint"], "serviceName").empty())
            b.extra("service.name", str(sp["localEndpoint"], "serviceName"));
        if (sp.contains("remoteEndpoint")) b.extra("zipkin.remote_endpoint", sp["remoteEndpoint"]);
        for (const json &a : sp.value("annotations", json::array()))
            rec.events.push_back(
                {-1, micros(a, "timestamp") * 1000, str(a, "value"), std::string()});
        b.finish(rec);
        batch.looseSpans.push_back(std::move(rec));
    }
    if (batch.looseSpans.empty()) throw IngestError(name, "", "no spans in the file");
    batch.files.push_back(
        {QFileInfo(path).fileName().toStdString(), "spans", QFileInfo(path).size(), {}});
    sink(std::move(batch));
}

} // namespace spanscope

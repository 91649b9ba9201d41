#include "jaegerreader.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"
#include "oteljson.h"

#include <QDir>
#include <QFileInfo>

namespace spanscope {

namespace {

using json = nlohmann::json;

std::string str(const json &o, const char *k) {
    const auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> micros(const json &o, const char *k) {
    const auto it = o.find(k);
    if (it == o.end()) return std::nullopt;
    if (it->is_number_integer()) return it->get<std::int64_t>();
    if (it->is_number_float()) return static_cast<std::int64_t>(it->get<double>());
    return std::nullopt;
}

// A Jaeger tag's value; int64 may come as a string.
json tagValue(const json &tag) {
    const json v = tag.value("value", json());
    if (str(tag, "type") == "int64" && v.is_string()) {
        try {
            return json(std::stoll(v.get<std::string>()));
        } catch (...) {
        }
    }
    return v;
}

void readTrace(const json &trace, const std::string &name, ImportReport &report,
               ImportBatch &batch) {
    const json processes = trace.value("processes", json::object());
    const json spans = trace.value("spans", json::array());
    if (!spans.is_array())
        throw IngestError(name, "",
                          "'spans' is " + jsonfile::typeName(spans) + ", expected an array");
    for (const json &sp : spans) {
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        const auto traceId = oteljson::normaliseId(str(sp, "traceID"), 16);
        const auto spanId = oteljson::normaliseId(str(sp, "spanID"), 8);
        const auto start = micros(sp, "startTime");
        if (!traceId || !spanId || !start) {
            report.warn("bad-span", name + ": span '" + str(sp, "operationName") +
                                        "' has no valid traceID, spanID or startTime; skipped");
            continue;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        s.name = str(sp, "operationName");
        s.startNs = *start * 1000;
        const auto duration = micros(sp, "duration");
        s.endNs = s.startNs + duration.value_or(0) * 1000;
        if (!duration) s.flags |= SpanUnfinished;
        // Parent: the first CHILD_OF reference, else the first FOLLOWS_FROM; the rest are links.
        json links = json::array();
        std::string parent;
        for (const char *wanted : {"CHILD_OF", "FOLLOWS_FROM"})
            for (const json &ref : sp.value("references", json::array()))
                if (parent.empty() && str(ref, "refType") == wanted &&
                    str(ref, "traceID") == str(sp, "traceID"))
                    parent = str(ref, "spanID");
        for (const json &ref : sp.value("references", json::array()))
            if (str(ref, "spanID") != parent) links.push_back(ref);
        if (parent.empty()) parent = str(sp, "parentSpanID");
        if (!parent.empty()) {
            const auto p = oteljson::normaliseId(parent, 8);
            if (p && *p != std::string(16, '0')) rec.parentKey = *p;
        }
        FlatSpanBuilder b;
        for (const json &tag : sp.value("tags", json::array())) {
            const std::string key = str(tag, "key");
            const json value = tagValue(tag);
            if (key == "error" && (value == json(true) || value == json("true")))
                s.flags |= SpanError;
            b.attribute(key, value);
        }
        json process =
            sp.contains("process") ? sp["process"] : processes.value(str(sp, "processID"), json());
        if (process.is_object() && !str(process, "serviceName").empty())
            b.extra("service.name", str(process, "serviceName"));
        if (!links.empty()) b.extra("otel.links", links);
        for (const json &log : sp.value("logs", json::array())) {
            EventRecord e;
            e.timeNs = micros(log, "timestamp").value_or(0) * 1000;
            json fields = json::object();
            for (const json &f : log.value("fields", json::array())) {
                if (str(f, "key") == "event")
                    e.name = f.value("value", json()).is_string() ? str(f, "value") : "";
                else
                    fields[str(f, "key")] = tagValue(f);
            }
            e.attributesJson = fields.dump(-1, ' ', false, json::error_handler_t::replace);
            rec.events.push_back(std::move(e));
        }
        b.finish(rec);
        batch.looseSpans.push_back(std::move(rec));
    }
}

} // namespace

void JaegerReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    const QString path = m_source.files.value(0);
    progress.addTotal(QFileInfo(path).size());
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    const json doc = jsonfile::read(path, name, &progress);
    ImportBatch batch;
    if (doc.is_object() && doc.contains("data")) {
        if (!doc["data"].is_array())
            throw IngestError(name, "", "'data' is not an array of traces");
        for (const json &trace : doc["data"])
            readTrace(trace, name, report, batch);
    } else if (doc.is_object() && doc.contains("spans")) {
        readTrace(doc, name, report, batch);
    } else {
        throw IngestError(name, "", "not Jaeger JSON: no 'data' array and no 'spans'");
    }
    if (batch.looseSpans.empty()) throw IngestError(name, "", "no spans in the file");
    batch.files.push_back(
        {QFileInfo(path).fileName().toStdString(), "spans", QFileInfo(path).size(), {}});
    sink(std::move(batch));
}

} // namespace spanscope

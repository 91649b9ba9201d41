#include "jaegerreader.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"
#include "oteljson.h"

namespace spanscope {

namespace {

using json = nlohmann::json;
using jsonfile::stringAt;

std::optional<std::int64_t> micros(const json &o, const char *k) {
    const auto it = o.find(k);
    if (it == o.end()) return std::nullopt;
    if (it->is_number_integer()) return it->get<std::int64_t>();
    if (it->is_number_float()) return static_cast<std::int64_t>(it->get<double>());
    return std::nullopt;
}

const json &member(const json &o, const char *k, const json &fallback) {
    if (!o.is_object()) return fallback;
    const auto it = o.find(k);
    return it != o.end() ? *it : fallback;
}

// A Jaeger tag's value; int64 may come as a string.
json tagValue(const json &tag) {
    const json v = tag.value("value", json());
    if (stringAt(tag, "type") == "int64" && v.is_string()) {
        try {
            return json(std::stoll(v.get<std::string>()));
        } catch (...) {
        }
    }
    return v;
}

} // namespace

void JaegerReader::readTrace(const json &trace, const std::string &name, ImportReport &report,
                             std::vector<LooseSpanRecord> &out) {
    static const json noObject = json::object(), noArray = json::array(), none;
    // References into the document, never copies: a trace can be most of the file.
    const json &processes = member(trace, "processes", noObject);
    const json &spans = member(trace, "spans", noArray);
    if (!spans.is_array())
        throw IngestError(name, "",
                          "'spans' is " + jsonfile::typeName(spans) + ", expected an array");
    for (const json &sp : spans) {
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        const auto traceId = oteljson::normaliseId(stringAt(sp, "traceID"), 16);
        const auto spanId = oteljson::normaliseId(stringAt(sp, "spanID"), 8);
        const auto start = micros(sp, "startTime");
        if (!traceId || !spanId || !start) {
            report.warn("bad-span", name + ": span '" + stringAt(sp, "operationName") +
                                        "' has no valid traceID, spanID or startTime; skipped");
            continue;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        s.name = stringAt(sp, "operationName");
        s.startNs = *start * 1000;
        const auto duration = micros(sp, "duration");
        s.endNs = s.startNs + duration.value_or(0) * 1000;
        if (!duration) s.flags |= SpanUnfinished;
        // Parent: the first CHILD_OF reference, else the first FOLLOWS_FROM; the rest are links.
        json links = json::array();
        std::string parent;
        for (const char *wanted : {"CHILD_OF", "FOLLOWS_FROM"})
            for (const json &ref : member(sp, "references", noArray))
                if (parent.empty() && stringAt(ref, "refType") == wanted &&
                    stringAt(ref, "traceID") == stringAt(sp, "traceID"))
                    parent = stringAt(ref, "spanID");
        for (const json &ref : member(sp, "references", noArray))
            if (stringAt(ref, "spanID") != parent) links.push_back(ref);
        if (parent.empty()) parent = stringAt(sp, "parentSpanID");
        if (!parent.empty()) {
            const auto p = oteljson::normaliseId(parent, 8);
            if (p && *p != std::string(16, '0')) rec.parentKey = *p;
        }
        FlatSpanBuilder b;
        for (const json &tag : member(sp, "tags", noArray)) {
            const std::string key = stringAt(tag, "key");
            const json value = tagValue(tag);
            if (key == "error" && (value == json(true) || value == json("true")))
                s.flags |= SpanError;
            b.attribute(key, value);
        }
        const json &process = sp.contains("process")
                                  ? sp["process"]
                                  : member(processes, stringAt(sp, "processID").c_str(), none);
        if (process.is_object() && !stringAt(process, "serviceName").empty())
            b.extra("service.name", stringAt(process, "serviceName"));
        if (!links.empty()) b.extra("otel.links", links);
        for (const json &log : member(sp, "logs", noArray)) {
            EventRecord e;
            e.timeNs = micros(log, "timestamp").value_or(0) * 1000;
            json fields = json::object();
            for (const json &f : member(log, "fields", noArray)) {
                if (stringAt(f, "key") == "event")
                    e.name = f.value("value", json()).is_string() ? stringAt(f, "value") : "";
                else
                    fields[stringAt(f, "key")] = tagValue(f);
            }
            e.attributesJson = fields.dump(-1, ' ', false, json::error_handler_t::replace);
            rec.events.push_back(std::move(e));
        }
        b.finish(rec);
        out.push_back(std::move(rec));
    }
}

void JaegerReader::readDocument(const json &doc, const std::string &name, ImportReport &report,
                                std::vector<LooseSpanRecord> &out) {
    if (doc.is_object() && doc.contains("data")) {
        if (!doc["data"].is_array())
            throw IngestError(name, "", "'data' is not an array of traces");
        for (const json &trace : doc["data"])
            readTrace(trace, name, report, out);
    } else if (doc.is_object() && doc.contains("spans")) {
        readTrace(doc, name, report, out);
    } else {
        throw IngestError(name, "", "not Jaeger JSON: no 'data' array and no 'spans'");
    }
}

} // namespace spanscope

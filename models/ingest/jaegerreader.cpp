#include "jaegerreader.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"
#include "oteljson.h"

#include <algorithm>
#include <limits>

namespace spanscope {

namespace {

using json = nlohmann::json;
using jsonfile::stringAt;

std::optional<std::int64_t> micros(const json &o, const char *k) {
    const auto it = o.find(k);
    if (it == o.end()) return std::nullopt;
    return it->is_number() ? oteljson::int64OfNumber(*it) : std::nullopt;
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

// Times past this (2262, where int64 nanoseconds end) are garbage, not dates.
constexpr std::int64_t maxMicros = std::numeric_limits<std::int64_t>::max() / 1000;

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
    readSpans(spans, processes, name, report, out);
}

void JaegerReader::readSpans(const json &spans, const json &processes, const std::string &name,
                             ImportReport &report, std::vector<LooseSpanRecord> &out) {
    static const json noArray = json::array(), none;
    for (const json &sp : spans) {
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        const auto traceId = oteljson::idOf(stringAt(sp, "traceID"), 16, report, name);
        const auto spanId = oteljson::idOf(stringAt(sp, "spanID"), 8, report, name);
        if (!traceId || !spanId) {
            report.warn("bad-span", name + ": span '" + stringAt(sp, "operationName") +
                                        "' has no valid traceID or spanID; skipped");
            continue;
        }
        rec.traceKey = *traceId;
        s.key = *spanId;
        s.name = stringAt(sp, "operationName");
        const auto start = micros(sp, "startTime");
        const auto duration = micros(sp, "duration");
        if (!start || *start <= 0 || *start > maxMicros) {
            s.flags |= SpanUntimed; // placed when its trace is linked
        } else {
            s.startNs = *start * 1000;
            s.endNs = s.startNs +
                      std::clamp<std::int64_t>(duration.value_or(0), 0, maxMicros - *start) * 1000;
            if (!duration || *duration < 0) s.flags |= SpanUnfinished;
        }
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
            const auto p = oteljson::idOf(parent, 8, report, name);
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
    } else if (doc.is_array()) { // spans with their process each (Jaeger's anonymizer writes it)
        static const json noProcesses = json::object();
        // A trace object by reference would need the array moved into it; read it in place.
        readSpans(doc, noProcesses, name, report, out);
    } else {
        throw IngestError(name, "",
                          "not Jaeger JSON: no 'data' array, no 'spans' and not an array of spans");
    }
}

} // namespace spanscope

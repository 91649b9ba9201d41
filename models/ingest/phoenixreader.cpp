#include "phoenixreader.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"

#include <QDateTime>
#include <cctype>

namespace spanscope {

namespace {
using json = nlohmann::json;
using jsonfile::stringAt;
} // namespace

std::optional<std::int64_t> PhoenixReader::isoToNs(std::string_view text) {
    // Qt parses the date, time and offset; the fraction is read here to keep every digit.
    std::string whole(text);
    std::int64_t fractionNs = 0;
    const auto dot = whole.find('.', 10);
    if (dot != std::string::npos) {
        std::size_t end = dot + 1;
        std::int64_t scale = 100'000'000;
        while (end < whole.size() && std::isdigit(static_cast<unsigned char>(whole[end]))) {
            fractionNs += (whole[end] - '0') * scale;
            scale /= 10;
            ++end;
        }
        whole.erase(dot, end - dot);
    }
    const QDateTime t = QDateTime::fromString(QString::fromStdString(whole), Qt::ISODate);
    if (!t.isValid()) return std::nullopt;
    return t.toSecsSinceEpoch() * 1'000'000'000LL + fractionNs;
}

void PhoenixReader::readDocument(const json &doc, const std::string &name, ImportReport &report,
                                 std::vector<LooseSpanRecord> &out) {
    if (!doc.is_array())
        throw IngestError(name, "", "not Phoenix span JSON: the top level is not an array");
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json &sp = doc[i];
        const json context = sp.is_object() ? sp.value("context", json::object()) : json::object();
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        rec.traceKey = stringAt(context, "trace_id");
        s.key = stringAt(context, "span_id");
        const auto start = isoToNs(stringAt(sp, "start_time"));
        const auto end = isoToNs(stringAt(sp, "end_time"));
        if (rec.traceKey.empty() || s.key.empty() || !start) {
            report.warn("bad-span", name + ": span [" + std::to_string(i) +
                                        "] has no trace_id, span_id or start_time; skipped");
            continue;
        }
        s.name = stringAt(sp, "name");
        s.startNs = *start;
        s.endNs = end.value_or(*start);
        if (!end) s.flags |= SpanUnfinished;
        rec.parentKey = stringAt(sp, "parent_id");
        if (stringAt(sp, "status_code") == "ERROR") s.flags |= SpanError;
        FlatSpanBuilder b;
        if (!stringAt(sp, "span_kind").empty())
            b.attribute("openinference.span.kind", stringAt(sp, "span_kind"));
        const json attributes = sp.value("attributes", json::object());
        for (const auto &[key, value] : attributes.items())
            b.attribute(key, value);
        if (!stringAt(sp, "status_message").empty())
            b.extra("otel.status_message", stringAt(sp, "status_message"));
        for (const json &e : sp.value("events", json::array())) {
            EventRecord ev;
            ev.name = stringAt(e, "name");
            ev.timeNs = isoToNs(stringAt(e, "timestamp")).value_or(s.startNs);
            if (e.contains("attributes"))
                ev.attributesJson =
                    e["attributes"].dump(-1, ' ', false, json::error_handler_t::replace);
            rec.events.push_back(std::move(ev));
        }
        b.finish(rec);
        out.push_back(std::move(rec));
    }
}

} // namespace spanscope

#include "phoenixreader.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "flatspanbuilder.h"
#include "jsonfile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace spanscope {

namespace {
using json = nlohmann::json;

std::string str(const json &o, const char *k) {
    const auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}
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

void PhoenixReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    const QString path = m_source.files.value(0);
    progress.addTotal(QFileInfo(path).size());
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    const json doc = jsonfile::read(path, name, &progress);
    if (!doc.is_array())
        throw IngestError(name, "", "not Phoenix span JSON: the top level is not an array");
    ImportBatch batch;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json &sp = doc[i];
        const json context = sp.is_object() ? sp.value("context", json::object()) : json::object();
        LooseSpanRecord rec;
        SpanRecord &s = rec.span;
        rec.traceKey = str(context, "trace_id");
        s.key = str(context, "span_id");
        const auto start = isoToNs(str(sp, "start_time"));
        const auto end = isoToNs(str(sp, "end_time"));
        if (rec.traceKey.empty() || s.key.empty() || !start) {
            report.warn("bad-span", name + ": span [" + std::to_string(i) +
                                        "] has no trace_id, span_id or start_time; skipped");
            continue;
        }
        s.name = str(sp, "name");
        s.startNs = *start;
        s.endNs = end.value_or(*start);
        if (!end) s.flags |= SpanUnfinished;
        rec.parentKey = str(sp, "parent_id");
        if (str(sp, "status_code") == "ERROR") s.flags |= SpanError;
        FlatSpanBuilder b;
        if (!str(sp, "span_kind").empty())
            b.attribute("openinference.span.kind", str(sp, "span_kind"));
        const json attributes = sp.value("attributes", json::object());
        for (const auto &[key, value] : attributes.items())
            b.attribute(key, value);
        if (!str(sp, "status_message").empty())
            b.extra("otel.status_message", str(sp, "status_message"));
        for (const json &e : sp.value("events", json::array())) {
            EventRecord ev;
            ev.name = str(e, "name");
            ev.timeNs = isoToNs(str(e, "timestamp")).value_or(s.startNs);
            if (e.contains("attributes"))
                ev.attributesJson =
                    e["attributes"].dump(-1, ' ', false, json::error_handler_t::replace);
            rec.events.push_back(std::move(ev));
        }
        b.finish(rec);
        batch.looseSpans.push_back(std::move(rec));
    }
    if (batch.looseSpans.empty()) throw IngestError(name, "", "no spans in the file");
    batch.files.push_back(
        {QFileInfo(path).fileName().toStdString(), "spans", QFileInfo(path).size(), {}});
    sink(std::move(batch));
}

} // namespace spanscope

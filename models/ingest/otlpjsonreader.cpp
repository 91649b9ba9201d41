#include "otlpjsonreader.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "otlpjsonparser.h"

#include <QDir>
#include <QFileInfo>

namespace spanscope {

namespace {
constexpr std::size_t batchSpans = 20000;
constexpr std::size_t batchBytes = 4u << 20;
} // namespace

OtlpJsonReader::OtlpJsonReader(ImportSource source, OtlpMessages::Framing framing)
    : m_source(std::move(source)), m_framing(framing) {}

OtlpJsonReader::~OtlpJsonReader() = default;

bool OtlpJsonReader::tapRawBytes(RawTap tap) {
    m_tap = std::move(tap);
    return m_source.files.size() == 1;
}

void OtlpJsonReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    const QString path = m_source.files.value(0);
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    progress.addTotal(QFileInfo(path).size());
    OtlpMessages messages(path, name, m_framing, progress, report);
    messages.setRawTap(m_tap);
    OtlpJsonParser parser(name, report);
    ImportBatch batch;
    parser.setPayloadText(&batch.payloadText);
    std::size_t bytes = 0;
    std::int64_t parsed = 0, failed = 0, spans = 0;
    std::string firstError;
    OtlpMessages::Message m;
    while (messages.next(m)) {
        try {
            const std::size_t before = batch.looseSpans.size();
            spans += static_cast<std::int64_t>(parser.parse(m, batch.looseSpans));
            // Payloads stay text, end to end in the batch's payloadText: the import compresses
            // them beside the reader (BatchQueue).
            for (std::size_t i = before; i < batch.looseSpans.size(); ++i) {
                const SpanRecord &s = batch.looseSpans[i].span;
                bytes += s.attributesJson.size() + static_cast<std::size_t>(s.payloadRawSize) +
                         s.payloadJson.size() + sizeof(LooseSpanRecord);
            }
            ++parsed;
        } catch (const IngestError &e) {
            // One bad line or frame of many: skip it, keep the rest (formats/otel.md section 8).
            if (m_framing == OtlpMessages::Framing::Document) throw;
            ++failed;
            if (firstError.empty()) firstError = e.what();
            report.warn("bad-message", std::string(e.what()) + "; skipped");
        }
        if (batch.looseSpans.size() >= batchSpans || bytes >= batchBytes) {
            const std::size_t payloadBytes = batch.payloadText.size();
            sink(std::move(batch));
            batch = ImportBatch();
            // At the last batch's size: a string grown by doubling to ~4 MB copied it all once
            // more and touched fresh pages at each step, ~10% of a payload-heavy reader's time.
            if (payloadBytes > 0) batch.payloadText.reserve(payloadBytes + payloadBytes / 8);
            parser.setPayloadText(&batch.payloadText);
            bytes = 0;
        }
    }
    if (parsed == 0 && failed > 0)
        throw IngestError(name, "", "no line could be read; the first: " + firstError);
    if (spans == 0) throw IngestError(name, "", report.nothingImported("no spans in the file"));
    batch.files.push_back(
        {QFileInfo(path).fileName().toStdString(), "spans", QFileInfo(path).size(), {}});
    sink(std::move(batch));
}

} // namespace spanscope

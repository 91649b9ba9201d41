#include "jsondumpreader.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/zstdcodec.h"
#include "jsonfile.h"

#include <QDir>
#include <QFileInfo>

namespace spanscope {

void JsonDumpReader::read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) {
    const QString path = m_source.files.value(0);
    const QFileInfo info(path);
    progress.addTotal(info.size());
    const std::string name = QDir::toNativeSeparators(path).toStdString();
    ImportBatch batch;
    readDocument(jsonfile::read(path, name, &progress, &report), name, report, batch.looseSpans);
    if (batch.looseSpans.empty())
        throw IngestError(name, "", report.nothingImported("no spans in the file"));
    // Compressed here, on the reader's thread, like every other reader's payloads.
    ZstdCodec codec;
    for (LooseSpanRecord &l : batch.looseSpans)
        l.span.compressPayload(codec);
    batch.files.push_back({info.fileName().toStdString(), "spans", info.size(), {}, {}});
    sink(std::move(batch));
}

} // namespace spanscope

#include "jsondumpreader.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
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
    // Payloads stay text: the import compresses them beside the reader (BatchQueue).
    batch.files.push_back({info.fileName().toStdString(), "spans", info.size(), {}});
    sink(std::move(batch));
}

} // namespace spanscope

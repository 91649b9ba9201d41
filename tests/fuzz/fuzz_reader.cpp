// libFuzzer target for one reader, chosen at build time: FUZZ_KIND (an ImportSource::Kind) and
// FUZZ_FILE (the file name the reader is given, e.g. workflow_output.json for the NAT items).
// Any input must give batches or an IngestError, never a crash, a hang or a sanitizer report.
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "fuzzfile.h"
#include "ingest/importsource.h"
#include "ingest/reader.h"
#include "ingest/sniffer.h"

#include <QFileInfo>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace spanscope;
    const QString path = fuzzFile(FUZZ_FILE, data, size);
    ImportSource source;
    source.kind = ImportSource::Kind::FUZZ_KIND;
    source.path =
        source.kind == ImportSource::Kind::NatEval || source.kind == ImportSource::Kind::NatSizing
            ? QFileInfo(path).absolutePath()
            : path;
    source.files = {path};
    source.label = QStringLiteral("fuzz");
    ImportProgress progress;
    ImportReport report;
    try {
        Sniffer::makeReader(source)->read([](ImportBatch &&) {}, progress, report);
    } catch (const IngestError &) {
    }
    return 0;
}

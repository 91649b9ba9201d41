// libFuzzer target for the whole import of one file: the sniffer (format and container: JSON,
// JSON lines, zstd stream, collector frames), whichever reader it picks, the trace linker and
// the workspace writes, into an in-memory workspace.
#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "fuzzfile.h"
#include "store/importer.h"
#include "store/storeerror.h"
#include "store/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace spanscope;
    const QString path = fuzzFile("trace.json", data, size);
    Workspace ws(QStringLiteral(":memory:"));
    ImportProgress progress;
    try {
        Importer(ws).importPath(path, ImportOptions{}, progress);
    } catch (const IngestError &) {
    } catch (const StoreError &) {
    }
    return 0;
}

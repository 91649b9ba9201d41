// libFuzzer target: any bytes given as a workspace file are refused with a StoreError or opened
// and listed, never a crash. The input is a copy in a temporary folder.
#include "fuzzfile.h"
#include "store/storeerror.h"
#include "store/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace spanscope;
    const QString path = fuzzFile("w.spanscope", data, size);
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    try {
        Workspace ws(path);
        for (const RunInfo &r : ws.runs())
            ws.run(r.id);
    } catch (const StoreError &) {
    }
    return 0;
}

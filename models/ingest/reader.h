#pragma once

#include "core/records.h"

#include <functional>

namespace spanscope {

class ImportProgress;
class ImportReport;

using BatchSink = std::function<void(ImportBatch &&)>;

// A reader streams one source into batches. It throws IngestError for input it cannot use and
// ImportCancelled when progress.cancel() was called; warnings go to the report.
class Reader {
public:
    virtual ~Reader() = default;
    virtual void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) = 0;

    // Bytes of the source's one file as read(): a reader that reads its file through, once and
    // in order, hands every chunk to `tap` and returns true; the import's input digest is then
    // made from those bytes instead of a second read of the file beside the import.
    using RawTap = std::function<void(const char *data, std::size_t size)>;
    virtual bool tapRawBytes(RawTap) { return false; }
};

} // namespace spanscope

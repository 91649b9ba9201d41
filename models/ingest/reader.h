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
};

} // namespace spanscope

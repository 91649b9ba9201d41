#pragma once

#include "importsource.h"
#include "reader.h"

namespace spanscope {

// Reads a `nat sizing calc` job folder: calc_runner_output.json (both the current `calc_data`
// / `alerts` keys and the documentation's `per_concurrency_data` / `out_of_range_runs`) into
// sizing points per concurrency and metric, and the fits and GPU estimates into run metrics.
class NatSizingReader : public Reader {
public:
    explicit NatSizingReader(ImportSource source);
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;

private:
    ImportSource m_source;
};

} // namespace spanscope

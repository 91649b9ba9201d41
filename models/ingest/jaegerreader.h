#pragma once

#include "importsource.h"
#include "reader.h"

namespace spanscope {

// Jaeger JSON as its query API and UI download it (`data[].spans`, `processes`, references,
// microsecond times), or one bare trace object (formats/otel.md section 4).
class JaegerReader : public Reader {
public:
    explicit JaegerReader(ImportSource source) : m_source(std::move(source)) {}
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;

private:
    ImportSource m_source;
};

} // namespace spanscope

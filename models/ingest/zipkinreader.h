#pragma once

#include "importsource.h"
#include "reader.h"

namespace spanscope {

// Zipkin v2 JSON: an array of spans with microsecond times (formats/otel.md section 5). A
// CLIENT span and its SERVER half may share one id: the shared server half is kept as its own
// span, with the id "<id>-server" and the client half as its parent.
class ZipkinReader : public Reader {
public:
    explicit ZipkinReader(ImportSource source) : m_source(std::move(source)) {}
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;

private:
    ImportSource m_source;
};

} // namespace spanscope

#pragma once

#include "importsource.h"
#include "otlpmessages.h"
#include "reader.h"

#include <memory>

namespace spanscope {

// Reads OTLP/JSON trace dumps in every container of formats/otel.md section 3 (one document,
// JSON lines, a zstd stream, the collector's zstd frames) and the wrappers of section 3.4
// (Jaeger api_v3 `result`, oteltest `trace_requests[].pbreq`). Accepts lowerCamelCase and
// snake_case names, int64 as strings or numbers, hex or base64 ids, enum numbers or names,
// and the deprecated instrumentationLibrarySpans. Messages are parsed with simdjson's
// on-demand API, one at a time; spans go to the writer loose, to be joined into traces there.
class OtlpJsonReader : public Reader {
public:
    OtlpJsonReader(ImportSource source, OtlpMessages::Framing framing);
    ~OtlpJsonReader() override;
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;
    bool tapRawBytes(RawTap tap) override;

    class Parser; // the simdjson walk, in otlpjsonparser.cpp

private:
    ImportSource m_source;
    OtlpMessages::Framing m_framing;
    RawTap m_tap;
};

} // namespace spanscope

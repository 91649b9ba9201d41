#pragma once

#include "jsondumpreader.h"

namespace spanscope {

// Jaeger JSON as its query API and UI download it (`data[].spans`, `processes`, references,
// microsecond times), one bare trace object, or a bare array of spans each carrying its
// `process` (what Jaeger's anonymizer writes) (formats/otel.md section 4).
class JaegerReader : public JsonDumpReader {
public:
    using JsonDumpReader::JsonDumpReader;

protected:
    void readDocument(const nlohmann::json &doc, const std::string &fileName, ImportReport &report,
                      std::vector<LooseSpanRecord> &out) override;

private:
    void readTrace(const nlohmann::json &trace, const std::string &fileName, ImportReport &report,
                   std::vector<LooseSpanRecord> &out);
    void readSpans(const nlohmann::json &spans, const nlohmann::json &processes,
                   const std::string &fileName, ImportReport &report,
                   std::vector<LooseSpanRecord> &out);
};

} // namespace spanscope

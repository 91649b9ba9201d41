#pragma once

#include "jsondumpreader.h"

namespace spanscope {

// Jaeger JSON as its query API and UI download it (`data[].spans`, `processes`, references,
// microsecond times), or one bare trace object (formats/otel.md section 4).
class JaegerReader : public JsonDumpReader {
public:
    using JsonDumpReader::JsonDumpReader;

protected:
    void readDocument(const nlohmann::json &doc, const std::string &fileName, ImportReport &report,
                      std::vector<LooseSpanRecord> &out) override;

private:
    void readTrace(const nlohmann::json &trace, const std::string &fileName, ImportReport &report,
                   std::vector<LooseSpanRecord> &out);
};

} // namespace spanscope

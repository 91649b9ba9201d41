#pragma once

#include "jsondumpreader.h"

namespace spanscope {

// Zipkin v2 JSON: an array of spans with microsecond times (formats/otel.md section 5). A
// CLIENT span and its SERVER half may share one id: the shared server half is kept as its own
// span, with the id "<id>-server" and the client half as its parent.
class ZipkinReader : public JsonDumpReader {
public:
    using JsonDumpReader::JsonDumpReader;

protected:
    void readDocument(const nlohmann::json &doc, const std::string &fileName, ImportReport &report,
                      std::vector<LooseSpanRecord> &out) override;
};

} // namespace spanscope

#pragma once

#include "importsource.h"
#include "reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spanscope {

// Base of the readers of whole-document trace dumps (Jaeger, Zipkin, Phoenix): API downloads
// and fixtures, small enough to read as one DOM. Reads the file, lets the subclass turn the
// document into loose spans, and hands them on; a file with no span is an error.
class JsonDumpReader : public Reader {
public:
    explicit JsonDumpReader(ImportSource source) : m_source(std::move(source)) {}
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) final;

protected:
    virtual void readDocument(const nlohmann::json &doc, const std::string &fileName,
                              ImportReport &report, std::vector<LooseSpanRecord> &out) = 0;

private:
    ImportSource m_source;
};

} // namespace spanscope

#pragma once

#include "core/records.h"

#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

namespace spanscope {

class ImportProgress;
class ImportReport;
class NatSpanBuilder;

// Reassembles requests from flat streams of NAT steps where the steps of concurrent requests
// interleave: the `file` tracing exporter's JSON lines (grouped by following parent_id up to the
// request's root START) and the profiler's standardized_data_all.csv (grouped by example_number).
// A request is handed on as soon as its root span ends, so memory follows the concurrency, not
// the file size.
class NatStepGrouper {
public:
    using TraceCallback = std::function<void(TraceRecord &&)>;

    NatStepGrouper(std::string displayName, ImportReport &report);
    ~NatStepGrouper();

    void read(const QString &path, ImportProgress &progress, const TraceCallback &onTrace);
    // Files the exporter rolled over, read as one stream in the order given (a request may
    // span two files); messages name the file they are about.
    void readAll(const QStringList &paths, ImportProgress &progress, const TraceCallback &onTrace);
    void readCsv(const QString &path, ImportProgress &progress, const TraceCallback &onTrace);

private:
    struct Group {
        std::unique_ptr<NatSpanBuilder> builder;
        std::string rootUuid;
        std::size_t steps = 0;
    };
    void add(const nlohmann::json &step, const std::string &where, const TraceCallback &onTrace);
    Group &group(int ordinal, const std::string &rootUuid);
    void finish(int ordinal, const TraceCallback &onTrace);
    void finishAll(const TraceCallback &onTrace);
    void readLines(const QString &path, ImportProgress &progress, const TraceCallback &onTrace);

    std::string m_name;
    ImportReport &m_report;
    std::map<int, Group> m_groups;                  // open requests by ordinal
    std::unordered_map<std::string, int> m_groupOf; // step UUID -> request ordinal
    int m_nextOrdinal = 0;
};

} // namespace spanscope

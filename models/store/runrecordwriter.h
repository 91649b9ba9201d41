#pragma once

#include "statement.h"

#include <cstdint>

struct sqlite3;

namespace spanscope {

struct ImportBatch;

// The rows of a run beside its traces and spans: evaluation items and scores, sizing points,
// metrics and the files it came from, each with one prepared statement. Part of BulkWriter's
// transaction.
class RunRecordWriter {
public:
    void prepare(sqlite3 *db);
    void write(const ImportBatch &batch, std::int64_t runId);

private:
    Statement m_item, m_score, m_sizing, m_metric, m_file;
};

} // namespace spanscope

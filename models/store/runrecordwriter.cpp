#include "runrecordwriter.h"

#include "core/records.h"

namespace spanscope {

void RunRecordWriter::prepare(sqlite3 *db) {
    m_item = Statement(db, "INSERT INTO eval_items (run_id, item_key, ordinal, question, "
                           "expected_answer, generated_answer, error, attributes) "
                           "VALUES (?,?,?,?,?,?,?,?)");
    m_score = Statement(db, "INSERT INTO eval_scores (run_id, evaluator, item_key, score, "
                            "reasoning) VALUES (?,?,?,?,?)");
    m_sizing = Statement(db, "INSERT INTO sizing_points (run_id, concurrency, metric, p50, p90, "
                             "p95, mean, samples, extra) VALUES (?,?,?,?,?,?,?,?,?)");
    m_metric = Statement(db, "INSERT INTO run_metrics (run_id, name, value, lower, upper, unit, "
                             "json) VALUES (?,?,?,?,?,?,?)");
    m_file = Statement(db, "INSERT INTO run_files (run_id, relative_path, role, size, content) "
                           "VALUES (?,?,?,?,?)");
}

void RunRecordWriter::write(const ImportBatch &batch, std::int64_t runId) {
    for (const EvalItemRecord &i : batch.evalItems)
        m_item.bind(1, runId)
            .bind(2, std::string_view(i.itemKey))
            .bind(3, i.ordinal)
            .bindTextOrNull(4, i.question)
            .bindTextOrNull(5, i.expectedAnswer)
            .bindTextOrNull(6, i.generatedAnswer)
            .bindTextOrNull(7, i.error)
            .bindTextOrNull(8, i.attributesJson)
            .run();
    for (const EvalScoreRecord &s : batch.evalScores)
        m_score.bind(1, runId)
            .bind(2, std::string_view(s.evaluator))
            .bind(3, std::string_view(s.itemKey))
            .bind(4, s.score)
            .bindTextOrNull(5, s.reasoningJson)
            .run();
    for (const SizingPointRecord &p : batch.sizingPoints)
        m_sizing.bind(1, runId)
            .bind(2, p.concurrency)
            .bind(3, std::string_view(p.metric))
            .bind(4, p.p50)
            .bind(5, p.p90)
            .bind(6, p.p95)
            .bind(7, p.mean)
            .bind(8, p.samples)
            .bindTextOrNull(9, p.extraJson)
            .run();
    for (const RunMetricRecord &m : batch.metrics)
        m_metric.bind(1, runId)
            .bind(2, std::string_view(m.name))
            .bind(3, m.value)
            .bind(4, m.lower)
            .bind(5, m.upper)
            .bindTextOrNull(6, m.unit)
            .bindTextOrNull(7, m.json)
            .run();
    for (const RunFileRecord &f : batch.files) {
        m_file.bind(1, runId)
            .bind(2, std::string_view(f.relativePath))
            .bind(3, std::string_view(f.role))
            .bind(4, f.size);
        if (!f.contentZstd.empty()) m_file.bindBlob(5, f.contentZstd.data(), f.contentZstd.size());
        m_file.run();
    }
}

} // namespace spanscope

#include "leaderboard.h"

#include "analysis/stats.h"
#include "statement.h"
#include "workspace.h"

#include <unordered_map>

namespace spanscope {

std::vector<LeaderboardRow> leaderboard(const Workspace &ws) {
    std::vector<LeaderboardRow> rows;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const RunInfo &r : ws.runs()) {
        index[r.id] = rows.size();
        rows.push_back({r, 0, {}, {}, {}, 0, 0, 0});
    }
    sqlite3 *db = ws.handle();
    {
        Statement st(db, "SELECT run_id, count(*), sum(llm_calls), sum(input_tokens), "
                         "sum(output_tokens) FROM traces GROUP BY run_id");
        while (st.step())
            if (const auto it = index.find(st.int64(0)); it != index.end()) {
                LeaderboardRow &r = rows[it->second];
                r.requests = st.int64(1);
                r.llmCalls = st.int64(2);
                r.inputTokens = st.int64(3);
                r.outputTokens = st.int64(4);
            }
    }
    {
        Statement st(db, "SELECT run_id, end_ns - start_ns FROM traces WHERE start_ns IS NOT "
                         "NULL AND end_ns IS NOT NULL ORDER BY run_id");
        std::int64_t current = -1;
        std::vector<double> durations;
        const auto flush = [&] {
            if (const auto it = index.find(current); it != index.end() && !durations.empty()) {
                std::sort(durations.begin(), durations.end());
                rows[it->second].p50 = stats::percentileSorted(durations, 50);
                rows[it->second].p95 = stats::percentileSorted(durations, 95);
            }
            durations.clear();
        };
        while (st.step()) {
            if (st.int64(0) != current) {
                flush();
                current = st.int64(0);
            }
            durations.push_back(static_cast<double>(st.int64(1)) / 1e9);
        }
        flush();
    }
    {
        Statement st(db, "SELECT run_id, evaluator, avg(score) FROM eval_scores "
                         "GROUP BY run_id, evaluator");
        while (st.step())
            if (const auto it = index.find(st.int64(0)); it != index.end())
                rows[it->second].evaluatorMeans[st.text(1)] = st.real(2);
    }
    return rows;
}

} // namespace spanscope

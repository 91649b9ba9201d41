#include "evalqueries.h"

#include "statement.h"
#include "workspace.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace spanscope {

using nlohmann::json;

std::string itemId(const CompareItem &item) {
    return item.key.empty() ? "#" + std::to_string(item.ordinal + 1) : item.key;
}

std::string reasoningText(const std::string &stored) {
    const json j = json::parse(stored, nullptr, false);
    if (j.is_string()) return j.get<std::string>();
    if (j.is_object())
        for (const char *key : {"reasoning", "explanation", "reason"})
            if (const auto it = j.find(key); it != j.end() && it->is_string())
                return it->get<std::string>();
    return stored;
}

std::vector<EvalItemRow> EvalQueries::items(std::int64_t runId) const {
    sqlite3 *db = m_ws.handle();
    // The run's requests, by item id (several passes repeat an id: taken in order).
    struct Request {
        std::int64_t id, startNs, endNs, in, out, errors;
        bool timed;
    };
    std::vector<std::pair<std::string, Request>> requests;
    {
        Statement st(db,
                     "SELECT id, coalesce(item_key, ''), start_ns, end_ns, input_tokens, "
                     "output_tokens, error_count FROM traces WHERE run_id = ? ORDER BY ordinal");
        st.bind(1, runId);
        while (st.step())
            requests.push_back({st.text(1),
                                {st.int64(0), st.int64(2), st.int64(3), st.int64(4), st.int64(5),
                                 st.int64(6), !st.isNull(2) && !st.isNull(3)}});
    }
    const auto fill = [](CompareItem &item, const Request &r) {
        item.traceId = r.id;
        if (r.timed) item.latency = static_cast<double>(r.endNs - r.startNs) / 1e9;
        item.inputTokens = r.in;
        item.outputTokens = r.out;
        item.errors = r.errors;
    };

    std::vector<EvalItemRow> rows;
    {
        Statement st(db, "SELECT item_key, ordinal, coalesce(question, ''), "
                         "coalesce(expected_answer, ''), coalesce(generated_answer, ''), "
                         "coalesce(error, ''), coalesce(attributes, '') "
                         "FROM eval_items WHERE run_id = ? ORDER BY ordinal");
        st.bind(1, runId);
        while (st.step()) {
            EvalItemRow row;
            row.item.key = st.text(0);
            row.item.ordinal = st.int64(1);
            row.question = st.text(2);
            row.expected = st.text(3);
            row.generated = st.text(4);
            row.error = st.text(5);
            row.attributesJson = st.text(6);
            rows.push_back(std::move(row));
        }
    }
    if (rows.empty()) { // plain traces: the requests are the items
        for (const auto &[key, r] : requests) {
            EvalItemRow row;
            row.item.key = key;
            row.item.ordinal = static_cast<std::int64_t>(rows.size());
            fill(row.item, r);
            rows.push_back(std::move(row));
        }
        return rows;
    }

    std::unordered_map<std::string, std::vector<std::size_t>> requestsByKey;
    for (std::size_t i = 0; i < requests.size(); ++i)
        requestsByKey[requests[i].first].push_back(i);
    std::unordered_map<std::string, std::size_t> used;
    std::unordered_map<std::string, std::vector<std::size_t>> rowsByKey;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EvalItemRow &row = rows[i];
        rowsByKey[row.item.key].push_back(i);
        const auto it = requestsByKey.find(row.item.key);
        std::size_t &k = used[row.item.key];
        if (it != requestsByKey.end() && k < it->second.size())
            fill(row.item, requests[it->second[k++]].second);
    }
    {
        // An evaluator scores each item once per pass: the k-th score of an id goes to the id's
        // k-th item.
        Statement st(db, "SELECT evaluator, item_key, score, coalesce(reasoning, '') "
                         "FROM eval_scores WHERE run_id = ? ORDER BY id");
        st.bind(1, runId);
        std::map<std::pair<std::string, std::string>, std::size_t> seen;
        while (st.step()) {
            const std::string evaluator = st.text(0), key = st.text(1);
            const auto it = rowsByKey.find(key);
            if (it == rowsByKey.end()) continue;
            std::size_t &k = seen[{evaluator, key}];
            if (k >= it->second.size()) continue;
            EvalItemRow &row = rows[it->second[k++]];
            row.item.scores[evaluator] = st.real(2);
            const std::string reasoning = st.text(3);
            if (!reasoning.empty()) row.reasoning[evaluator] = reasoningText(reasoning);
        }
    }
    return rows;
}

namespace {

std::optional<double> number(const json &j, const char *key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

bool flag(const json &j, const char *key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::optional<sizing::LinearFit> storedFit(const std::string &text) {
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    sizing::LinearFit fit;
    fit.slope = number(j, "slope").value_or(0);
    fit.intercept = number(j, "intercept").value_or(0);
    fit.rSquared = number(j, "r_squared").value_or(0);
    if (const auto it = j.find("outliers_removed"); it != j.end() && it->is_array())
        for (const json &c : *it)
            if (c.is_number()) fit.outliersRemoved.push_back(c.get<double>());
    fit.accepted = true; // NAT writes a fit only when it accepted it
    return fit;
}

} // namespace

StoredSizing EvalQueries::sizing(std::int64_t runId) const {
    sqlite3 *db = m_ws.handle();
    StoredSizing s;
    Statement st(db, "SELECT concurrency, metric, p95, coalesce(extra, '{}') FROM sizing_points "
                     "WHERE run_id = ? ORDER BY concurrency, metric");
    st.bind(1, runId);
    while (st.step()) {
        const int c = static_cast<int>(st.int64(0));
        if (s.points.empty() || s.points.back().concurrency != c) {
            s.points.emplace_back();
            s.points.back().concurrency = c;
        }
        StoredSizingPoint &p = s.points.back();
        const bool runtime = st.text(1) == "workflow_runtime";
        (runtime ? p.runtimeP95 : p.latencyP95) = st.optReal(2);
        const json extra = json::parse(st.text(3), nullptr, false);
        if (!extra.is_object()) continue;
        std::vector<double> &items = runtime ? p.runtimeItems : p.latencyItems;
        if (const auto it = extra.find("items"); it != extra.end() && it->is_array())
            for (const json &v : *it)
                if (v.is_number()) items.push_back(v.get<double>());
        const json alerts =
            extra.contains("alerts") ? extra["alerts"] : extra.value("out_of_range_runs", json());
        if (alerts.is_object()) {
            p.natOutlierRuntime = flag(alerts, "outlier_workflow_runtime");
            p.natOutlierLatency = flag(alerts, "outlier_llm_latency");
            if (const auto n = number(alerts, "num_items_greater_than_target_runtime"))
                p.natItemsOverRuntime = static_cast<int>(*n);
            if (const auto n = number(alerts, "num_items_greater_than_target_latency"))
                p.natItemsOverLatency = static_cast<int>(*n);
        }
        const json gpus = extra.value("gpu_estimates", json());
        if (gpus.is_object()) {
            p.natGpusByRuntime = number(gpus, "gpu_estimate_by_wf_runtime");
            p.natGpusByLatency = number(gpus, "gpu_estimate_by_llm_latency");
        }
        const json wf = extra.value("workflow_alerts", json());
        if (wf.is_object()) p.interrupted = flag(wf, "workflow_interrupted");
    }
    Statement m(db, "SELECT name, value, coalesce(json, '') FROM run_metrics WHERE run_id = ? "
                    "AND name LIKE 'sizing.%'");
    m.bind(1, runId);
    while (m.step()) {
        const std::string name = m.text(0);
        if (name == "sizing.gpu_estimate_by_wf_runtime") s.natGpusByRuntime = m.optReal(1);
        if (name == "sizing.gpu_estimate_by_llm_latency") s.natGpusByLatency = m.optReal(1);
        if (name == "sizing.wf_runtime_fit.slope") s.natRuntimeFit = storedFit(m.text(2));
        if (name == "sizing.llm_latency_fit.slope") s.natLatencyFit = storedFit(m.text(2));
    }
    return s;
}

} // namespace spanscope

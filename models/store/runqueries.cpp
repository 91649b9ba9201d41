#include "runqueries.h"

#include "core/category.h"
#include "core/payloadblocks.h"
#include "core/records.h"
#include "core/rundictionary.h"
#include "core/zstdcodec.h"
#include "dictionarydecoder.h"
#include "payloadblockcache.h"
#include "statement.h"
#include "storeerror.h"
#include "workspace.h"

#include <algorithm>
#include <functional>
#include <sqlite3.h>
#include <string_view>
#include <unordered_map>

namespace spanscope {

RunSummaryInput RunQueries::summaryInput(std::int64_t runId) const {
    sqlite3 *db = m_ws.handle();
    RunSummaryInput in;
    {
        Statement st(db, "SELECT end_ns - start_ns FROM traces WHERE run_id = ? AND start_ns IS "
                         "NOT NULL ORDER BY ordinal");
        st.bind(1, runId);
        while (st.step())
            in.requestDurationsNs.push_back(st.int64(0));
    }
    {
        Statement st(db, "SELECT category, count(*), sum(flags & ?), sum(flags & ?) FROM spans "
                         "WHERE run_id = ? GROUP BY category");
        st.bind(1, static_cast<int>(SpanUnfinished))
            .bind(2, static_cast<int>(SpanError))
            .bind(3, runId);
        while (st.step()) {
            const auto c = static_cast<Category>(st.int64(0));
            in.spansByCategory[std::string(categoryName(c))] += st.int64(1);
            in.unfinishedSpans += st.int64(2) / SpanUnfinished;
            in.errorSpans += st.int64(3) / SpanError;
        }
    }
    {
        // Cached and reasoning tokens stay in the attributes (NAT's token_usage keeps them).
        Statement st(db,
                     "SELECT end_ns - start_ns, coalesce(input_tokens, 0), "
                     "coalesce(output_tokens, 0), model, "
                     "coalesce(json_extract(span_attributes(attributes), '$.cached_tokens'), 0), "
                     "coalesce(json_extract(span_attributes(attributes), '$.reasoning_tokens'), 0) "
                     "FROM spans "
                     "WHERE run_id = ? AND category = ? AND (flags & ?) = 0");
        st.bind(1, runId)
            .bind(2, static_cast<int>(Category::Llm))
            .bind(3, static_cast<int>(SpanUnfinished | SpanInnerLlm));
        std::map<std::string, ModelTokens> models;
        while (st.step()) {
            in.llmDurationsNs.push_back(st.int64(0));
            in.inputTokens += st.int64(1);
            in.outputTokens += st.int64(2);
            if (st.isNull(3)) continue;
            ModelTokens &m = models[st.text(3)];
            ++m.calls;
            m.inputTokens += st.int64(1);
            m.outputTokens += st.int64(2);
            m.cachedTokens += st.int64(4);
            m.reasoningTokens += st.int64(5);
        }
        for (auto &[model, m] : models) {
            in.models.push_back(model);
            m.model = model;
            in.modelTokens.push_back(m);
        }
    }
    {
        Statement st(db, "SELECT evaluator, score FROM eval_scores WHERE run_id = ?");
        st.bind(1, runId);
        while (st.step())
            in.evaluatorScores[st.text(0)].push_back(st.real(1));
    }
    {
        Statement st(db, "SELECT name, value, lower, upper, unit FROM run_metrics WHERE run_id = ? "
                         "ORDER BY id");
        st.bind(1, runId);
        const std::string evalPrefix = "eval.", evalSuffix = ".average_score";
        while (st.step()) {
            MetricValue m{st.text(0), st.optReal(1), st.optReal(2), st.optReal(3), st.text(4)};
            if (m.name.rfind(evalPrefix, 0) == 0 &&
                m.name.size() > evalPrefix.size() + evalSuffix.size() &&
                m.name.compare(m.name.size() - evalSuffix.size(), evalSuffix.size(), evalSuffix) ==
                    0 &&
                m.value) {
                const std::string evaluator = m.name.substr(
                    evalPrefix.size(), m.name.size() - evalPrefix.size() - evalSuffix.size());
                in.evaluatorReportedAverage[evaluator] = *m.value;
            }
            in.metrics.push_back(std::move(m));
        }
    }
    {
        Statement st(db, "SELECT concurrency, metric, p50, p90, p95, mean, samples FROM "
                         "sizing_points WHERE run_id = ? ORDER BY metric, concurrency");
        st.bind(1, runId);
        while (st.step())
            in.sizing.push_back({static_cast<int>(st.int64(0)), st.text(1), st.optReal(2),
                                 st.optReal(3), st.optReal(4), st.optReal(5),
                                 static_cast<int>(st.int64(6))});
    }
    return in;
}

namespace {

// Names are looked up by the text SQLite hands out, without making a string per row.
struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

} // namespace

TimelineSpans RunQueries::timelineSpans(std::int64_t runId) const {
    sqlite3 *db = m_ws.handle();
    TimelineSpans out;
    // Trace index by request order; span index by row id (ids of a run are nearly dense).
    std::int64_t firstTrace = 0;
    std::vector<std::int32_t> traceIndex;
    {
        Statement st(db, "SELECT id FROM traces WHERE run_id = ? ORDER BY ordinal, id");
        st.bind(1, runId);
        std::vector<std::int64_t> ids;
        while (st.step())
            ids.push_back(st.int64(0));
        if (ids.empty()) return out;
        firstTrace = *std::min_element(ids.begin(), ids.end());
        traceIndex.assign(
            static_cast<std::size_t>(*std::max_element(ids.begin(), ids.end()) - firstTrace + 1),
            -1);
        for (std::size_t k = 0; k < ids.size(); ++k)
            traceIndex[static_cast<std::size_t>(ids[k] - firstTrace)] =
                static_cast<std::int32_t>(k);
        out.traceCount = static_cast<std::int32_t>(ids.size());
    }
    // The run's spans in row order: a run's rows are one id range (the bulk writer numbers
    // them), so this is a sequential read of the table with no sort and no temporary storage
    // in SQLite; the order by trace and start is made here, in one counting pass.
    std::int64_t lo = 0, hi = -1, n = 0;
    {
        Statement st(db, "SELECT min(id), max(id), count(*) FROM spans WHERE run_id = ?");
        st.bind(1, runId);
        if (st.step() && !st.isNull(0)) {
            lo = st.int64(0);
            hi = st.int64(1);
            n = st.int64(2);
        }
    }
    if (n == 0) return out;
    TimelineSpans raw;
    raw.reserve(static_cast<std::size_t>(n));
    std::vector<std::int64_t> parentIds;
    parentIds.reserve(static_cast<std::size_t>(n));
    std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> nameIds;
    {
        Statement st(db, "SELECT id, trace_id, coalesce(parent_id, 0), start_ns, end_ns, "
                         "category, flags, name FROM spans WHERE id BETWEEN ? AND ? AND "
                         "run_id = ?");
        st.bind(1, lo).bind(2, hi).bind(3, runId);
        while (st.step()) {
            raw.spanId.push_back(st.int64(0));
            raw.trace.push_back(traceIndex[static_cast<std::size_t>(st.int64(1) - firstTrace)]);
            parentIds.push_back(st.int64(2));
            raw.start.push_back(st.int64(3));
            raw.end.push_back(st.int64(4));
            raw.category.push_back(static_cast<std::uint8_t>(st.int64(5)));
            raw.flags.push_back(static_cast<std::uint8_t>(st.int64(6)));
            const std::string_view name = st.textView(7);
            auto it = nameIds.find(name);
            if (it == nameIds.end()) {
                it =
                    nameIds.emplace(std::string(name), static_cast<std::uint32_t>(out.names.size()))
                        .first;
                out.names.push_back(it->first);
            }
            raw.nameId.push_back(it->second);
        }
    }
    // Order: by trace (counting sort, stable), then by start within each trace.
    const std::size_t count = raw.spanId.size();
    std::vector<std::int32_t> order(count);
    {
        std::vector<std::int32_t> offset(static_cast<std::size_t>(out.traceCount) + 1, 0);
        for (const std::int32_t t : raw.trace)
            ++offset[static_cast<std::size_t>(t) + 1];
        for (std::size_t t = 1; t < offset.size(); ++t)
            offset[t] += offset[t - 1];
        std::vector<std::int32_t> fill(offset.begin(), offset.end() - 1);
        for (std::size_t i = 0; i < count; ++i)
            order[static_cast<std::size_t>(fill[static_cast<std::size_t>(raw.trace[i])]++)] =
                static_cast<std::int32_t>(i);
        for (std::size_t t = 0; t + 1 < offset.size(); ++t)
            std::stable_sort(order.begin() + offset[t], order.begin() + offset[t + 1],
                             [&](std::int32_t a, std::int32_t b) {
                                 // At equal starts the longer (the parent) first, as the
                                 // timeline lays them out: its sort then has nothing to do.
                                 const auto i = static_cast<std::size_t>(a),
                                            j = static_cast<std::size_t>(b);
                                 if (raw.start[i] != raw.start[j])
                                     return raw.start[i] < raw.start[j];
                                 return raw.end[i] > raw.end[j];
                             });
    }
    const auto gather = [&](auto &dst, const auto &src) {
        dst.resize(count);
        for (std::size_t k = 0; k < count; ++k)
            dst[k] = src[static_cast<std::size_t>(order[k])];
    };
    gather(out.spanId, raw.spanId);
    gather(out.trace, raw.trace);
    gather(out.start, raw.start);
    gather(out.end, raw.end);
    gather(out.category, raw.category);
    gather(out.flags, raw.flags);
    gather(out.nameId, raw.nameId);
    {
        std::vector<std::int64_t> parents;
        gather(parents, parentIds);
        parentIds.swap(parents);
    }
    raw.clear();
    std::vector<std::int32_t> indexOf(static_cast<std::size_t>(hi - lo + 1), -1);
    for (std::size_t i = 0; i < count; ++i)
        indexOf[static_cast<std::size_t>(out.spanId[i] - lo)] = static_cast<std::int32_t>(i);
    out.parent.assign(count, -1);
    for (std::size_t i = 0; i < count; ++i)
        if (parentIds[i] >= lo && parentIds[i] <= hi)
            out.parent[i] = indexOf[static_cast<std::size_t>(parentIds[i] - lo)];
    return out;
}

std::vector<TraceRow> RunQueries::traces(std::int64_t runId) const {
    Statement st(
        m_ws.handle(),
        "SELECT id, ordinal, trace_key, coalesce(name, ''), coalesce(item_key, ''), "
        "coalesce(session_key, ''), coalesce(start_ns, 0), coalesce(end_ns, 0), span_count, "
        "llm_calls, input_tokens, output_tokens, error_count, unfinished_count FROM traces "
        "WHERE run_id = ? ORDER BY ordinal, id");
    st.bind(1, runId);
    std::vector<TraceRow> out;
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5),
                       st.int64(6), st.int64(7), st.int64(8), st.int64(9), st.int64(10),
                       st.int64(11), st.int64(12), st.int64(13)});
    return out;
}

std::string RunQueries::spanPayload(std::int64_t spanId) const {
    Statement st(m_ws.handle(), "SELECT data, raw_size FROM span_payloads WHERE span_id = ?");
    st.bind(1, spanId);
    if (!st.step()) return {};
    const std::string blob = st.blob(0);
    if (const auto ref = PayloadBlocks::parse(blob)) {
        const auto size = static_cast<std::size_t>(st.int64(1));
        Statement block(m_ws.handle(), "SELECT data FROM payload_blocks WHERE id = ?");
        block.bind(1, ref->block);
        if (!block.step())
            throw StoreError("span " + std::to_string(spanId) + ": its payload's block " +
                             std::to_string(ref->block) + " is missing");
        const auto limit =
            static_cast<std::size_t>(sqlite3_limit(m_ws.handle(), SQLITE_LIMIT_LENGTH, -1));
        const std::string_view text = m_ws.payloadBlocks().text(block.blob(0), limit);
        const auto offset = static_cast<std::size_t>(ref->offset);
        if (offset > text.size() || size > text.size() - offset)
            throw StoreError("span " + std::to_string(spanId) +
                             ": its payload lies past the end "
                             "of its block");
        return std::string(text.substr(offset, size));
    }
    if (RunDictionary::header(blob).runId >= 0)
        return std::string(m_ws.dictionaryDecoder().decode(m_ws.handle(), blob));
    ZstdCodec codec; // compressed without a dictionary: a bare zstd frame
    return codec.decompress(blob);
}

std::optional<SpanDetail> RunQueries::spanDetail(std::int64_t spanId) const {
    Statement st(m_ws.handle(),
                 "SELECT s.id, s.name, s.span_key, coalesce(s.parent_key, ''), t.trace_key, "
                 "s.category, s.start_ns, s.end_ns, s.flags, coalesce(s.model, ''), "
                 "coalesce(s.input_tokens, -1), coalesce(s.output_tokens, -1), s.chunk_count, "
                 "coalesce(s.first_chunk_ns, 0), coalesce(span_attributes(s.attributes), ''), "
                 "(SELECT raw_size FROM span_payloads WHERE span_id = s.id), "
                 "coalesce(t.item_key, ''), coalesce(t.start_ns, 0) "
                 "FROM spans s JOIN traces t ON t.id = s.trace_id WHERE s.id = ?");
    st.bind(1, spanId);
    if (!st.step()) return std::nullopt;
    SpanDetail d;
    d.id = st.int64(0);
    d.name = st.text(1);
    d.spanKey = st.text(2);
    d.parentKey = st.text(3);
    d.traceKey = st.text(4);
    d.category = static_cast<int>(st.int64(5));
    d.startNs = st.int64(6);
    d.endNs = st.int64(7);
    d.flags = static_cast<int>(st.int64(8));
    d.model = st.text(9);
    d.inputTokens = st.int64(10);
    d.outputTokens = st.int64(11);
    d.chunkCount = st.int64(12);
    d.firstChunkNs = st.int64(13);
    d.attributesJson = st.text(14);
    d.hasPayload = !st.isNull(15);
    d.payloadBytes = d.hasPayload ? st.int64(15) : 0;
    d.traceItemKey = st.text(16);
    d.traceStartNs = st.int64(17);
    Statement ev(m_ws.handle(), "SELECT time_ns, name, coalesce(attributes, '') FROM events "
                                "WHERE span_id = ? ORDER BY time_ns, id");
    ev.bind(1, spanId);
    while (ev.step())
        d.events.push_back({ev.int64(0), ev.text(1), ev.text(2)});
    return d;
}

namespace {

// A LIKE pattern for "contains `text`", escaped so a user's % and _ match themselves.
std::string containsPattern(const std::string &text) {
    std::string pattern = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + '%';
}

// What a span search matches: its name, model and attributes.
constexpr const char *spanMatches =
    "(name LIKE ?2 ESCAPE '\\' OR "
    "coalesce(model, '') LIKE ?2 ESCAPE '\\' OR "
    "coalesce(span_attributes(attributes), '') LIKE ?2 ESCAPE '\\')";

} // namespace

namespace {

// The first column of `select` (one ending in "WHERE run_id = ? AND <spanMatches> ORDER BY
// ..."), for the run and a "contains `text`" search.
std::vector<std::int64_t> idsMatching(sqlite3 *db, const std::string &select, std::int64_t runId,
                                      const std::string &text) {
    Statement st(db, select);
    st.bind(1, runId);
    const std::string pattern = containsPattern(text);
    st.bind(2, std::string_view(pattern));
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

} // namespace

std::vector<std::int64_t> RunQueries::searchSpans(std::int64_t runId,
                                                  const std::string &text) const {
    return idsMatching(m_ws.handle(),
                       std::string("SELECT id FROM spans WHERE run_id = ? AND ") + spanMatches +
                           " ORDER BY id",
                       runId, text);
}

std::vector<std::int64_t> RunQueries::tracesWithSpansMatching(std::int64_t runId,
                                                              const std::string &text) const {
    return idsMatching(m_ws.handle(),
                       std::string("SELECT DISTINCT trace_id FROM spans WHERE run_id = ? AND ") +
                           spanMatches + " ORDER BY trace_id",
                       runId, text);
}

} // namespace spanscope

namespace spanscope {

namespace {

// Trace row id -> index of the trace in request order.
std::unordered_map<std::int64_t, std::int32_t> traceIndexes(sqlite3 *db, std::int64_t runId) {
    Statement st(db, "SELECT id FROM traces WHERE run_id = ? ORDER BY ordinal, id");
    st.bind(1, runId);
    std::unordered_map<std::int64_t, std::int32_t> out;
    while (st.step())
        out.emplace(st.int64(0), static_cast<std::int32_t>(out.size()));
    return out;
}

std::int32_t clampTokens(std::int64_t v) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(v, 0, INT32_MAX));
}

} // namespace

SpanTokens RunQueries::spanTokens(std::int64_t runId, const TimelineSpans &spans) const {
    SpanTokens out;
    if (spans.size() == 0) return out;
    out.input.assign(spans.size(), 0);
    out.output.assign(spans.size(), 0);
    const auto [lo, hi] = std::minmax_element(spans.spanId.begin(), spans.spanId.end());
    std::vector<std::int32_t> indexOf(static_cast<std::size_t>(*hi - *lo + 1), -1);
    for (std::size_t i = 0; i < spans.size(); ++i)
        indexOf[static_cast<std::size_t>(spans.spanId[i] - *lo)] = static_cast<std::int32_t>(i);
    Statement st(m_ws.handle(),
                 "SELECT id, coalesce(input_tokens, 0), coalesce(output_tokens, 0) FROM spans "
                 "WHERE id BETWEEN ? AND ? AND run_id = ? AND (flags & ?) = 0 AND "
                 "(input_tokens IS NOT NULL OR output_tokens IS NOT NULL)");
    st.bind(1, *lo).bind(2, *hi).bind(3, runId).bind(4, static_cast<int>(SpanInnerLlm));
    while (st.step()) {
        const std::int32_t i = indexOf[static_cast<std::size_t>(st.int64(0) - *lo)];
        if (i < 0) continue;
        out.input[static_cast<std::size_t>(i)] = clampTokens(st.int64(1));
        out.output[static_cast<std::size_t>(i)] = clampTokens(st.int64(2));
    }
    return out;
}

std::vector<LlmCallSample> RunQueries::llmCalls(std::int64_t runId) const {
    sqlite3 *db = m_ws.handle();
    const auto traceIndex = traceIndexes(db, runId);
    Statement st(
        db,
        "SELECT id, trace_id, start_ns, end_ns, coalesce(model, ''), "
        "coalesce(input_tokens, -1), coalesce(output_tokens, -1), "
        "coalesce(json_extract(span_attributes(attributes), '$.cached_tokens'), 0), "
        "coalesce(json_extract(span_attributes(attributes), '$.reasoning_tokens'), 0) FROM spans "
        "WHERE run_id = ? AND category = ? AND (flags & ?) = 0 ORDER BY start_ns, id");
    st.bind(1, runId)
        .bind(2, static_cast<int>(Category::Llm))
        .bind(3, static_cast<int>(SpanInnerLlm));
    std::vector<LlmCallSample> out;
    while (st.step()) {
        LlmCallSample c;
        c.spanId = st.int64(0);
        const auto t = traceIndex.find(st.int64(1));
        c.trace = t == traceIndex.end() ? -1 : t->second;
        c.startNs = st.int64(2);
        c.endNs = st.int64(3);
        c.model = st.text(4);
        c.inputTokens = st.int64(5);
        c.outputTokens = st.int64(6);
        c.cachedTokens = st.int64(7);
        c.reasoningTokens = st.int64(8);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<RequestSample> requestSamples(const std::vector<TraceRow> &rows) {
    std::vector<RequestSample> out;
    out.reserve(rows.size());
    std::int32_t index = 0;
    for (const TraceRow &t : rows) {
        RequestSample r;
        r.trace = index++;
        r.startNs = t.startNs;
        r.endNs = std::max(t.endNs, t.startNs);
        r.session = t.sessionKey;
        r.tokens = t.inputTokens + t.outputTokens;
        r.errors = t.errors;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<NatCall> RunQueries::natCalls(std::int64_t runId, bool withFunctions) const {
    sqlite3 *db = m_ws.handle();
    const auto traceIndex = traceIndexes(db, runId);
    Statement st(
        db,
        "SELECT trace_id, span_key, name, start_ns, end_ns, flags, "
        "coalesce(json_extract(span_attributes(attributes), '$.\"nat.event_kind\"'), ''), "
        "coalesce(json_extract(span_attributes(attributes), '$.function_name'), ''), category, id "
        "FROM spans WHERE run_id = ? AND category IN (?, ?, ?, ?) ORDER BY id");
    st.bind(1, runId)
        .bind(2, static_cast<int>(Category::Llm))
        .bind(3, static_cast<int>(Category::Tool))
        .bind(4, static_cast<int>(Category::Function))
        .bind(5, static_cast<int>(Category::Other));
    std::vector<NatCall> out;
    while (st.step()) {
        std::string kind = st.text(6);
        const auto category = static_cast<Category>(st.int64(8));
        if (kind.empty()) // spans rebuilt from END steps carry their kind in the category
            kind = category == Category::Llm        ? "LLM"
                   : category == Category::Tool     ? "TOOL"
                   : category == Category::Function ? "FUNCTION"
                                                    : "";
        if (kind == "SPAN") kind = "FUNCTION";
        if (kind != "LLM" && kind != "TOOL" && !(withFunctions && kind == "FUNCTION")) continue;
        NatCall c;
        const auto t = traceIndex.find(st.int64(0));
        c.request = t == traceIndex.end() ? -1 : t->second;
        c.key = st.text(1);
        c.kind = kind;
        c.name = st.text(2);
        if (kind == "FUNCTION" && !st.text(7).empty()) c.name = st.text(7);
        c.startNs = st.int64(3);
        c.endNs = st.int64(4);
        c.ended = (st.int64(5) & SpanUnfinished) == 0;
        c.order = st.int64(9);
        c.spanId = st.int64(9);
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<std::string> RunQueries::runFile(std::int64_t runId, const std::string &name) const {
    Statement st(m_ws.handle(), "SELECT content FROM run_files WHERE run_id = ? AND "
                                "relative_path = ? AND content IS NOT NULL ORDER BY id LIMIT 1");
    st.bind(1, runId);
    st.bind(2, std::string_view(name));
    if (!st.step()) return std::nullopt;
    ZstdCodec codec;
    return codec.decompress(st.blob(0));
}

std::vector<RunQueries::FileRow> RunQueries::runFiles(std::int64_t runId) const {
    Statement st(m_ws.handle(), "SELECT relative_path, role, size FROM run_files WHERE run_id = ? "
                                "ORDER BY relative_path, id");
    st.bind(1, runId);
    std::vector<FileRow> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.int64(2)});
    return out;
}

std::vector<std::string> RunQueries::spanKeys(const std::vector<std::int64_t> &spanIds) const {
    Statement st(m_ws.handle(), "SELECT span_key FROM spans WHERE id = ?");
    std::vector<std::string> out;
    out.reserve(spanIds.size());
    for (const std::int64_t id : spanIds) {
        st.reset();
        st.bind(1, id);
        out.push_back(st.step() ? st.text(0) : std::string());
    }
    return out;
}

std::optional<double> RunQueries::metric(std::int64_t runId, const std::string &name) const {
    Statement st(m_ws.handle(),
                 "SELECT value FROM run_metrics WHERE run_id = ? AND name = ? ORDER BY id LIMIT 1");
    st.bind(1, runId);
    st.bind(2, std::string_view(name));
    if (!st.step()) return std::nullopt;
    return st.optReal(0);
}

} // namespace spanscope

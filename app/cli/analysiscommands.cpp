#include "analysiscommands.h"

#include "analysis/callstacks.h"
#include "analysis/concurrency.h"
#include "analysis/criticalpath.h"
#include "analysis/requeststats.h"
#include "analysis/spantree.h"
#include "clicommands.h"
#include "clisupport.h"
#include "store/runqueries.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace spanscope::cli {

namespace {

using json = nlohmann::json;

double secs(double ns) {
    return ns / 1e9;
}

// One subcommand's common frame: options, the run, errors from the workspace.
template <typename Body>
int withRun(const char *name, QCommandLineParser &p, const QStringList &args,
            const QStringList &formats, Body body) {
    p.addOption({QStringLiteral("format"), formats.join(QStringLiteral(", ")) + QStringLiteral("."),
                 QStringLiteral("FORMAT"), formats.first()});
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id or label."));
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    const QString format = p.value(QStringLiteral("format"));
    if (p.positionalArguments().size() != 1 || !formats.contains(format)) {
        err(std::string("spanscope-cli ") + name + ": give one RUN and --format " +
            formats.join(QStringLiteral("|")).toStdString());
        return Usage;
    }
    try {
        const auto ws = openWorkspace(p);
        const auto run = findRun(*ws, p.positionalArguments().first().toStdString());
        if (!run) return BadInput;
        return body(*ws, *run, format.toStdString());
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
}

bool positiveInt(const QCommandLineParser &p, const QString &option, int &value) {
    if (!p.isSet(option)) return true;
    bool ok = false;
    value = p.value(option).toInt(&ok);
    return ok && value > 0;
}

std::string pad(const std::string &s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

} // namespace

int runStacks(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("weight"),
                 QStringLiteral("total, self, wall, calls or tokens (default total)."),
                 QStringLiteral("WEIGHT"), QStringLiteral("total")});
    return withRun(
        "stacks", p, args,
        {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("collapsed")},
        [&](Workspace &ws, const RunInfo &run, const std::string &format) {
            StackWeight weight;
            if (!stackWeightFromName(p.value(QStringLiteral("weight")).toStdString(), weight)) {
                err("spanscope-cli stacks: --weight must be total, self, wall, calls or tokens");
                return int(Usage);
            }
            const RunQueries q(ws);
            const TimelineSpans spans = q.timelineSpans(run.id);
            const SpanTokens tokens = q.spanTokens(run.id, spans);
            const StackTree tree = buildStacks(spans, &tokens);
            const std::vector<std::int32_t> order = tree.depthFirst();
            const bool timeWeight = weight == StackWeight::Total || weight == StackWeight::Self ||
                                    weight == StackWeight::Wall;
            if (format == "collapsed") {
                std::string text;
                for (const std::int32_t n : order) {
                    const double v = ownValue(tree.nodes[static_cast<std::size_t>(n)], weight);
                    const auto value =
                        static_cast<long long>(std::llround(timeWeight ? v / 1e3 : v));
                    if (value > 0) text += tree.path(n) + " " + std::to_string(value) + "\n";
                }
                out(text);
                return int(Ok);
            }
            if (format == "json") {
                json j = json::array();
                for (const std::int32_t n : order) {
                    const StackNode &s = tree.nodes[static_cast<std::size_t>(n)];
                    j.push_back({{"path", tree.path(n)},
                                 {"depth", s.depth},
                                 {"calls", s.calls},
                                 {"total_s", secs(static_cast<double>(s.totalNs))},
                                 {"self_s", secs(static_cast<double>(s.selfNs))},
                                 {"wall_s", secs(s.wallNs)},
                                 {"mean_s", secs(s.meanNs())},
                                 {"p50_s", secs(static_cast<double>(s.p50Ns))},
                                 {"p95_s", secs(static_cast<double>(s.p95Ns))},
                                 {"max_s", secs(static_cast<double>(s.maxNs))},
                                 {"input_tokens", s.inputTokens},
                                 {"output_tokens", s.outputTokens},
                                 {"max_concurrency", s.maxConcurrency},
                                 {"errors", s.errors}});
                }
                out(j.dump(2) + "\n");
                return int(Ok);
            }
            std::string text = "call paths of run " + std::to_string(run.id) + " '" + run.label +
                               "', heaviest first (total = sum of the calls' durations, self = "
                               "less their children's union)\n";
            text += "    total s     self s   calls    p50 s    p95 s    max s    tokens  path\n";
            for (const std::int32_t n : order) {
                const StackNode &s = tree.nodes[static_cast<std::size_t>(n)];
                text += pad(fixed(secs(static_cast<double>(s.totalNs)), 3), 11) +
                        pad(fixed(secs(static_cast<double>(s.selfNs)), 3), 11) +
                        pad(std::to_string(s.calls), 8) +
                        pad(fixed(secs(static_cast<double>(s.p50Ns)), 3), 9) +
                        pad(fixed(secs(static_cast<double>(s.p95Ns)), 3), 9) +
                        pad(fixed(secs(static_cast<double>(s.maxNs)), 3), 9) +
                        pad(std::to_string(s.tokens()), 10) + "  " +
                        std::string(static_cast<std::size_t>(s.depth) * 2, ' ') +
                        tree.names[s.nameId] + "\n";
            }
            out(text);
            return int(Ok);
        });
}

int runConcurrency(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("threshold"),
                 QStringLiteral("Spike threshold in calls (default: the run's NAT "
                                "spike_threshold, else 7)."),
                 QStringLiteral("N")});
    return withRun(
        "concurrency", p, args, {QStringLiteral("text"), QStringLiteral("json")},
        [&](Workspace &ws, const RunInfo &run, const std::string &format) {
            const RunQueries q(ws);
            const std::optional<double> natThreshold =
                q.metric(run.id, "profiler.spikes.threshold");
            int threshold = natThreshold ? static_cast<int>(*natThreshold) : 7;
            if (!positiveInt(p, QStringLiteral("threshold"), threshold)) {
                err("spanscope-cli concurrency: --threshold must be a positive whole number");
                return int(Usage);
            }
            const TimelineSpans spans = q.timelineSpans(run.id);
            const std::vector<ConcurrencyCall> calls = llmAndToolCalls(spans);
            const ConcurrencyProfile profile = concurrencyProfile(calls);
            const auto intervals = spikeIntervals(profile, threshold);
            const auto merged = spikes(profile, threshold);
            const std::vector<std::int64_t> spikeCalls = callsPerSpike(calls, merged);
            if (format == "json") {
                const auto active = activeCallsDuring(calls, intervals);
                json j;
                j["calls"] = calls.size();
                j["p50"] = profile.p50;
                j["p90"] = profile.p90;
                j["p95"] = profile.p95;
                j["p99"] = profile.p99;
                j["max"] = profile.maxLevel;
                j["spike_threshold"] = threshold;
                j["time_at_level_s"] = json::object();
                for (const auto &[level, ns] : profile.timeAtLevel)
                    j["time_at_level_s"][std::to_string(level)] = secs(static_cast<double>(ns));
                json iv = json::array();
                for (std::size_t k = 0; k < intervals.size(); ++k) {
                    std::vector<std::int64_t> ids;
                    for (const std::int32_t i : active[k])
                        ids.push_back(spans.spanId[static_cast<std::size_t>(i)]);
                    iv.push_back({{"start_time", epochSeconds(intervals[k].startNs)},
                                  {"end_time", epochSeconds(intervals[k].endNs)},
                                  {"concurrency", intervals[k].level},
                                  {"span_ids", q.spanKeys(ids)}});
                }
                j["spike_intervals"] = std::move(iv);
                json sp = json::array();
                for (std::size_t k = 0; k < merged.size(); ++k) {
                    const ConcurrencySpike &s = merged[k];
                    sp.push_back({{"start_time", epochSeconds(s.startNs)},
                                  {"end_time", epochSeconds(s.endNs)},
                                  {"duration_s", secs(static_cast<double>(s.endNs - s.startNs))},
                                  {"peak", s.peak},
                                  {"calls", spikeCalls[k]}});
                }
                j["spikes"] = std::move(sp);
                if (natThreshold) {
                    json nat;
                    for (const char *k : {"p50", "p90", "p95", "p99"})
                        if (const auto v = q.metric(run.id, std::string("profiler.spikes.") + k +
                                                                "_concurrency"))
                            nat[k] = *v;
                    if (const auto v = q.metric(run.id, "profiler.spikes.count"))
                        nat["spike_intervals"] = *v;
                    nat["spike_threshold"] = *natThreshold;
                    j["nat"] = std::move(nat);
                }
                out(j.dump(2) + "\n");
                return int(Ok);
            }
            std::string text = "LLM and tool calls in flight, run " + std::to_string(run.id) +
                               " '" + run.label + "' (" + std::to_string(calls.size()) +
                               " calls; unfinished calls count as zero-length, as NAT does)\n";
            text += "levels: p50 " + std::to_string(profile.p50) + ", p90 " +
                    std::to_string(profile.p90) + ", p95 " + std::to_string(profile.p95) +
                    ", p99 " + std::to_string(profile.p99) + ", max " +
                    std::to_string(profile.maxLevel) + "\n";
            text += "spike threshold " + std::to_string(threshold) +
                    (p.isSet(QStringLiteral("threshold")) ? " (given)"
                     : natThreshold                       ? " (NAT's)"
                                                          : " (default)") +
                    ": " + std::to_string(merged.size()) + " spikes, " +
                    std::to_string(intervals.size()) + " segments at or above it\n";
            const auto t0 = profile.segments.empty() ? 0 : profile.segments.front().startNs;
            for (std::size_t k = 0; k < merged.size(); ++k) {
                const ConcurrencySpike &s = merged[k];
                text += "  " + std::to_string(k + 1) + ") +" +
                        fixed(secs(static_cast<double>(s.startNs - t0)), 2) + " s for " +
                        fixed(secs(static_cast<double>(s.endNs - s.startNs)), 2) + " s, peak " +
                        std::to_string(s.peak) + ", " + std::to_string(spikeCalls[k]) + " calls\n";
            }
            out(text);
            return int(Ok);
        });
}

int runSlow(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("top"),
                 QStringLiteral("How many requests and sessions (default 10)."),
                 QStringLiteral("N"), QStringLiteral("10")});
    return withRun(
        "slow", p, args, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("md")},
        [&](Workspace &ws, const RunInfo &run, const std::string &format) {
            int top = 10;
            if (!positiveInt(p, QStringLiteral("top"), top)) {
                err("spanscope-cli slow: --top must be a positive whole number");
                return int(Usage);
            }
            const RunQueries q(ws);
            const std::vector<TraceRow> rows = q.traces(run.id);
            const std::vector<RequestSample> requests = requestSamples(rows);
            const TimelineSpans spans = q.timelineSpans(run.id);
            const SpanChildren children = SpanChildren::build(spans);
            std::vector<std::pair<std::int32_t, std::int32_t>> rangeOf(rows.size(), {0, 0});
            for (const auto &r : traceRanges(spans))
                rangeOf[static_cast<std::size_t>(spans.trace[static_cast<std::size_t>(r.first)])] =
                    r;
            std::vector<double> latencies;
            for (const RequestSample &r : requests)
                latencies.push_back(static_cast<double>(r.latencyNs()));
            const LatencySpread spread = latencySpread(latencies);

            json j;
            j["latency"] = {
                {"requests", requests.size()}, {"median_s", secs(spread.medianNs)},
                {"p95_s", secs(spread.p95Ns)}, {"q1_s", secs(spread.q1Ns)},
                {"q3_s", secs(spread.q3Ns)},   {"outlier_above_s", secs(spread.fenceNs)}};
            json reqs = json::array();
            for (const std::int32_t k : slowestRequests(requests, static_cast<std::size_t>(top))) {
                const RequestSample &r = requests[static_cast<std::size_t>(k)];
                const TraceRow &row = rows[static_cast<std::size_t>(k)];
                const auto [first, last] = rangeOf[static_cast<std::size_t>(r.trace)];
                const CriticalPath cp = criticalPath(spans, children, first, last);
                std::vector<std::int64_t> ids;
                for (const CriticalSpan &c : cp.spans)
                    ids.push_back(spans.spanId[static_cast<std::size_t>(c.span)]);
                const std::vector<std::string> keys = q.spanKeys(ids);
                json path = json::array();
                for (std::size_t c = 0; c < cp.spans.size(); ++c) {
                    const auto u = static_cast<std::size_t>(cp.spans[c].span);
                    path.push_back(
                        {{"name", spans.names[spans.nameId[u]]},
                         {"span_id", keys[c]},
                         {"self_s", secs(static_cast<double>(cp.spans[c].onPathNs))},
                         {"share", cp.latencyNs > 0 ? static_cast<double>(cp.spans[c].onPathNs) /
                                                          static_cast<double>(cp.latencyNs)
                                                    : 0.0}});
                }
                json item = {{"trace_id", row.key},
                             {"start_time", epochSeconds(r.startNs)},
                             {"latency_s", secs(static_cast<double>(r.latencyNs()))},
                             {"outlier", static_cast<double>(r.latencyNs()) > spread.fenceNs},
                             {"spans", row.spans},
                             {"errors", row.errors},
                             {"critical_path", std::move(path)}};
                if (!row.itemKey.empty()) item["item_id"] = row.itemKey;
                if (!row.sessionKey.empty()) item["session"] = row.sessionKey;
                reqs.push_back(std::move(item));
            }
            j["requests"] = std::move(reqs);
            json sessions = json::array();
            const auto st = sessionStats(requests);
            for (std::size_t k = 0; k < st.size() && k < static_cast<std::size_t>(top); ++k)
                sessions.push_back(
                    {{"session", st[k].session},
                     {"requests", st[k].requests},
                     {"first_start", epochSeconds(st[k].firstStartNs)},
                     {"last_end", epochSeconds(st[k].lastEndNs)},
                     {"summed_latency_s", secs(static_cast<double>(st[k].summedLatencyNs))},
                     {"max_latency_s", secs(static_cast<double>(st[k].maxLatencyNs))},
                     {"tokens", st[k].tokens},
                     {"errors", st[k].errors},
                     {"outlier", st[k].outlier}});
            j["sessions"] = std::move(sessions);
            if (format == "json") {
                out(j.dump(2) + "\n");
                return int(Ok);
            }
            const bool md = format == "md";
            std::string text = md ? "### Slowest requests of run " : "slowest requests of run ";
            text += std::to_string(run.id) + " '" + run.label + "': median " +
                    fixed(secs(spread.medianNs), 2) + " s, p95 " + fixed(secs(spread.p95Ns), 2) +
                    " s, outliers above " + fixed(secs(spread.fenceNs), 2) + " s\n\n";
            if (md) text += "| request | latency s | critical path (share) |\n|---|---:|---|\n";
            for (const json &r : j["requests"]) {
                std::string chain;
                for (const json &c : r["critical_path"]) {
                    if (c["share"].get<double>() < 0.05) continue; // the chain's big links
                    if (!chain.empty()) chain += md ? " → " : " > ";
                    chain += c["name"].get<std::string>() + " (" +
                             fixed(100 * c["share"].get<double>(), 0) + "%)";
                }
                const std::string id = r.contains("item_id") ? r["item_id"].get<std::string>()
                                                             : r["trace_id"].get<std::string>();
                const std::string lat =
                    fixed(r["latency_s"].get<double>(), 2) + (r["outlier"].get<bool>() ? " *" : "");
                text += md ? "| " + id + " | " + lat + " | " + chain + " |\n"
                           : "  " + id + "  " + lat + " s  " + chain + "\n";
            }
            if (!st.empty()) {
                text += md ? "\n### Slowest sessions\n\n| session | requests | summed latency s | "
                             "tokens | errors |\n|---|---:|---:|---:|---:|\n"
                           : "\nslowest sessions (summed latency):\n";
                for (const json &s : j["sessions"]) {
                    const std::string sum = fixed(s["summed_latency_s"].get<double>(), 2) +
                                            (s["outlier"].get<bool>() ? " *" : "");
                    text += md ? "| " + s["session"].get<std::string>() + " | " +
                                     std::to_string(s["requests"].get<int>()) + " | " + sum +
                                     " | " + std::to_string(s["tokens"].get<long long>()) + " | " +
                                     std::to_string(s["errors"].get<long long>()) + " |\n"
                               : "  " + s["session"].get<std::string>() + "  " +
                                     std::to_string(s["requests"].get<int>()) + " requests, " +
                                     sum + " s\n";
                }
            }
            text +=
                md ? "\n\\* outlier (above Q3 + 1.5 IQR)\n" : "* outlier (above Q3 + 1.5 IQR)\n";
            out(text);
            return int(Ok);
        });
}

} // namespace spanscope::cli

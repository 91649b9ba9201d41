// The NAT eval-folder output of the synthetic workload (declared in tracefilewriter.h's
// generate()): all_requests_profiler_traces.json, workflow_output.json, accuracy_output.json.
#include "tracefilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace spanscope::synth {

namespace {

std::string uuid(int request, int index) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012x", static_cast<unsigned>(request),
                  static_cast<unsigned>(index + 1));
    return buf;
}

std::string seconds(std::int64_t ns) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%09lld", static_cast<long long>(ns / 1'000'000'000),
                  static_cast<long long>(ns % 1'000'000'000));
    return buf;
}

const char *natKind(const std::string &kind) {
    if (kind == "LLM") return "LLM";
    if (kind == "TOOL") return "TOOL";
    if (kind == "RETRIEVER") return "RETRIEVER";
    return "FUNCTION";
}

class Writer {
public:
    explicit Writer(const QString &path) : m_file(path) {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write " + path.toStdString());
    }
    void operator()(const std::string &s) {
        if (m_file.write(s.data(), static_cast<qint64>(s.size())) != static_cast<qint64>(s.size()))
            throw std::runtime_error("write failed: " + m_file.errorString().toStdString());
    }
    std::int64_t close() {
        m_file.close();
        return QFileInfo(m_file.fileName()).size();
    }

private:
    QFile m_file;
};

std::string steps(const GenRequest &r) {
    struct Ev {
        std::int64_t t;
        int phase; // 0 START, 1 END
        int order;
        const GenSpan *s;
    };
    std::vector<Ev> evs;
    const int n = static_cast<int>(r.spans.size());
    for (const GenSpan &s : r.spans) {
        evs.push_back({s.startNs, 0, s.index, &s});
        evs.push_back({s.endNs, 1, n - s.index, &s});
    }
    std::sort(evs.begin(), evs.end(), [](const Ev &a, const Ev &b) {
        return std::tie(a.t, a.phase, a.order) < std::tie(b.t, b.phase, b.order);
    });
    // The function a step runs in: the nearest AGENT/CHAIN ancestor (or itself for those).
    const auto function = [&](const GenSpan &s) {
        int i = s.index;
        while (i >= 0 && r.spans[static_cast<std::size_t>(i)].kind != "AGENT" &&
               r.spans[static_cast<std::size_t>(i)].kind != "CHAIN")
            i = r.spans[static_cast<std::size_t>(i)].parent;
        return i < 0 ? 0 : i;
    };
    std::string o;
    bool first = true;
    for (const Ev &e : evs) {
        const GenSpan &s = *e.s;
        const int fn = function(s);
        const GenSpan &f = r.spans[static_cast<std::size_t>(fn)];
        const std::string fid = uuid(r.number, fn);
        const std::string fparent =
            f.parent < 0 ? "root"
                         : uuid(r.number, function(r.spans[static_cast<std::size_t>(f.parent)]));
        o += first ? "\n" : ",\n";
        first = false;
        o += "{\"parent_id\":\"" + (s.parent < 0 ? std::string("root") : uuid(r.number, s.parent)) +
             "\",\"function_ancestry\":{\"function_id\":\"" + fid + "\",\"function_name\":";
        appendJsonString(o, f.name);
        o += ",\"parent_id\":\"" + fparent +
             "\",\"parent_name\":\"root\"},\"payload\":{\"event_type\":\"";
        o += natKind(s.kind);
        o += e.phase == 0 ? "_START" : "_END";
        o += "\",\"event_timestamp\":" + seconds(e.t) + ",\"span_event_timestamp\":" +
             (e.phase == 1 ? seconds(s.startNs) : std::string("null")) +
             ",\"framework\":\"langchain\",\"name\":";
        appendJsonString(o, s.name);
        o += ",\"data\":{\"input\":";
        if (e.phase == 0 && !s.input.empty())
            appendJsonString(o, s.input);
        else
            o += "null";
        o += ",\"output\":";
        if (e.phase == 1 && !s.output.empty())
            appendJsonString(o, s.output);
        else
            o += "null";
        o += "},\"usage_info\":";
        if (e.phase == 1 && s.kind == "LLM")
            o += "{\"token_usage\":{\"prompt_tokens\":" + std::to_string(s.inputTokens) +
                 ",\"completion_tokens\":" + std::to_string(s.outputTokens) +
                 ",\"total_tokens\":" + std::to_string(s.inputTokens + s.outputTokens) +
                 "},\"num_llm_calls\":1}";
        else
            o += "null";
        o += ",\"UUID\":\"" + uuid(r.number, s.index) + "\"}}";
    }
    return o;
}

} // namespace

GenerateResult writeNatEval(const WorkloadOptions &options, const QString &out) {
    if (!QDir().mkpath(out)) throw std::runtime_error("cannot create " + out.toStdString());
    const QDir dir(out);
    Writer traces(dir.filePath(QStringLiteral("all_requests_profiler_traces.json")));
    Writer items(dir.filePath(QStringLiteral("workflow_output.json")));
    std::string scores;
    double scoreSum = 0;
    Workload workload(options);
    GenerateResult result;
    GenRequest r;
    traces("[");
    items("[");
    while (workload.next(r)) {
        const std::string sep = result.requests ? ",\n" : "\n";
        traces(sep + "{\"request_number\":" + std::to_string(r.number) +
               ",\"intermediate_steps\":[" + steps(r) + "]}");
        std::string item = sep + "{\"id\":" + std::to_string(r.number + 1) + ",\"question\":";
        appendJsonString(item, r.spans.front().input);
        item += ",\"answer\":\"reference answer\",\"generated_answer\":";
        appendJsonString(item, r.spans.front().output);
        item += ",\"intermediate_steps\":[]}";
        items(item);
        // A score that falls with the request's length, so slow requests look worse; the length
        // without an injected slowness, so that slowness alone changes no score.
        const double seconds = static_cast<double>(r.baseDurationNs) / 1e9;
        const bool dropped = std::find(options.scoreDropItems.begin(), options.scoreDropItems.end(),
                                       r.number + 1) != options.scoreDropItems.end();
        // Rounded as written, so the reported average is the mean of the written scores.
        const double score =
            std::round(
                std::clamp(1.0 - seconds / 200.0 - (dropped ? options.scoreDrop : 0.0), 0.0, 1.0) *
                100.0) /
            100.0;
        scoreSum += score;
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s{\"id\":%d,\"score\":%.2f,\"reasoning\":\"judged %.2f\"}",
                      result.requests ? "," : "", r.number + 1, score, score);
        scores += buf;
        ++result.requests;
        result.spans += static_cast<std::int64_t>(r.spans.size());
    }
    traces("\n]\n");
    items("\n]\n");
    result.bytes = traces.close() + items.close();
    Writer eval(dir.filePath(QStringLiteral("accuracy_output.json")));
    char avg[64];
    std::snprintf(avg, sizeof avg, "%.4f",
                  result.requests ? scoreSum / static_cast<double>(result.requests) : 0.0);
    eval(std::string("{\"average_score\":") + avg + ",\"eval_output_items\":[" + scores + "]}\n");
    result.bytes += eval.close();
    return result;
}

} // namespace spanscope::synth

#include "tracefilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdio>
#include <queue>
#include <stdexcept>
#include <zstd.h>

namespace spanscope::synth {

namespace {

std::string spanId(int request, int index) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%08x%08x", static_cast<unsigned>(request),
                  static_cast<unsigned>(index + 1));
    return buf;
}

// Output file with the three OTLP containers.
class Output {
public:
    Output(const QString &path, OutputFormat format) : m_file(path), m_format(format) {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                     m_file.errorString().toStdString());
        if (format == OutputFormat::OtlpZstd) {
            m_cctx = ZSTD_createCCtx();
            ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_compressionLevel, 3);
        }
    }
    ~Output() { ZSTD_freeCCtx(m_cctx); }

    void line(const std::string &json) {
        if (m_format == OutputFormat::OtlpJsonLines) {
            write(json.data(), json.size());
            write("\n", 1);
        } else if (m_format == OutputFormat::OtlpZstd) {
            stream(json + "\n", ZSTD_e_continue);
        } else { // the collector: one zstd frame per request behind a big-endian length
            std::string frame(ZSTD_compressBound(json.size()), '\0');
            const std::size_t n =
                ZSTD_compress(frame.data(), frame.size(), json.data(), json.size(), 3);
            const unsigned char len[4] = {
                static_cast<unsigned char>(n >> 24), static_cast<unsigned char>(n >> 16),
                static_cast<unsigned char>(n >> 8), static_cast<unsigned char>(n)};
            write(reinterpret_cast<const char *>(len), 4);
            write(frame.data(), n);
        }
    }
    std::int64_t close() {
        if (m_format == OutputFormat::OtlpZstd) stream(std::string(), ZSTD_e_end);
        m_file.close();
        return QFileInfo(m_file.fileName()).size();
    }

private:
    void write(const char *p, std::size_t n) {
        if (m_file.write(p, static_cast<qint64>(n)) != static_cast<qint64>(n))
            throw std::runtime_error("write failed: " + m_file.errorString().toStdString());
    }
    void stream(const std::string &data, ZSTD_EndDirective mode) {
        ZSTD_inBuffer in{data.data(), data.size(), 0};
        std::string buf(ZSTD_CStreamOutSize(), '\0');
        for (;;) {
            ZSTD_outBuffer out{buf.data(), buf.size(), 0};
            const std::size_t left = ZSTD_compressStream2(m_cctx, &out, &in, mode);
            write(buf.data(), out.pos);
            if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size) break;
        }
    }
    QFile m_file;
    OutputFormat m_format;
    ZSTD_CCtx *m_cctx = nullptr;
};

void appendSpanJson(std::string &o, const GenRequest &r, const GenSpan &s) {
    const auto attr = [&](const char *key, std::string_view value) {
        o += "{\"key\":\"";
        o += key;
        o += "\",\"value\":{\"stringValue\":";
        appendJsonString(o, value);
        o += "}},";
    };
    const auto intAttr = [&](const char *key, std::int64_t v) {
        o += "{\"key\":\"";
        o += key;
        o += "\",\"value\":{\"intValue\":\"" + std::to_string(v) + "\"}},";
    };
    o += "{\"traceId\":\"" + r.traceId + "\",\"spanId\":\"" + spanId(r.number, s.index) + "\"";
    if (s.parent >= 0) o += ",\"parentSpanId\":\"" + spanId(r.number, s.parent) + "\"";
    o += ",\"name\":";
    appendJsonString(o, s.name);
    o += ",\"kind\":1,\"startTimeUnixNano\":\"" + std::to_string(s.startNs) +
         "\",\"endTimeUnixNano\":\"" + std::to_string(s.endNs) + "\",\"attributes\":[";
    attr("openinference.span.kind", s.kind);
    attr("session.id", "session-" + std::to_string(r.session));
    if (!s.model.empty()) {
        attr("llm.model_name", s.model);
        intAttr("llm.token_count.prompt", s.inputTokens);
        intAttr("llm.token_count.completion", s.outputTokens);
        intAttr("llm.token_count.total", s.inputTokens + s.outputTokens);
    }
    if (!s.input.empty()) attr("input.value", s.input);
    if (!s.output.empty()) attr("output.value", s.output);
    o.back() = ']';
    o += s.error ? ",\"status\":{\"code\":2,\"message\":\"tool failed\"}}" : ",\"status\":{}}";
}

GenerateResult writeOtlp(const WorkloadOptions &options, OutputFormat format, const QString &out) {
    Output file(out, format);
    Workload workload(options);
    GenerateResult result;
    // Spans leave in the order they end, as an exporter sends them; a span can leave once a
    // request starting after its end has been made, since no later span can end before that.
    struct Pending {
        std::int64_t end;
        std::int64_t request;
        int index;
        bool operator>(const Pending &o) const { return end > o.end; }
    };
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> heap;
    std::vector<GenRequest> live; // by request number - first live
    std::int64_t firstLive = 0;
    std::vector<int> remaining;
    std::string line;
    int inLine = 0;
    const auto flushLine = [&] {
        if (inLine == 0) return;
        line += "]}]}]}";
        file.line(line);
        line.clear();
        inLine = 0;
    };
    const auto send = [&](const Pending &p) {
        const GenRequest &r = live[static_cast<std::size_t>(p.request - firstLive)];
        if (inLine == 0)
            line =
                "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                "\"value\":"
                "{\"stringValue\":\"deep-research-agent\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":"
                "\"spanscope.synth\",\"version\":\"1\"},\"spans\":[";
        else
            line += ',';
        appendSpanJson(line, r, r.spans[static_cast<std::size_t>(p.index)]);
        if (++inLine == 64) flushLine();
        --remaining[static_cast<std::size_t>(p.request - firstLive)];
        while (!live.empty() && remaining.front() == 0) { // drop finished requests
            live.erase(live.begin());
            remaining.erase(remaining.begin());
            ++firstLive;
        }
    };
    GenRequest r;
    while (workload.next(r)) {
        const std::int64_t start = r.spans.front().startNs;
        while (!heap.empty() && heap.top().end <= start) {
            const Pending p = heap.top();
            heap.pop();
            send(p);
        }
        for (const GenSpan &s : r.spans)
            heap.push({s.endNs, r.number, s.index});
        ++result.requests;
        result.spans += static_cast<std::int64_t>(r.spans.size());
        remaining.push_back(static_cast<int>(r.spans.size()));
        live.push_back(std::move(r));
    }
    while (!heap.empty()) {
        const Pending p = heap.top();
        heap.pop();
        send(p);
    }
    flushLine();
    result.bytes = file.close();
    return result;
}

} // namespace

std::optional<OutputFormat> outputFormatFromName(const std::string &name) {
    if (name == "otlp-jsonl") return OutputFormat::OtlpJsonLines;
    if (name == "otlp-zstd") return OutputFormat::OtlpZstd;
    if (name == "otlp-collector-zstd") return OutputFormat::OtlpCollectorZstd;
    if (name == "nat-eval") return OutputFormat::NatEval;
    return std::nullopt;
}

GenerateResult generate(const WorkloadOptions &options, OutputFormat format, const QString &out) {
    if (format == OutputFormat::NatEval) return writeNatEval(options, out);
    return writeOtlp(options, format, out);
}

QStringList writeDemo(const QString &folder) {
    QDir().mkpath(folder);
    const QString nat = QDir(folder).filePath(QStringLiteral("nat-eval"));
    const QString otel = QDir(folder).filePath(QStringLiteral("rollout.jsonl"));
    WorkloadOptions o;
    if (!QFileInfo::exists(nat)) {
        o.spans = 3000;
        o.sessions = 40;
        o.concurrency = 8;
        writeNatEval(o, nat);
    }
    if (!QFileInfo::exists(otel)) {
        o.spans = 20000;
        o.sessions = 200;
        o.concurrency = 16;
        o.seed = 2;
        generate(o, OutputFormat::OtlpJsonLines, otel);
    }
    return {nat, otel};
}

} // namespace spanscope::synth

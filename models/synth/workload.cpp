#include "workload.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace spanscope::synth {

namespace {
constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t t0 = 1'763'990'400'000'000'000; // 2025-11-24T13:20:00Z
constexpr std::array<const char *, 32> words = {
    "the",      "agent",  "model",    "latency", "tokens",  "cache",   "retrieval", "report",
    "source",   "query",  "GPU",      "batch",   "context", "through", "evidence",  "summary",
    "section",  "memory", "result",   "prompt",  "decode",  "prefill", "search",    "answer",
    "citation", "bench",  "workload", "trace",   "session", "tool",    "plan",      "review"};
constexpr std::array<const char *, 3> models = {"nvidia/llama-3.3-nemotron-super-49b-v1",
                                                "meta/llama-3.3-70b-instruct",
                                                "nvidia/llama-3.1-nemotron-nano-8b-v1"};
} // namespace

void appendJsonString(std::string &out, std::string_view text) {
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

Workload::Workload(const WorkloadOptions &options)
    : m_options(options), m_rng(options.seed),
      m_workerFree(static_cast<std::size_t>(std::max(1, options.concurrency)), t0) {}

std::string Workload::text(std::size_t bytes) {
    std::string s;
    s.reserve(bytes + 16);
    while (s.size() < bytes) {
        s += words[m_rng() % words.size()];
        s += (m_rng() % 11 == 0) ? ". " : " ";
    }
    s.resize(bytes);
    return s;
}

std::string Workload::hex(int digits) {
    static constexpr char d[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < digits; ++i)
        s += d[m_rng() % 16];
    return s;
}

bool Workload::next(GenRequest &out) {
    if (m_spansMade >= m_options.spans) return false;
    out = GenRequest();
    out.number = m_requests++;
    out.session =
        static_cast<int>(m_rng() % static_cast<std::uint64_t>(std::max(1, m_options.sessions)));
    out.traceId = hex(32);
    // The earliest free worker takes the request, after a short think time.
    auto worker = std::min_element(m_workerFree.begin(), m_workerFree.end());
    const std::int64_t start = *worker + uniform(5, 400) * ms;
    const std::mt19937_64 before = m_rng;
    const std::int64_t end = agentRun(out.spans, start, true);
    out.baseDurationNs = end - start;
    if (!m_options.slowName.empty()) {
        // The same request without the injected slowness, from the same random draws.
        const std::mt19937_64 after = m_rng;
        m_rng = before;
        std::vector<GenSpan> base;
        out.baseDurationNs = agentRun(base, start, false) - start;
        m_rng = after;
    }
    *worker = end;
    m_spansMade += static_cast<std::int64_t>(out.spans.size());
    return true;
}

std::int64_t Workload::uniform(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(m_rng() % static_cast<std::uint64_t>(hi - lo + 1));
}

std::int64_t Workload::agentRun(std::vector<GenSpan> &spans, std::int64_t start, bool inject) {
    const auto add = [&](int parent, std::string name, std::string kind, std::int64_t s,
                         std::int64_t e) -> GenSpan & {
        GenSpan g;
        g.index = static_cast<int>(spans.size());
        g.parent = parent;
        g.name = std::move(name);
        g.kind = std::move(kind);
        g.startNs = s;
        g.endNs = e;
        spans.push_back(std::move(g));
        return spans.back();
    };
    // A call's duration, stretched when it is the injected slow one.
    const auto stretch = [&](std::string_view name, std::int64_t duration) {
        if (!inject || m_options.slowName.empty() || name != m_options.slowName) return duration;
        return static_cast<std::int64_t>(static_cast<double>(duration) * m_options.slowFactor);
    };
    const auto llm = [&](int parent, std::int64_t s, const char *model,
                         std::size_t promptBytes) -> std::int64_t {
        const std::int64_t outTokens = uniform(40, 900);
        const std::int64_t e = s + stretch(model, uniform(300, 2500) * ms + outTokens * 12 * ms);
        GenSpan &g = add(parent, model, "LLM", s, e);
        g.model = model;
        g.input = text(promptBytes);
        g.inputTokens = static_cast<std::int64_t>(promptBytes / 4) + uniform(0, 200);
        g.outputTokens = outTokens;
        g.output = text(static_cast<std::size_t>(outTokens) * 4);
        return e;
    };
    add(-1, "deep_research_agent", "AGENT", start, start);
    std::int64_t t =
        llm(0, start + 2 * ms, models[0], static_cast<std::size_t>(uniform(1024, 4096)));
    // Concurrent research branches: a search tool, then a retriever, per branch.
    const int branches = static_cast<int>(uniform(2, 5));
    std::int64_t joined = t;
    for (int b = 0; b < branches; ++b) {
        const std::int64_t s = t + uniform(1, 30) * ms;
        GenSpan &chain = add(0, "research_branch", "CHAIN", s, s);
        const int chainIndex = chain.index;
        const std::int64_t toolEnd = s + ms + stretch("web_search", uniform(200, 6000) * ms - ms);
        GenSpan &tool = add(chainIndex, "web_search", "TOOL", s + ms, toolEnd);
        tool.input = "{\"query\": \"" + text(60) + "\"}";
        tool.error = m_rng() % 40 == 0;
        tool.output = tool.error ? "Error: Read timed out."
                                 : text(static_cast<std::size_t>(uniform(300, 1500)));
        const std::int64_t retrEnd =
            toolEnd + ms + stretch("vector_store", uniform(50, 800) * ms - ms);
        GenSpan &retr = add(chainIndex, "vector_store", "RETRIEVER", toolEnd + ms, retrEnd);
        retr.input = text(80);
        const std::int64_t sumEnd =
            llm(chainIndex, retrEnd + ms, models[2], static_cast<std::size_t>(uniform(1024, 3072)));
        spans[static_cast<std::size_t>(chainIndex)].endNs = sumEnd + ms;
        joined = std::max(joined, sumEnd + ms);
    }
    const std::int64_t end =
        llm(0, joined + 5 * ms, models[1], static_cast<std::size_t>(uniform(2048, 4096))) + 3 * ms;
    spans[0].endNs = end;
    spans[0].input = text(120);
    spans[0].output = text(600);
    return end;
}

} // namespace spanscope::synth

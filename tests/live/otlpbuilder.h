#pragma once

// Builds OTLP trace requests for the live tests and the receiver benchmark: `traces` traces of
// `spansPerTrace` spans (a root and its children, children first, as SDKs export them), ids
// derived from `seed` so that every call with another seed makes other traces.
#include "core/records.h"
#include "ingest/oteljson.h"

#include <cstdint>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>
#include <string>

namespace otlpbuilder {

inline std::string id(std::uint64_t value, std::size_t bytes) {
    std::string s(bytes, '\0');
    for (std::size_t i = 0; i < bytes; ++i)
        s[bytes - 1 - i] = static_cast<char>((value >> (8 * (i % 8))) & 0xFF);
    s[0] = static_cast<char>(s[0] | 0x40); // never all zeros
    return s;
}

inline opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest
request(std::uint64_t seed, int traces, int spansPerTrace) {
    opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest req;
    auto *rs = req.add_resource_spans();
    auto *service = rs->mutable_resource()->add_attributes();
    service->set_key("service.name");
    service->mutable_value()->set_string_value("load");
    auto *ss = rs->add_scope_spans();
    const std::uint64_t t0 = 1'700'000'000'000'000'000ull + seed * 1'000'000'000ull;
    for (int t = 0; t < traces; ++t) {
        const std::uint64_t traceNo = seed * 1'000'000ull + static_cast<std::uint64_t>(t);
        const std::string traceId = id(traceNo, 16);
        const std::string rootId = id(traceNo * 1000 + 1, 8);
        for (int s = 1; s < spansPerTrace; ++s) {
            auto *sp = ss->add_spans();
            sp->set_trace_id(traceId);
            sp->set_span_id(id(traceNo * 1000 + 1 + static_cast<std::uint64_t>(s), 8));
            sp->set_parent_span_id(rootId);
            sp->set_name(s % 2 ? "llm" : "tool");
            sp->set_start_time_unix_nano(t0 + static_cast<std::uint64_t>(s) * 1000);
            sp->set_end_time_unix_nano(t0 + static_cast<std::uint64_t>(s) * 1000 + 900);
            if (s % 2) {
                auto *m = sp->add_attributes();
                m->set_key("gen_ai.request.model");
                m->mutable_value()->set_string_value("m");
                auto *in = sp->add_attributes();
                in->set_key("gen_ai.usage.input_tokens");
                in->mutable_value()->set_int_value(10);
            }
        }
        auto *root = ss->add_spans();
        root->set_trace_id(traceId);
        root->set_span_id(rootId);
        root->set_name("request");
        root->set_start_time_unix_nano(t0);
        root->set_end_time_unix_nano(t0 + static_cast<std::uint64_t>(spansPerTrace) * 1000 + 1000);
    }
    return req;
}

// The same spans as loose records, as a reader hands them to a writer.
inline std::vector<spanscope::LooseSpanRecord> records(std::uint64_t seed, int traces,
                                                       int spansPerTrace) {
    std::vector<spanscope::LooseSpanRecord> out;
    const auto req = request(seed, traces, spansPerTrace);
    for (const auto &sp : req.resource_spans(0).scope_spans(0).spans()) {
        spanscope::LooseSpanRecord r;
        r.traceKey = spanscope::oteljson::hex(sp.trace_id());
        r.parentKey = spanscope::oteljson::hex(sp.parent_span_id());
        r.span.key = spanscope::oteljson::hex(sp.span_id());
        r.span.name = sp.name();
        r.span.startNs = static_cast<std::int64_t>(sp.start_time_unix_nano());
        r.span.endNs = static_cast<std::int64_t>(sp.end_time_unix_nano());
        r.span.attributesJson = "{}";
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace otlpbuilder

// libFuzzer target: a NAT profiler file (all_requests_profiler_traces.json) streamed step by
// step into the span builder, the path every NAT import takes.
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "ingest/natprofilerstream.h"
#include "ingest/natspanbuilder.h"

#include <cstdint>
#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace spanscope;
    ImportReport report;
    std::unique_ptr<NatSpanBuilder> builder;
    NatProfilerStream stream(
        NatSpanBuilder::timeKeys(),
        {[&](std::size_t request) {
             builder =
                 std::make_unique<NatSpanBuilder>("fuzz.json", report, static_cast<int>(request));
         },
         [&](nlohmann::json &&step, std::size_t index) { builder->addStep(step, index); },
         [&](std::size_t) {
             builder->finish();
             builder.reset();
         }});
    try {
        nlohmann::json::sax_parse(data, data + size, &stream);
    } catch (const IngestError &) {
    }
    return 0;
}

// libFuzzer target: one OTLP/JSON message through the simdjson walk. Any input must give spans
// or an IngestError, never a crash, a hang or a sanitizer report.
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "ingest/otlpjsonparser.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace spanscope;
    std::string text(reinterpret_cast<const char *>(data), size);
    const std::size_t length = text.size();
    text.append(OtlpMessages::padding, '\0');
    ImportReport report;
    OtlpJsonParser parser("fuzz.jsonl", report);
    std::vector<LooseSpanRecord> spans;
    try {
        parser.parse({std::string_view(text.data(), length), 1, 0, false, false}, spans);
    } catch (const IngestError &) {
    }
    return 0;
}

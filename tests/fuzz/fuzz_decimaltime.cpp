// libFuzzer target: decimal seconds to nanoseconds on any text (overflow, exponents, signs).
#include "ingest/decimaltime.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    spanscope::decimalSecondsToNs(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}

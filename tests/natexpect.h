#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

namespace spanscope {
class Workspace;
}

namespace testsupport {

// Compares a run imported from a NAT folder with what ../shared/tools/nat-expect says of that
// folder (one line of its output, parsed): requests, spans by kind, events, unfinished spans,
// tokens, models, time range, warnings, evaluators, sizing points, and for frameworks other
// than LangChain the frameworks, error spans, spans of unknown start and dropped ENDs. Fails
// the calling test (QTest macros) at the first difference.
void checkAgainstNatExpect(spanscope::Workspace &ws, std::int64_t run, const nlohmann::json &exp);

} // namespace testsupport

#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace spanscope {

// The conversation an LLM span's payload holds, as HTML for the inspector: each message under
// its role, its text, the tools it called with their arguments, the tool results it was given.
// Reads the shapes the readers store: ATIF's (messages, atif_messages; output, atif_output), and
// the provider payloads ATOF keeps as input/output (OpenAI chat completions, Anthropic messages,
// Gemini generate-content). nullopt when the payload holds no message list. `used` receives the
// payload keys it showed, so the caller can list the others as they are.
std::optional<QString> chatHtml(const nlohmann::json &payload, std::set<std::string> *used);

} // namespace spanscope

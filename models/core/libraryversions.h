#pragma once

#include <string>
#include <utility>
#include <vector>

namespace spanscope {

// The libraries this build reads and stores with, and the versions loaded at run time (what
// Help > About shows and a bug report needs): SQLite, zstd, simdjson, libyaml.
std::vector<std::pair<std::string, std::string>> libraryVersions();

} // namespace spanscope

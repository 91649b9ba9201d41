#include "libraryversions.h"

#include <simdjson.h>
#include <sqlite3.h>
#include <xxhash.h>
#include <yaml.h>
#include <zstd.h>

namespace spanscope {

std::vector<std::pair<std::string, std::string>> libraryVersions() {
    return {{"SQLite", sqlite3_libversion()},
            {"zstd", ZSTD_versionString()},
            // Header-only in use: the version this was built with.
            {"simdjson", std::to_string(simdjson::SIMDJSON_VERSION_MAJOR) + '.' +
                             std::to_string(simdjson::SIMDJSON_VERSION_MINOR) + '.' +
                             std::to_string(simdjson::SIMDJSON_VERSION_REVISION)},
            {"libyaml", yaml_get_version_string()},
            {"xxHash", std::to_string(XXH_versionNumber() / 10000) + '.' +
                           std::to_string(XXH_versionNumber() / 100 % 100) + '.' +
                           std::to_string(XXH_versionNumber() % 100)}};
}

} // namespace spanscope

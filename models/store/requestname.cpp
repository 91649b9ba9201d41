#include "requestname.h"

namespace spanscope {

std::string requestName(const std::string &itemKey, const std::string &traceKey) {
    // Item and trace keys come from the files: long ones are cut (the inspector has the whole).
    const auto cut = [](const std::string &key, std::size_t keep) {
        return key.size() > keep + 4 ? key.substr(0, keep) + "\u2026" : key;
    };
    if (!itemKey.empty()) return "item " + cut(itemKey, 24);
    return "trace " + cut(traceKey, 8);
}

} // namespace spanscope

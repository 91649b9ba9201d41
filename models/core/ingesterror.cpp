#include "ingesterror.h"

#include <cstdio>

namespace spanscope {

std::string printableName(const std::string &name) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u != 0x7F) {
            out += c;
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\x%02x", u);
            out += buf;
        }
    }
    return out;
}

namespace {

std::string compose(const std::string &file, const std::string &where, const std::string &message) {
    std::string s = printableName(file);
    if (!where.empty()) s += ": " + where;
    return s + ": " + message;
}
} // namespace

IngestError::IngestError(std::string file, std::string where, const std::string &message)
    : std::runtime_error(compose(file, where, message)), m_file(std::move(file)),
      m_where(std::move(where)), m_message(message) {}

IngestError IngestError::atOffset(const std::string &file, std::int64_t offset,
                                  const std::string &message, std::int64_t line) {
    std::string where = "byte " + std::to_string(offset);
    if (line >= 0) where = "line " + std::to_string(line) + ", " + where;
    return IngestError(file, where, message);
}

} // namespace spanscope

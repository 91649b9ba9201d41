#include "importreport.h"

#include <nlohmann/json.hpp>

namespace spanscope {

void ImportReport::warn(const std::string &kind, const std::string &message, std::int64_t count) {
    auto &k = m_warnings[kind];
    k.count += count;
    if (k.examples.size() < maxExamplesPerKind) k.examples.push_back(message);
}

std::int64_t ImportReport::warningCount() const {
    std::int64_t n = 0;
    for (const auto &[kind, k] : m_warnings)
        n += k.count;
    return n;
}

std::int64_t ImportReport::warningCount(const std::string &kind) const {
    const auto it = m_warnings.find(kind);
    return it == m_warnings.end() ? 0 : it->second.count;
}

std::int64_t ImportReport::noteCount(const std::string &kind) const {
    const auto it = m_notes.find(kind);
    return it == m_notes.end() ? 0 : it->second;
}

void ImportReport::merge(const ImportReport &other) {
    for (const auto &[kind, k] : other.m_warnings) {
        auto &mine = m_warnings[kind];
        mine.count += k.count;
        for (const auto &e : k.examples)
            if (mine.examples.size() < maxExamplesPerKind) mine.examples.push_back(e);
    }
    for (const auto &[kind, n] : other.m_notes)
        m_notes[kind] += n;
}

std::string ImportReport::toJson() const {
    nlohmann::json j = {{"warnings", nlohmann::json::object()}, {"notes", m_notes}};
    for (const auto &[kind, k] : m_warnings)
        j["warnings"][kind] = {{"count", k.count}, {"examples", k.examples}};
    return j.dump();
}

std::vector<std::string> ImportReport::lines() const {
    std::vector<std::string> out;
    for (const auto &[kind, k] : m_warnings) {
        std::string line = "warning: " + kind + " (" + std::to_string(k.count) + "x)";
        if (!k.examples.empty()) line += ": " + k.examples.front();
        out.push_back(std::move(line));
    }
    return out;
}

std::string ImportReport::nothingImported(const std::string &what) const {
    if (m_warnings.empty()) return what;
    std::string s = what + " could be imported; what was skipped:";
    for (const auto &[kind, k] : m_warnings)
        s += " " + std::to_string(k.count) + "x " + kind +
             (k.examples.empty() ? "" : " (" + k.examples.front() + ")") + ";";
    s.pop_back();
    return s;
}

} // namespace spanscope

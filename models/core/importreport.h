#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace spanscope {

// What an import met that it could use but that a user should know about. Warnings are
// counted per kind so a file with a million bad lines reports one line per kind, not a million.
class ImportReport {
public:
    static constexpr std::size_t maxExamplesPerKind = 5;

    void warn(const std::string &kind, const std::string &message, std::int64_t count = 1);
    void note(const std::string &kind, std::int64_t count = 1) { m_notes[kind] += count; }

    std::int64_t warningCount() const;
    std::int64_t warningCount(const std::string &kind) const;
    std::int64_t noteCount(const std::string &kind) const;
    const std::map<std::string, std::int64_t> &notes() const { return m_notes; }

    struct Kind {
        std::int64_t count = 0;
        std::vector<std::string> examples;
    };
    const std::map<std::string, Kind> &warnings() const { return m_warnings; }

    void merge(const ImportReport &other);
    std::string toJson() const;
    std::vector<std::string> lines() const; // human-readable, one per kind
    // "no spans in the file" with why, when the warnings say: what a reader skipped and the
    // first example of each kind.
    std::string nothingImported(const std::string &what) const;

private:
    std::map<std::string, Kind> m_warnings;
    std::map<std::string, std::int64_t> m_notes;
};

} // namespace spanscope

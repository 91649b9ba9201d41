#include "textdiff.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace spanscope::textdiff {

namespace {

struct Word {
    std::string word, space;
};

std::vector<Word> words(const std::string &s) {
    std::vector<Word> out;
    std::size_t i = 0;
    std::string leading;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        leading += s[i++];
    if (!leading.empty()) out.push_back({"", leading});
    while (i < s.size()) {
        Word w;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
            w.word += s[i++];
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            w.space += s[i++];
        out.push_back(std::move(w));
    }
    return out;
}

// Appends a word to a segment list, merging runs of the same kind.
void push(std::vector<Segment> &out, const Word &w, bool changed) {
    if (out.empty() || out.back().changed != changed) out.push_back({changed, {}});
    out.back().text += w.word + w.space;
}

// Which elements of two sequences are common to both (their longest common subsequence): the
// common prefix and suffix are matched first; past `maxCells` elements x elements in the rest,
// the whole rest counts as changed, so huge inputs cost no quadratic time.
struct Alignment {
    std::vector<bool> commonA, commonB;
};

Alignment align(const std::vector<std::string> &a, const std::vector<std::string> &b,
                std::size_t maxCells) {
    Alignment out{std::vector<bool>(a.size(), false), std::vector<bool>(b.size(), false)};
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        out.commonA[prefix] = out.commonB[prefix] = true;
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        out.commonA[a.size() - 1 - suffix] = out.commonB[b.size() - 1 - suffix] = true;
        ++suffix;
    }
    const std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
    if (n == 0 || m == 0 || n * m > maxCells) return out;
    // lcs[i][j]: the LCS length of the middles' suffixes from i and j.
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & {
        return lcs[i * (m + 1) + j];
    };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                      : std::max(at(i + 1, j), at(i, j + 1));
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (a[prefix + i] == b[prefix + j]) {
            out.commonA[prefix + i++] = out.commonB[prefix + j++] = true;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    return out;
}

} // namespace

Diff diffWords(const std::string &a, const std::string &b, std::size_t maxCells) {
    const std::vector<Word> wa = words(a), wb = words(b);
    std::vector<std::string> ka, kb;
    for (const Word &w : wa)
        ka.push_back(w.word);
    for (const Word &w : wb)
        kb.push_back(w.word);
    const Alignment al = align(ka, kb, maxCells);
    Diff d;
    d.wordsA = wa.size();
    d.wordsB = wb.size();
    for (std::size_t i = 0; i < wa.size(); ++i) {
        push(d.a, wa[i], !al.commonA[i]);
        d.commonWords += al.commonA[i] ? 1 : 0;
    }
    for (std::size_t j = 0; j < wb.size(); ++j)
        push(d.b, wb[j], !al.commonB[j]);
    return d;
}

LineDiff diffLines(const std::string &a, const std::string &b, std::size_t maxCells) {
    const auto lines = [](const std::string &s) {
        std::vector<std::string> out;
        std::size_t from = 0;
        while (from < s.size()) {
            const std::size_t nl = s.find('\n', from);
            const std::size_t to = nl == std::string::npos ? s.size() : nl;
            std::string line = s.substr(from, to - from);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            out.push_back(std::move(line));
            from = to + 1;
        }
        return out;
    };
    const std::vector<std::string> la = lines(a), lb = lines(b);
    const Alignment al = align(la, lb, maxCells);
    // Unified order: the common lines in order, each side's changed lines before the next
    // common one, removed first.
    LineDiff d;
    std::size_t i = 0, j = 0;
    while (i < la.size() || j < lb.size()) {
        if (i < la.size() && !al.commonA[i]) {
            d.lines.push_back({'-', la[i++]});
            ++d.changed;
        } else if (j < lb.size() && !al.commonB[j]) {
            d.lines.push_back({'+', lb[j++]});
            ++d.changed;
        } else {
            d.lines.push_back({' ', la[i]});
            ++i;
            ++j;
        }
    }
    return d;
}

} // namespace spanscope::textdiff

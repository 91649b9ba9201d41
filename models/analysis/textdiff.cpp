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

} // namespace

Diff diffWords(const std::string &a, const std::string &b, std::size_t maxCells) {
    const std::vector<Word> wa = words(a), wb = words(b);
    Diff d;
    d.wordsA = wa.size();
    d.wordsB = wb.size();
    std::size_t prefix = 0;
    while (prefix < wa.size() && prefix < wb.size() && wa[prefix].word == wb[prefix].word)
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < wa.size() - prefix && suffix < wb.size() - prefix &&
           wa[wa.size() - 1 - suffix].word == wb[wb.size() - 1 - suffix].word)
        ++suffix;
    const std::size_t n = wa.size() - prefix - suffix, m = wb.size() - prefix - suffix;
    for (std::size_t i = 0; i < prefix; ++i) {
        push(d.a, wa[i], false);
        push(d.b, wb[i], false);
    }
    d.commonWords = prefix + suffix;
    if (n * m <= maxCells && n > 0 && m > 0) {
        // lcs[i][j]: the LCS length of the middles' suffixes from i and j.
        std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
        const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & {
            return lcs[i * (m + 1) + j];
        };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = wa[prefix + i].word == wb[prefix + j].word
                               ? at(i + 1, j + 1) + 1
                               : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n && j < m) {
            if (wa[prefix + i].word == wb[prefix + j].word) {
                push(d.a, wa[prefix + i++], false);
                push(d.b, wb[prefix + j++], false);
                ++d.commonWords;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                push(d.a, wa[prefix + i++], true);
            } else {
                push(d.b, wb[prefix + j++], true);
            }
        }
        for (; i < n; ++i)
            push(d.a, wa[prefix + i], true);
        for (; j < m; ++j)
            push(d.b, wb[prefix + j], true);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            push(d.a, wa[prefix + i], true);
        for (std::size_t j = 0; j < m; ++j)
            push(d.b, wb[prefix + j], true);
    }
    for (std::size_t k = 0; k < suffix; ++k) {
        push(d.a, wa[wa.size() - suffix + k], false);
        push(d.b, wb[wb.size() - suffix + k], false);
    }
    return d;
}

} // namespace spanscope::textdiff

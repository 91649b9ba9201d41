#pragma once

#include <string>
#include <vector>

// A word-level diff of two answers, for marking what changed between two runs' generated texts.
namespace spanscope::textdiff {

struct Segment {
    bool changed = false; // removed (in the first text's list) or added (in the second's)
    std::string text;     // words with the whitespace that followed them
};

struct Diff {
    std::vector<Segment> a, b;
    std::size_t commonWords = 0, wordsA = 0, wordsB = 0;
};

// The longest common subsequence of words (whitespace-separated; the whitespace is kept and not
// compared). The common prefix and suffix are matched first; past `maxCells` words x words in
// the rest, the whole rest counts as changed, so huge texts cost no quadratic time.
Diff diffWords(const std::string &a, const std::string &b, std::size_t maxCells = 4'000'000);

// A line diff of two texts (configuration files) in unified order: ' ' a line both have, '-'
// one only the first has, '+' one only the second has. The same common subsequence rule.
struct LineDiff {
    struct Line {
        char op = ' ';
        std::string text;
    };
    std::vector<Line> lines;
    std::size_t changed = 0; // lines removed or added
};
LineDiff diffLines(const std::string &a, const std::string &b, std::size_t maxCells = 4'000'000);

} // namespace spanscope::textdiff

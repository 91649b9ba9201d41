#include "callstacks.h"

#include "core/records.h"
#include "spantree.h"

#include <algorithm>
#include <unordered_map>

namespace spanscope {

namespace {

std::uint64_t childKey(std::int32_t parentNode, std::uint32_t nameId) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(parentNode + 1)) << 32) | nameId;
}

// Most calls open at once. At one instant ends come before starts (a call ending at t does not
// overlap one starting at t), but a zero-length call counts as open at its instant. Events are
// encoded as (time from the earliest start) * 4 + rank in one integer array: one flat sort.
std::int32_t maxOverlap(const TimelineSpans &s, const std::vector<std::int32_t> &spans) {
    if (spans.empty()) return 0;
    std::int64_t t0 = s.start[static_cast<std::size_t>(spans.front())];
    for (const std::int32_t i : spans)
        t0 = std::min(t0, s.start[static_cast<std::size_t>(i)]);
    std::vector<std::uint64_t> ev; // rank: 0 end, 1 start, 2 a zero-length call's end
    ev.reserve(spans.size() * 2);
    for (const std::int32_t i : spans) {
        const auto u = static_cast<std::size_t>(i);
        const auto a = static_cast<std::uint64_t>(s.start[u] - t0);
        const bool zero = s.end[u] <= s.start[u];
        ev.push_back(a * 4 + 1);
        ev.push_back(zero ? a * 4 + 2 : static_cast<std::uint64_t>(s.end[u] - t0) * 4);
    }
    std::sort(ev.begin(), ev.end());
    std::int32_t open = 0, best = 0;
    for (const std::uint64_t e : ev) {
        open += (e & 3) == 1 ? 1 : -1;
        best = std::max(best, open);
    }
    return best;
}

} // namespace

std::string StackTree::path(std::int32_t node) const {
    std::vector<std::int32_t> chain;
    for (std::int32_t n = node; n >= 0; n = nodes[static_cast<std::size_t>(n)].parent)
        chain.push_back(n);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!out.empty()) out += ';';
        std::string name = names[nodes[static_cast<std::size_t>(*it)].nameId];
        std::replace(name.begin(), name.end(), ';', ':');
        out += name;
    }
    return out;
}

std::vector<std::int32_t> StackTree::depthFirst() const {
    std::vector<std::int32_t> out, todo(roots.rbegin(), roots.rend());
    out.reserve(nodes.size());
    while (!todo.empty()) {
        const std::int32_t n = todo.back();
        todo.pop_back();
        out.push_back(n);
        const auto &kids = nodes[static_cast<std::size_t>(n)].children;
        todo.insert(todo.end(), kids.rbegin(), kids.rend());
    }
    return out;
}

StackTree buildStacks(const TimelineSpans &s, const SpanTokens *tokens) {
    StackTree t;
    t.names = s.names;
    const std::size_t n = s.size();
    t.nodeOfSpan.assign(n, -1);
    std::unordered_map<std::uint64_t, std::int32_t> byKey;
    std::vector<std::int32_t> chain;
    for (std::size_t i0 = 0; i0 < n; ++i0) {
        if (t.nodeOfSpan[i0] >= 0) continue;
        // Walk up to the nearest span whose path is known (a parent may come later in the
        // columns when its child started first), then resolve the chain downwards. Iterative:
        // a request may nest 10^5 deep.
        chain.clear();
        std::int32_t i = static_cast<std::int32_t>(i0);
        while (i >= 0 && t.nodeOfSpan[static_cast<std::size_t>(i)] < 0) {
            chain.push_back(i);
            i = s.parent[static_cast<std::size_t>(i)];
        }
        std::int32_t parentNode = i >= 0 ? t.nodeOfSpan[static_cast<std::size_t>(i)] : -1;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const auto u = static_cast<std::size_t>(*it);
            // A path has few distinct children: scan them, and hash only past a few dozen.
            const auto &siblings =
                parentNode < 0 ? t.roots : t.nodes[static_cast<std::size_t>(parentNode)].children;
            std::int32_t node = -1;
            if (siblings.size() <= 32) {
                for (const std::int32_t c : siblings)
                    if (t.nodes[static_cast<std::size_t>(c)].nameId == s.nameId[u]) {
                        node = c;
                        break;
                    }
            } else if (const auto hit = byKey.find(childKey(parentNode, s.nameId[u]));
                       hit != byKey.end()) {
                node = hit->second;
            }
            if (node < 0) {
                node = static_cast<std::int32_t>(t.nodes.size());
                StackNode fresh;
                fresh.parent = parentNode;
                fresh.nameId = s.nameId[u];
                fresh.depth =
                    parentNode < 0 ? 0 : t.nodes[static_cast<std::size_t>(parentNode)].depth + 1;
                fresh.category = s.category[u];
                t.nodes.push_back(std::move(fresh));
                auto &list = parentNode < 0
                                 ? t.roots
                                 : t.nodes[static_cast<std::size_t>(parentNode)].children;
                list.push_back(node);
                if (list.size() == 33) // from here on looked up by hash: index the first 32 too
                    for (const std::int32_t c : list)
                        byKey.emplace(
                            childKey(parentNode, t.nodes[static_cast<std::size_t>(c)].nameId), c);
                else if (list.size() > 33)
                    byKey.emplace(childKey(parentNode, s.nameId[u]), node);
            }
            t.nodeOfSpan[u] = node;
            parentNode = node;
        }
    }

    const SpanChildren children = SpanChildren::build(s);
    const std::vector<std::int64_t> self = selfTimes(s, children);
    const std::vector<double> wall = wallShares(s);
    const bool haveTokens = tokens && tokens->input.size() == n && tokens->output.size() == n;
    // Sums in one pass over the columns in their order (sequential reads), and each node's
    // calls gathered into one contiguous slice of (duration, span) pairs by a counting sort,
    // so sorting a node's calls by duration compares values, not indexes into the columns.
    std::vector<std::int64_t> offset(t.nodes.size() + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++offset[static_cast<std::size_t>(t.nodeOfSpan[i]) + 1];
    for (std::size_t k = 1; k < offset.size(); ++k)
        offset[k] += offset[k - 1];
    std::vector<std::pair<std::int64_t, std::int32_t>> calls(n);
    {
        std::vector<std::int64_t> fill(offset.begin(), offset.end() - 1);
        for (std::size_t i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(t.nodeOfSpan[i]);
            StackNode &node = t.nodes[k];
            const std::int64_t d = std::max<std::int64_t>(0, s.end[i] - s.start[i]);
            calls[static_cast<std::size_t>(fill[k]++)] = {d, static_cast<std::int32_t>(i)};
            node.totalNs += d;
            node.selfNs += self[i];
            node.wallNs += wall[i];
            if (s.flags[i] & SpanError) ++node.errors;
            if (haveTokens) {
                node.inputTokens += tokens->input[i];
                node.outputTokens += tokens->output[i];
            }
        }
    }
    for (std::size_t k = 0; k < t.nodes.size(); ++k) {
        StackNode &node = t.nodes[k];
        const auto first = calls.begin() + offset[k], last = calls.begin() + offset[k + 1];
        // Slowest first; equal durations in the columns' order.
        std::sort(first, last, [](const auto &x, const auto &y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
        const auto count = static_cast<std::size_t>(last - first);
        node.spans.resize(count);
        for (std::size_t j = 0; j < count; ++j)
            node.spans[j] = first[static_cast<std::ptrdiff_t>(j)].second;
        node.calls = static_cast<std::int64_t>(count);
        node.maxNs = count ? first->first : 0;
        // Percentiles as numpy's linear interpolation over the ascending order, read from the
        // descending slice.
        const auto pct = [&](double q) -> std::int64_t {
            if (count == 0) return 0;
            const double rank = q / 100.0 * static_cast<double>(count - 1);
            const auto lo = static_cast<std::size_t>(rank);
            const std::size_t hi = std::min(lo + 1, count - 1);
            const auto at = [&](std::size_t asc) {
                return static_cast<double>(
                    first[static_cast<std::ptrdiff_t>(count - 1 - asc)].first);
            };
            return static_cast<std::int64_t>(
                at(lo) + (at(hi) - at(lo)) * (rank - static_cast<double>(lo)) + 0.5);
        };
        node.p50Ns = pct(50);
        node.p95Ns = pct(95);
        node.maxConcurrency = maxOverlap(s, node.spans);
    }
    const auto heavier = [&](std::int32_t a, std::int32_t b) {
        const auto &x = t.nodes[static_cast<std::size_t>(a)],
                   &y = t.nodes[static_cast<std::size_t>(b)];
        return x.totalNs != y.totalNs ? x.totalNs > y.totalNs : a < b;
    };
    for (StackNode &node : t.nodes)
        std::sort(node.children.begin(), node.children.end(), heavier);
    std::sort(t.roots.begin(), t.roots.end(), heavier);
    return t;
}

const char *stackWeightName(StackWeight w) {
    switch (w) {
    case StackWeight::Total:
        return "total";
    case StackWeight::Self:
        return "self";
    case StackWeight::Wall:
        return "wall";
    case StackWeight::Calls:
        return "calls";
    case StackWeight::Tokens:
        return "tokens";
    }
    return "total";
}

bool stackWeightFromName(const std::string &name, StackWeight &out) {
    for (const StackWeight w : {StackWeight::Total, StackWeight::Self, StackWeight::Wall,
                                StackWeight::Calls, StackWeight::Tokens})
        if (name == stackWeightName(w)) {
            out = w;
            return true;
        }
    return false;
}

double ownValue(const StackNode &n, StackWeight w) {
    switch (w) {
    case StackWeight::Total:
        return static_cast<double>(n.totalNs);
    case StackWeight::Self:
        return static_cast<double>(n.selfNs);
    case StackWeight::Wall:
        return n.wallNs;
    case StackWeight::Calls:
        return static_cast<double>(n.calls);
    case StackWeight::Tokens:
        return static_cast<double>(n.tokens());
    }
    return 0;
}

std::vector<double> flameWidths(const StackTree &t, StackWeight w) {
    std::vector<double> width(t.nodes.size(), 0.0);
    const std::vector<std::int32_t> order = t.depthFirst();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto u = static_cast<std::size_t>(*it);
        const StackNode &node = t.nodes[u];
        if (w == StackWeight::Total) {
            width[u] = static_cast<double>(node.totalNs);
            continue;
        }
        double v = ownValue(node, w);
        for (const std::int32_t c : node.children)
            v += width[static_cast<std::size_t>(c)];
        width[u] = v;
    }
    return width;
}

BottomUpTree buildBottomUp(const StackTree &t) {
    BottomUpTree b;
    // Recursion: the total of a name counts only at its outermost call, i.e. where no node
    // above it on its path has the same name (one depth-first pass with a count per name).
    std::vector<char> outermost(t.nodes.size(), 1);
    {
        std::vector<std::int32_t> onPath(t.names.size(), 0);
        std::vector<std::pair<std::int32_t, bool>> todo; // (node, leaving)
        for (auto it = t.roots.rbegin(); it != t.roots.rend(); ++it)
            todo.push_back({*it, false});
        while (!todo.empty()) {
            const auto [n, leaving] = todo.back();
            todo.pop_back();
            const StackNode &node = t.nodes[static_cast<std::size_t>(n)];
            if (leaving) {
                --onPath[node.nameId];
                continue;
            }
            outermost[static_cast<std::size_t>(n)] = onPath[node.nameId] == 0;
            ++onPath[node.nameId];
            todo.push_back({n, true});
            for (auto c = node.children.rbegin(); c != node.children.rend(); ++c)
                todo.push_back({*c, false});
        }
    }
    std::unordered_map<std::uint64_t, std::int32_t> byKey;
    for (std::size_t k = 0; k < t.nodes.size(); ++k) {
        const StackNode &leaf = t.nodes[k];
        // The names from the node up towards its root: the bottom-up path of this call path,
        // cut at maxBottomUpDepth callers so a pathologically deep request stays linear.
        std::int32_t parent = -1, n = static_cast<std::int32_t>(k);
        for (int level = 0; n >= 0 && level < maxBottomUpDepth;
             ++level, n = t.nodes[static_cast<std::size_t>(n)].parent) {
            const std::uint32_t name = t.nodes[static_cast<std::size_t>(n)].nameId;
            const auto [pos, added] = byKey.try_emplace(childKey(parent, name),
                                                        static_cast<std::int32_t>(b.nodes.size()));
            if (added) {
                BottomUpNode node;
                node.parent = parent;
                node.nameId = name;
                b.nodes.push_back(node);
                if (parent < 0)
                    b.roots.push_back(pos->second);
                else
                    b.nodes[static_cast<std::size_t>(parent)].children.push_back(pos->second);
            }
            BottomUpNode &node = b.nodes[static_cast<std::size_t>(pos->second)];
            node.calls += leaf.calls;
            node.selfNs += leaf.selfNs;
            node.tokens += leaf.tokens();
            if (outermost[k]) node.totalNs += leaf.totalNs;
            node.stackNodes.push_back(static_cast<std::int32_t>(k));
            parent = pos->second;
        }
    }
    const auto heavier = [&](std::int32_t x, std::int32_t y) {
        const auto &a = b.nodes[static_cast<std::size_t>(x)],
                   &c = b.nodes[static_cast<std::size_t>(y)];
        return a.selfNs != c.selfNs ? a.selfNs > c.selfNs : x < y;
    };
    for (BottomUpNode &node : b.nodes)
        std::sort(node.children.begin(), node.children.end(), heavier);
    std::sort(b.roots.begin(), b.roots.end(), heavier);
    return b;
}

} // namespace spanscope

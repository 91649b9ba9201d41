#include "callstacks.h"

#include "core/records.h"
#include "spantree.h"
#include "stats.h"

#include <algorithm>
#include <unordered_map>

namespace spanscope {

namespace {

std::uint64_t childKey(std::int32_t parentNode, std::uint32_t nameId) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(parentNode + 1)) << 32) | nameId;
}

// Most calls open at once. At one instant ends come before starts (a call ending at t does not
// overlap one starting at t), but a zero-length call counts as open at its instant.
std::int32_t maxOverlap(const TimelineSpans &s, const std::vector<std::int32_t> &spans) {
    std::vector<std::pair<std::int64_t, int>> ev; // (time, rank): 0 end, 1 start, 2 zero's end
    ev.reserve(spans.size() * 2);
    for (const std::int32_t i : spans) {
        const auto u = static_cast<std::size_t>(i);
        const bool zero = s.end[u] <= s.start[u];
        ev.push_back({s.start[u], 1});
        ev.push_back({zero ? s.start[u] : s.end[u], zero ? 2 : 0});
    }
    std::sort(ev.begin(), ev.end());
    std::int32_t open = 0, best = 0;
    for (const auto &[t, rank] : ev) {
        open += rank == 1 ? 1 : -1;
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
            const auto [pos, added] = byKey.try_emplace(childKey(parentNode, s.nameId[u]),
                                                        static_cast<std::int32_t>(t.nodes.size()));
            if (added) {
                StackNode node;
                node.parent = parentNode;
                node.nameId = s.nameId[u];
                node.depth =
                    parentNode < 0 ? 0 : t.nodes[static_cast<std::size_t>(parentNode)].depth + 1;
                node.category = s.category[u];
                t.nodes.push_back(std::move(node));
                if (parentNode < 0)
                    t.roots.push_back(pos->second);
                else
                    t.nodes[static_cast<std::size_t>(parentNode)].children.push_back(pos->second);
            }
            t.nodeOfSpan[u] = pos->second;
            t.nodes[static_cast<std::size_t>(pos->second)].spans.push_back(*it);
            parentNode = pos->second;
        }
    }

    const SpanChildren children = SpanChildren::build(s);
    const std::vector<std::int64_t> self = selfTimes(s, children);
    const std::vector<double> wall = wallShares(s);
    const bool haveTokens = tokens && tokens->input.size() == n && tokens->output.size() == n;
    std::vector<double> durations;
    for (StackNode &node : t.nodes) {
        const auto dur = [&](std::int32_t i) {
            const auto u = static_cast<std::size_t>(i);
            return std::max<std::int64_t>(0, s.end[u] - s.start[u]);
        };
        std::sort(node.spans.begin(), node.spans.end(), [&](std::int32_t a, std::int32_t b) {
            const auto da = dur(a), db = dur(b);
            return da != db ? da > db : a < b;
        });
        durations.clear();
        for (auto it = node.spans.rbegin(); it != node.spans.rend(); ++it) {
            const auto u = static_cast<std::size_t>(*it);
            const std::int64_t d = dur(*it);
            durations.push_back(static_cast<double>(d));
            node.totalNs += d;
            node.selfNs += self[u];
            node.wallNs += wall[u];
            if (s.flags[u] & SpanError) ++node.errors;
            if (haveTokens) {
                node.inputTokens += tokens->input[u];
                node.outputTokens += tokens->output[u];
            }
        }
        node.calls = static_cast<std::int64_t>(node.spans.size());
        node.maxNs = node.spans.empty() ? 0 : dur(node.spans.front());
        node.p50Ns = static_cast<std::int64_t>(*stats::percentileSorted(durations, 50) + 0.5);
        node.p95Ns = static_cast<std::int64_t>(*stats::percentileSorted(durations, 95) + 0.5);
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

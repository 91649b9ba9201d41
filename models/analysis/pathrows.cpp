#include "pathrows.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

namespace spanscope {

namespace {

struct Node {
    std::string name, path;
    std::int32_t depth = 0;
    std::int64_t firstStart = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int32_t> children;
};

// Inserts the spans of one request into the path tree; returns each span's node.
std::vector<std::int32_t> insert(const std::vector<RequestSpan> &spans, std::vector<Node> &nodes,
                                 std::map<std::string, std::int32_t> &byPath,
                                 std::vector<std::int32_t> &roots) {
    std::vector<std::int32_t> nodeOf(spans.size(), -1);
    if (spans.empty()) return nodeOf;
    std::int64_t start = spans[0].startNs;
    for (const RequestSpan &s : spans)
        start = std::min(start, s.startNs);
    // Parents before children: by depth, walked up iteratively (a parent may come after its
    // child in the list; a broken parent chain counts as a root).
    const std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::int32_t> depth(spans.size(), -1);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        std::vector<std::size_t> chain;
        std::size_t k = i;
        while (depth[k] < 0) {
            chain.push_back(k);
            const std::int32_t p = spans[k].parent;
            if (p < 0 || static_cast<std::size_t>(p) >= spans.size() ||
                chain.size() > spans.size()) {
                k = none;
                break;
            }
            k = static_cast<std::size_t>(p);
        }
        std::int32_t d = k == none ? 0 : depth[k] + 1;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            if (depth[*it] < 0) depth[*it] = d++;
    }
    std::vector<std::size_t> order(spans.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return depth[x] < depth[y]; });
    for (std::size_t i : order) {
        const RequestSpan &s = spans[i];
        const std::int32_t parentNode =
            s.parent >= 0 && static_cast<std::size_t>(s.parent) < spans.size()
                ? nodeOf[static_cast<std::size_t>(s.parent)]
                : -1;
        const std::string path =
            parentNode >= 0 ? nodes[static_cast<std::size_t>(parentNode)].path + ";" + s.name
                            : s.name;
        auto [it, added] = byPath.emplace(path, static_cast<std::int32_t>(nodes.size()));
        if (added) {
            Node n;
            n.name = s.name;
            n.path = path;
            n.depth = parentNode >= 0 ? nodes[static_cast<std::size_t>(parentNode)].depth + 1 : 0;
            nodes.push_back(std::move(n));
            (parentNode >= 0 ? nodes[static_cast<std::size_t>(parentNode)].children : roots)
                .push_back(it->second);
        }
        Node &n = nodes[static_cast<std::size_t>(it->second)];
        n.firstStart = std::min(n.firstStart, s.startNs - start);
        nodeOf[i] = it->second;
    }
    return nodeOf;
}

} // namespace

PathRows matchRowsByPath(const std::vector<RequestSpan> &a, const std::vector<RequestSpan> &b) {
    std::vector<Node> nodes;
    std::map<std::string, std::int32_t> byPath;
    std::vector<std::int32_t> roots;
    const std::vector<std::int32_t> nodeA = insert(a, nodes, byPath, roots);
    const std::vector<std::int32_t> nodeB = insert(b, nodes, byPath, roots);
    const auto byStart = [&](std::vector<std::int32_t> &list) {
        std::stable_sort(list.begin(), list.end(), [&](std::int32_t x, std::int32_t y) {
            return nodes[static_cast<std::size_t>(x)].firstStart <
                   nodes[static_cast<std::size_t>(y)].firstStart;
        });
    };
    byStart(roots);
    for (Node &n : nodes)
        byStart(n.children);
    PathRows rows;
    std::vector<std::int32_t> rowOfNode(nodes.size(), -1);
    std::vector<std::int32_t> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const std::int32_t n = stack.back();
        stack.pop_back();
        const Node &node = nodes[static_cast<std::size_t>(n)];
        rowOfNode[static_cast<std::size_t>(n)] = static_cast<std::int32_t>(rows.names.size());
        rows.names.push_back(node.name);
        rows.depth.push_back(node.depth);
        rows.paths.push_back(node.path);
        for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
            stack.push_back(*it);
    }
    for (std::int32_t n : nodeA)
        rows.rowOfA.push_back(rowOfNode[static_cast<std::size_t>(n)]);
    for (std::int32_t n : nodeB)
        rows.rowOfB.push_back(rowOfNode[static_cast<std::size_t>(n)]);
    return rows;
}

} // namespace spanscope

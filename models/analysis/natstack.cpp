#include "natstack.h"

#include <algorithm>
#include <map>

namespace spanscope {

namespace {

double seconds(std::int64_t ns) {
    return static_cast<double>(ns) / 1e9;
}

struct Event {
    std::int64_t t;
    int rank; // ties: ENDs before STARTs, but a zero-length call's END after its START
    std::int64_t order;
    std::int32_t call;
    bool start;
};

} // namespace

NatStackAnalysis natNestedStack(const std::vector<NatCall> &calls) {
    NatStackAnalysis a;
    const std::size_t n = calls.size();
    std::vector<std::int32_t> parent(n, -1);
    std::vector<std::vector<std::int32_t>> kids(n);
    std::vector<std::int64_t> end(n);
    std::vector<std::int32_t> roots;

    std::map<std::int32_t, std::vector<std::int32_t>> byRequest;
    for (std::size_t i = 0; i < n; ++i)
        byRequest[calls[i].request].push_back(static_cast<std::int32_t>(i));
    std::vector<Event> ev;
    std::vector<std::int32_t> stack;
    for (const auto &[request, members] : byRequest) {
        ev.clear();
        for (const std::int32_t i : members) {
            const NatCall &c = calls[static_cast<std::size_t>(i)];
            ev.push_back({c.startNs, 1, c.order, i, true});
            if (c.ended) {
                const bool zero = c.endNs <= c.startNs;
                ev.push_back({std::max(c.endNs, c.startNs), zero ? 2 : 0, c.order, i, false});
            }
        }
        std::sort(ev.begin(), ev.end(), [](const Event &x, const Event &y) {
            if (x.t != y.t) return x.t < y.t;
            if (x.rank != y.rank) return x.rank < y.rank;
            return x.order < y.order;
        });
        stack.clear();
        std::vector<std::int32_t> requestRoots;
        for (const Event &e : ev) {
            const auto u = static_cast<std::size_t>(e.call);
            if (e.start) {
                end[u] = calls[u].startNs; // until its END: a call that never ends has no length
                if (!stack.empty()) {
                    parent[u] = stack.back();
                    kids[static_cast<std::size_t>(stack.back())].push_back(e.call);
                } else {
                    requestRoots.push_back(e.call);
                }
                stack.push_back(e.call);
            } else {
                if (!stack.empty() && stack.back() == e.call) stack.pop_back();
                end[u] = std::max(calls[u].endNs, calls[u].startNs);
            }
        }
        roots.insert(roots.end(), requestRoots.begin(), requestRoots.end());
    }

    // Depth-first order, iteratively (requests may nest deeply).
    std::vector<std::int32_t> order, todo(roots.rbegin(), roots.rend());
    std::vector<std::int32_t> depth(n, 0);
    while (!todo.empty()) {
        const std::int32_t c = todo.back();
        todo.pop_back();
        order.push_back(c);
        const auto &k = kids[static_cast<std::size_t>(c)];
        for (auto it = k.rbegin(); it != k.rend(); ++it) {
            depth[static_cast<std::size_t>(*it)] = depth[static_cast<std::size_t>(c)] + 1;
            todo.push_back(*it);
        }
    }

    std::vector<ConcurrencyCall> timeline;
    timeline.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        timeline.push_back({calls[i].startNs, end[i], static_cast<std::int32_t>(i)});
    a.concurrency = concurrencyProfile(timeline);

    // Self time: duration less the union of the children clipped to the node; subtree time:
    // self plus the children's subtree times (computed leaves first).
    std::vector<double> self(n, 0.0), subtree(n, 0.0);
    std::vector<std::pair<std::int64_t, std::int64_t>> iv;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto u = static_cast<std::size_t>(*it);
        const std::int64_t s = calls[u].startNs, e = end[u];
        iv.clear();
        for (const std::int32_t k : kids[u])
            iv.push_back(
                {calls[static_cast<std::size_t>(k)].startNs, end[static_cast<std::size_t>(k)]});
        std::sort(iv.begin(), iv.end());
        std::int64_t covered = 0;
        for (std::size_t k = 0; k < iv.size();) {
            std::int64_t x = iv[k].first, y = iv[k].second;
            for (++k; k < iv.size() && iv[k].first <= y; ++k)
                y = std::max(y, iv[k].second);
            x = std::max(x, s);
            y = std::min(y, e);
            if (y > x) covered += y - x;
        }
        self[u] = std::max(0.0, seconds(std::max<std::int64_t>(0, e - s)) - seconds(covered));
        subtree[u] = self[u];
        for (const std::int32_t k : kids[u])
            subtree[u] += subtree[static_cast<std::size_t>(k)];
    }

    a.nodes.reserve(n);
    for (const std::int32_t c : order) {
        const auto u = static_cast<std::size_t>(c);
        NatNode node;
        node.call = c;
        node.parent = parent[u];
        node.depth = depth[u];
        node.startS = seconds(calls[u].startNs);
        node.endS = seconds(end[u]);
        node.durationS = seconds(std::max<std::int64_t>(0, end[u] - calls[u].startNs));
        node.selfS = self[u];
        node.subtreeS = subtree[u];
        const std::int64_t mid = end[u] <= calls[u].startNs
                                     ? calls[u].startNs
                                     : calls[u].startNs + (end[u] - calls[u].startNs) / 2;
        node.midpointLevel = a.concurrency.levelAt(mid);
        a.nodes.push_back(node);
    }
    std::vector<std::int32_t> rank(a.nodes.size());
    for (std::size_t k = 0; k < rank.size(); ++k)
        rank[k] = static_cast<std::int32_t>(k);
    // Ties keep tree order (Python's stable sort, as NAT's).
    std::stable_sort(rank.begin(), rank.end(), [&](std::int32_t x, std::int32_t y) {
        return a.nodes[static_cast<std::size_t>(x)].subtreeS >
               a.nodes[static_cast<std::size_t>(y)].subtreeS;
    });
    rank.resize(std::min<std::size_t>(5, rank.size()));
    a.top = rank;
    return a;
}

} // namespace spanscope

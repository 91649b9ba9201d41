#include "runcomparison.h"

#include "stats.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace spanscope {

std::vector<ItemPair> matchItems(const std::vector<CompareItem> &a,
                                 const std::vector<CompareItem> &b) {
    // B's items by id, each id's occurrences in order; B's id-less items in order.
    std::unordered_map<std::string, std::vector<std::int32_t>> bById;
    std::vector<std::int32_t> bWithoutId;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (b[i].key.empty())
            bWithoutId.push_back(static_cast<std::int32_t>(i));
        else
            bById[b[i].key].push_back(static_cast<std::int32_t>(i));
    }
    std::unordered_map<std::string, std::size_t> taken;
    std::size_t nextWithoutId = 0;
    std::vector<bool> bUsed(b.size(), false);
    std::vector<ItemPair> matched, onlyA;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto ai = static_cast<std::int32_t>(i);
        if (a[i].key.empty()) {
            if (nextWithoutId < bWithoutId.size()) {
                const std::int32_t bi = bWithoutId[nextWithoutId++];
                bUsed[static_cast<std::size_t>(bi)] = true;
                matched.push_back({ai, bi, true});
            } else {
                onlyA.push_back({ai, -1, false});
            }
            continue;
        }
        const auto it = bById.find(a[i].key);
        std::size_t &k = taken[a[i].key];
        if (it != bById.end() && k < it->second.size()) {
            const std::int32_t bi = it->second[k++];
            bUsed[static_cast<std::size_t>(bi)] = true;
            matched.push_back({ai, bi, false});
        } else {
            onlyA.push_back({ai, -1, false});
        }
    }
    std::vector<ItemPair> out = std::move(matched);
    out.insert(out.end(), onlyA.begin(), onlyA.end());
    for (std::size_t i = 0; i < b.size(); ++i)
        if (!bUsed[i]) out.push_back({-1, static_cast<std::int32_t>(i), false});
    return out;
}

std::vector<PathSample> pathSamples(const StackTree &tree, const TimelineSpans &spans,
                                    const std::vector<std::int64_t> &selfNs) {
    std::vector<PathSample> out(tree.nodes.size());
    for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
        const StackNode &node = tree.nodes[n];
        PathSample &p = out[n];
        p.path = tree.path(static_cast<std::int32_t>(n));
        p.tokens = node.tokens();
        p.durations.reserve(node.spans.size());
        p.selfTimes.reserve(node.spans.size());
        for (std::int32_t s : node.spans) {
            const auto i = static_cast<std::size_t>(s);
            p.durations.push_back(static_cast<double>(spans.end[i] - spans.start[i]) / 1e9);
            p.selfTimes.push_back(i < selfNs.size() ? static_cast<double>(selfNs[i]) / 1e9 : 0.0);
        }
    }
    return out;
}

namespace {

// Paired values of the matched items; `better` says which sign of B - A is an improvement.
PairedComparison paired(const std::vector<ItemPair> &pairs, std::int64_t matched,
                        const std::vector<std::optional<double>> &valuesA,
                        const std::vector<std::optional<double>> &valuesB, bool higherIsBetter,
                        const CompareOptions &options) {
    PairedComparison c;
    std::vector<double> diffs, as, bs;
    for (std::int64_t p = 0; p < matched; ++p) {
        const ItemPair &pair = pairs[static_cast<std::size_t>(p)];
        const auto &va = valuesA[static_cast<std::size_t>(pair.a)];
        const auto &vb = valuesB[static_cast<std::size_t>(pair.b)];
        if (!va || !vb) continue;
        as.push_back(*va);
        bs.push_back(*vb);
        const double d = *vb - *va;
        diffs.push_back(d);
        if (std::abs(d) <= options.scoreTolerance) {
            ++c.unchanged;
        } else if ((d > 0) == higherIsBetter) {
            ++c.improved;
            c.improvedPairs.push_back(static_cast<std::int32_t>(p));
        } else {
            ++c.regressed;
            c.regressedPairs.push_back(static_cast<std::int32_t>(p));
        }
    }
    c.n = static_cast<std::int64_t>(diffs.size());
    c.meanA = stats::mean(as);
    c.meanB = stats::mean(bs);
    c.diff = stats::mean(diffs);
    c.ci95 = significance::bootstrapMeanInterval(diffs, options.resamples, options.seed);
    c.test = significance::wilcoxonSignedRank(diffs, 25, options.scoreTolerance);
    // Largest changes first, so the table and the JSON lead with what moved most.
    const auto bySize = [&](std::vector<std::int32_t> &list) {
        std::stable_sort(list.begin(), list.end(), [&](std::int32_t x, std::int32_t y) {
            const auto dx =
                *valuesB[static_cast<std::size_t>(pairs[static_cast<std::size_t>(x)].b)] -
                *valuesA[static_cast<std::size_t>(pairs[static_cast<std::size_t>(x)].a)];
            const auto dy =
                *valuesB[static_cast<std::size_t>(pairs[static_cast<std::size_t>(y)].b)] -
                *valuesA[static_cast<std::size_t>(pairs[static_cast<std::size_t>(y)].a)];
            return std::abs(dx) > std::abs(dy);
        });
    };
    bySize(c.improvedPairs);
    bySize(c.regressedPairs);
    return c;
}

std::optional<double> percentileOf(std::vector<double> v, double q) {
    return stats::percentile(std::move(v), q);
}

double sum(const std::vector<double> &v) {
    double s = 0;
    for (double x : v)
        s += x;
    return s;
}

} // namespace

RunComparison compareRuns(const std::vector<CompareItem> &a, const std::vector<CompareItem> &b,
                          const std::vector<PathSample> &pathsA,
                          const std::vector<PathSample> &pathsB, const CompareOptions &options) {
    RunComparison r;
    r.pairs = matchItems(a, b);
    for (std::size_t p = 0; p < r.pairs.size(); ++p) {
        const ItemPair &pair = r.pairs[p];
        if (pair.a >= 0 && pair.b >= 0)
            ++r.matched;
        else if (pair.a >= 0)
            r.unmatchedA.push_back(pair.a);
        else
            r.unmatchedB.push_back(pair.b);
    }

    std::vector<std::string> evaluators;
    for (const auto *items : {&a, &b})
        for (const CompareItem &item : *items)
            for (const auto &[name, score] : item.scores)
                evaluators.push_back(name);
    std::sort(evaluators.begin(), evaluators.end());
    evaluators.erase(std::unique(evaluators.begin(), evaluators.end()), evaluators.end());
    const auto column = [](const std::vector<CompareItem> &items, const std::string &name) {
        std::vector<std::optional<double>> v(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            if (const auto it = items[i].scores.find(name); it != items[i].scores.end())
                v[i] = it->second;
        return v;
    };
    for (const std::string &name : evaluators)
        r.evaluators.push_back(
            {name, paired(r.pairs, r.matched, column(a, name), column(b, name), true, options)});

    std::vector<std::optional<double>> latA(a.size()), latB(b.size());
    std::vector<double> allA, allB;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((latA[i] = a[i].latency)) allA.push_back(*a[i].latency);
    for (std::size_t i = 0; i < b.size(); ++i)
        if ((latB[i] = b[i].latency)) allB.push_back(*b[i].latency);
    r.latency.p50A = percentileOf(allA, 50);
    r.latency.p95A = percentileOf(allA, 95);
    r.latency.p50B = percentileOf(allB, 50);
    r.latency.p95B = percentileOf(allB, 95);
    r.latency.paired = paired(r.pairs, r.matched, latA, latB, false, options);

    // Paths of both runs by path text.
    std::unordered_map<std::string, std::size_t> index;
    const auto slot = [&](const std::string &path) -> PathComparison & {
        const auto [it, added] = index.emplace(path, r.paths.size());
        if (added) r.paths.push_back({}), r.paths.back().path = path;
        return r.paths[it->second];
    };
    std::vector<const PathSample *> sampleA, sampleB;
    for (const PathSample &s : pathsA) {
        PathComparison &c = slot(s.path);
        c.callsA += static_cast<std::int64_t>(s.durations.size());
        c.tokensA += s.tokens;
    }
    for (const PathSample &s : pathsB) {
        PathComparison &c = slot(s.path);
        c.callsB += static_cast<std::int64_t>(s.durations.size());
        c.tokensB += s.tokens;
    }
    // A path can occur twice in one tree only through a name with ';' mapped to ':'; pool them.
    std::vector<std::vector<double>> durA(r.paths.size()), durB(r.paths.size()),
        selfA(r.paths.size()), selfB(r.paths.size());
    for (const PathSample &s : pathsA) {
        const std::size_t i = index[s.path];
        durA[i].insert(durA[i].end(), s.durations.begin(), s.durations.end());
        selfA[i].insert(selfA[i].end(), s.selfTimes.begin(), s.selfTimes.end());
    }
    for (const PathSample &s : pathsB) {
        const std::size_t i = index[s.path];
        durB[i].insert(durB[i].end(), s.durations.begin(), s.durations.end());
        selfB[i].insert(selfB[i].end(), s.selfTimes.begin(), s.selfTimes.end());
    }
    std::vector<double> pDur, pSelf;
    for (std::size_t i = 0; i < r.paths.size(); ++i) {
        PathComparison &c = r.paths[i];
        c.p50A = percentileOf(durA[i], 50);
        c.p95A = percentileOf(durA[i], 95);
        c.p50B = percentileOf(durB[i], 50);
        c.p95B = percentileOf(durB[i], 95);
        c.selfP50A = percentileOf(selfA[i], 50);
        c.selfP50B = percentileOf(selfB[i], 50);
        c.totalA = sum(durA[i]);
        c.totalB = sum(durB[i]);
        c.selfTotalA = sum(selfA[i]);
        c.selfTotalB = sum(selfB[i]);
        c.pDuration = significance::mannWhitneyU(durA[i], durB[i]).pValue;
        c.pSelf = significance::mannWhitneyU(selfA[i], selfB[i]).pValue;
        pDur.push_back(c.pDuration);
        pSelf.push_back(c.pSelf);
    }
    // Many paths are tested at once: control the false discovery rate over all of them.
    const std::vector<double> qDur = significance::benjaminiHochberg(pDur);
    const std::vector<double> qSelf = significance::benjaminiHochberg(pSelf);
    for (std::size_t i = 0; i < r.paths.size(); ++i) {
        PathComparison &c = r.paths[i];
        c.qDuration = qDur[i];
        c.qSelf = qSelf[i];
        c.durationChanged = c.qDuration < options.alpha;
        c.selfChanged = c.qSelf < options.alpha;
    }
    // Changed own work, changed through callees, paths only one run has, then the rest.
    const auto rank = [](const PathComparison &c) {
        if (c.selfChanged) return 0;
        if (c.durationChanged) return 1;
        return c.callsA == 0 || c.callsB == 0 ? 2 : 3;
    };
    std::stable_sort(r.paths.begin(), r.paths.end(),
                     [&](const PathComparison &x, const PathComparison &y) {
                         if (rank(x) != rank(y)) return rank(x) < rank(y);
                         if (rank(x) == 0)
                             return std::abs(x.selfTotalB - x.selfTotalA) >
                                    std::abs(y.selfTotalB - y.selfTotalA);
                         if (rank(x) == 1 || rank(x) == 2)
                             return std::abs(x.totalB - x.totalA) > std::abs(y.totalB - y.totalA);
                         return x.totalB > y.totalB;
                     });
    return r;
}

} // namespace spanscope

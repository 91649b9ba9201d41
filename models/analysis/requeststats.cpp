#include "requeststats.h"

#include "stats.h"

#include <algorithm>
#include <map>

namespace spanscope {

LatencySpread latencySpread(const std::vector<double> &values) {
    LatencySpread s;
    if (values.empty()) return s;
    std::vector<double> v = values;
    std::sort(v.begin(), v.end());
    s.medianNs = *stats::percentileSorted(v, 50);
    s.p95Ns = *stats::percentileSorted(v, 95);
    s.q1Ns = *stats::percentileSorted(v, 25);
    s.q3Ns = *stats::percentileSorted(v, 75);
    s.fenceNs = s.q3Ns + 1.5 * (s.q3Ns - s.q1Ns);
    return s;
}

std::vector<SessionStats> sessionStats(const std::vector<RequestSample> &requests) {
    std::map<std::string, SessionStats> by;
    for (const RequestSample &r : requests) {
        if (r.session.empty()) continue;
        SessionStats &s = by[r.session];
        if (s.requests == 0) {
            s.session = r.session;
            s.firstStartNs = r.startNs;
            s.lastEndNs = r.endNs;
        }
        ++s.requests;
        s.firstStartNs = std::min(s.firstStartNs, r.startNs);
        s.lastEndNs = std::max(s.lastEndNs, r.endNs);
        s.summedLatencyNs += r.latencyNs();
        s.maxLatencyNs = std::max(s.maxLatencyNs, r.latencyNs());
        s.tokens += r.tokens;
        s.errors += r.errors;
    }
    std::vector<SessionStats> out;
    std::vector<double> sums;
    for (auto &[key, s] : by) {
        sums.push_back(static_cast<double>(s.summedLatencyNs));
        out.push_back(std::move(s));
    }
    const LatencySpread spread = latencySpread(sums);
    for (SessionStats &s : out)
        s.outlier = out.size() >= 4 && static_cast<double>(s.summedLatencyNs) > spread.fenceNs;
    std::stable_sort(out.begin(), out.end(), [](const SessionStats &a, const SessionStats &b) {
        return a.summedLatencyNs > b.summedLatencyNs;
    });
    return out;
}

std::vector<std::int32_t> slowestRequests(const std::vector<RequestSample> &requests,
                                          std::size_t top) {
    std::vector<std::int32_t> idx(requests.size());
    for (std::size_t i = 0; i < idx.size(); ++i)
        idx[i] = static_cast<std::int32_t>(i);
    const auto slower = [&](std::int32_t a, std::int32_t b) {
        const RequestSample &x = requests[static_cast<std::size_t>(a)],
                            &y = requests[static_cast<std::size_t>(b)];
        if (x.latencyNs() != y.latencyNs()) return x.latencyNs() > y.latencyNs();
        return x.startNs != y.startNs ? x.startNs < y.startNs : a < b;
    };
    const std::size_t k = std::min(top, idx.size());
    std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(), slower);
    idx.resize(k);
    return idx;
}

} // namespace spanscope

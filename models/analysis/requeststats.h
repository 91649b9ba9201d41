#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spanscope {

// One request (trace) for the slow-request and session views.
struct RequestSample {
    std::int32_t trace = -1; // index of the trace in the run (request order)
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::string session; // "" when the run has no session ids
    std::int64_t tokens = 0;
    std::int64_t errors = 0;
    std::int64_t latencyNs() const { return endNs - startNs; }
};

// Tukey's fences over a set of latencies: outliers lie above Q3 + 1.5 IQR (DESIGN.md section 6).
struct LatencySpread {
    double medianNs = 0, p95Ns = 0, q1Ns = 0, q3Ns = 0, fenceNs = 0;
};
LatencySpread latencySpread(const std::vector<double> &values);

struct SessionStats {
    std::string session;
    std::int64_t requests = 0;
    std::int64_t firstStartNs = 0, lastEndNs = 0; // the session's span of time
    std::int64_t summedLatencyNs = 0;
    std::int64_t maxLatencyNs = 0;
    std::int64_t tokens = 0;
    std::int64_t errors = 0;
    bool outlier = false; // summed latency above the fence of all sessions
};

// Sessions slowest first (by summed latency). Requests without a session are left out.
std::vector<SessionStats> sessionStats(const std::vector<RequestSample> &requests);

// Indexes into `requests`, slowest first (ties: earlier start first).
std::vector<std::int32_t> slowestRequests(const std::vector<RequestSample> &requests,
                                          std::size_t top);

} // namespace spanscope

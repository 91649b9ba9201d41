#pragma once

#include "notedtable.h"

#include <memory>

namespace spanscope {

struct RunAnalysis;

// NAT's simple stack analysis (workflow_profiling_metrics.json): per LLM and tool, its calls,
// mean, p95 and p99 duration, peak concurrency and NAT's bottleneck score, beside the same
// numbers Spanscope measured from the run's calls. Says so where the run has none.
class NatOperationsView : public NotedTable {
    Q_OBJECT
public:
    explicit NatOperationsView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis);
};

} // namespace spanscope

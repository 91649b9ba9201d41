#pragma once

#include "notedtable.h"

#include <memory>

namespace spanscope {

struct RunAnalysis;

// NAT's PrefixSpan analysis (workflow_profiling_metrics.json, prefix_span_analysis): the call
// sequences that recur across requests, how often and in how many, their mean summed duration,
// beside the share of the run's requests whose calls show the same sequence.
class NatPatternsView : public NotedTable {
    Q_OBJECT
public:
    explicit NatPatternsView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis);
};

} // namespace spanscope

#pragma once

#include "notedtable.h"

#include <memory>

namespace spanscope {

struct RunAnalysis;

// NAT's prediction trie (prediction_trie.json, NAT 1.5+): per place in the call hierarchy and
// LLM call index, the calls NAT expects to follow, the time to the next one, the output tokens
// and the latency sensitivity it hands Dynamo's router; beside the call paths Spanscope
// measured in the tabs next to it. Says so where the run has no such file.
class NatPredictionsView : public NotedTable {
    Q_OBJECT
public:
    explicit NatPredictionsView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis);
};

} // namespace spanscope

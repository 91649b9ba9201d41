#pragma once

#include "analysis/modeltokens.h"
#include "analysis/tokenstats.h"

#include <QWidget>
#include <map>
#include <memory>
#include <vector>

class QCPBars;
class QCustomPlot;
class QLabel;
class QTabWidget;
class QTreeWidget;

namespace spanscope {

struct RunAnalysis;

// Where the tokens go: prompt and completion tokens per LLM call as histograms stacked by
// model (logarithmic bins past two decades), LLM latency with the profiler's forecast and its
// 95% interval, mean tokens by the call's position in its request, calls and tokens per minute;
// the profiler's token uniqueness and common prompt prefixes per LLM. Clicking a bar lists its
// calls; activating a call opens it in the timeline.
class TokensPane : public QWidget {
    Q_OBJECT
public:
    explicit TokensPane(QWidget *parent = nullptr);

    void setAnalysis(std::shared_ptr<const RunAnalysis> analysis); // null clears
    // Lists the calls of one histogram bar (as a click on it does).
    void showBar(QCPBars *bars, int dataIndex);
    // Indexes into the analysis' llmCalls now listed.
    const std::vector<std::size_t> &listedCalls() const { return m_listed; }

    QCustomPlot *promptChart() const { return m_prompt; }
    QCustomPlot *completionChart() const { return m_completion; }
    QCustomPlot *latencyChart() const { return m_latency; }
    QCustomPlot *positionChart() const { return m_position; }
    QCustomPlot *minuteChart() const { return m_minutes; }
    QTreeWidget *callList() const { return m_calls; }
    QTreeWidget *prefixTable() const { return m_prefixes; }

signals:
    void callActivated(std::int64_t spanRowId);

private:
    struct BarInfo {
        bool prompt = true;
        std::string model;
        Histogram bins;
    };
    void fillHistogram(QCustomPlot *plot, bool prompt);
    // "model: 38.2% of prompt tokens from the cache, 1,204 reasoning tokens; ..." or "".
    static QString cacheText(const std::vector<ModelTokens> &models);
    void fillLatency();
    void fillPosition();
    void fillMinutes();
    void fillProfiler();
    void listCalls(const std::vector<std::size_t> &calls, const QString &what);

    std::shared_ptr<const RunAnalysis> m_a;
    std::map<const QCPBars *, BarInfo> m_bars;
    std::vector<std::size_t> m_listed;
    QLabel *m_summary;
    QCustomPlot *m_prompt;
    QCustomPlot *m_completion;
    QCustomPlot *m_latency;
    QCustomPlot *m_position;
    QCustomPlot *m_minutes;
    QTabWidget *m_tabs;
    QLabel *m_callsTitle;
    QTreeWidget *m_calls;
    QTreeWidget *m_prefixes;
};

} // namespace spanscope

#include "natpredictionsview.h"

#include "item/localformat.h"
#include "store/runanalysis.h"

#include <QLabel>
#include <QTreeWidget>

namespace spanscope {

NatPredictionsView::NatPredictionsView(QWidget *parent)
    : NotedTable(QStringList{tr("Path"), tr("LLM call"), tr("Samples"), tr("Calls to come"),
                             tr("Next call in (ms)"), tr("Output tokens"), tr("Sensitivity"),
                             tr("Measured calls"), tr("On critical path"), tr("Share of request")},
                 QStringLiteral("nat-predictions.csv"), parent) {
    table()->setAccessibleName(tr("NAT's call predictions"));
    m_table->setSortingEnabled(true);
    setAnalysis(nullptr);
}

void NatPredictionsView::setAnalysis(std::shared_ptr<const RunAnalysis> a) {
    m_table->clear();
    if (!a || !a->natPredictions) {
        m_note->setText(tr("This run carries no NAT prediction trie. NAT 1.5 and later write "
                           "prediction_trie.json when the profiler's prediction_trie is "
                           "enabled."));
        return;
    }
    const PredictionTrie &t = *a->natPredictions;
    m_note->setText(
        tr("What NAT's profiler predicts for each LLM call of %1, by its place in the call "
           "hierarchy, for Dynamo's router: the calls still to come after it, the time to the "
           "next, its output tokens, and how sensitive to latency the call is (1 to 5, from its "
           "critical-path, fan-out and position weights). Means over the samples. Beside them, "
           "the run's own LLM calls at the same place: how many, how much of their time lies "
           "on their request's critical path (what the request waited on), and the mean share "
           "of the request's latency one takes (what NAT weighs as critical).")
            .arg(t.workflow.empty() ? tr("the workflow")
                                    : QString::fromStdString(t.workflow).toHtmlEscaped()));
    for (const TriePrediction &p : t.predictions) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(0, QString::fromStdString(p.path));
        item->setText(1, p.callIndex > 0 ? QString::number(p.callIndex) : tr("any"));
        item->setData(2, Qt::DisplayRole, static_cast<qlonglong>(p.samples));
        item->setData(3, Qt::DisplayRole, QString::number(p.remainingCalls, 'f', 1).toDouble());
        item->setData(4, Qt::DisplayRole, QString::number(p.interarrivalMs, 'f', 0).toDouble());
        item->setData(5, Qt::DisplayRole, QString::number(p.outputTokens, 'f', 0).toDouble());
        item->setText(6, p.sensitivity ? QStringLiteral("%1 / 5").arg(*p.sensitivity)
                                       : QStringLiteral("-"));
        item->setData(7, Qt::DisplayRole, static_cast<qlonglong>(p.measuredCalls));
        const auto percent = [](const std::optional<double> &f) {
            return f ? local::fixed(*f * 100, 0) + QLatin1Char('%') : QStringLiteral("-");
        };
        item->setText(8, percent(p.onCriticalPath));
        item->setText(9, percent(p.latencyShare));
        for (int c = 1; c < 10; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->resizeColumnToContents(c);
}

} // namespace spanscope

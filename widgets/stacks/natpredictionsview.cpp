#include "natpredictionsview.h"

#include "store/runanalysis.h"

#include <QLabel>
#include <QTreeWidget>

namespace spanscope {

NatPredictionsView::NatPredictionsView(QWidget *parent)
    : NotedTable(QStringList{tr("Path"), tr("LLM call"), tr("Samples"), tr("Calls to come"),
                             tr("Next call in (ms)"), tr("Output tokens"), tr("Sensitivity")},
                 QStringLiteral("nat-predictions.csv"), parent) {
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
           "critical-path, fan-out and position weights). Means over the samples; the call "
           "paths Spanscope measured are in the tabs beside this one.")
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
        for (int c = 1; c < 6; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->resizeColumnToContents(c);
}

} // namespace spanscope

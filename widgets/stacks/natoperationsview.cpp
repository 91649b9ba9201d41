#include "natoperationsview.h"

#include "item/localformat.h"
#include "store/runanalysis.h"

#include <QLabel>
#include <QTreeWidget>

namespace spanscope {

NatOperationsView::NatOperationsView(QWidget *parent)
    : NotedTable(QStringList{tr("Operation"), tr("NAT calls"), tr("Measured"), tr("NAT mean (s)"),
                             tr("Measured"), tr("NAT p95 (s)"), tr("Measured"), tr("NAT p99 (s)"),
                             tr("Peak concurrency"), tr("NAT score")},
                 QStringLiteral("nat-operations.csv"), parent) {
    table()->setAccessibleName(tr("NAT's operations"));
    setAnalysis(nullptr);
}

void NatOperationsView::setAnalysis(std::shared_ptr<const RunAnalysis> a) {
    m_table->clear();
    if (!a || a->natOperations.empty()) {
        m_note->setText(tr("This run carries no NAT simple stack analysis "
                           "(workflow_profiling_metrics.json, simple_stack_analysis)."));
        return;
    }
    m_note->setText(tr("NAT's per-operation bottleneck report, highest score first, beside the "
                       "same figures Spanscope measured from the run's finished LLM and tool "
                       "calls; a difference means NAT counted other calls."));
    const auto seconds = [](double s) { return local::fixed(s, 3); };
    for (const NatOperation &n : a->natOperations) {
        const NatOperation *m = nullptr;
        for (const NatOperation &o : a->measuredOperations)
            if (o.kind == n.kind && o.name == n.name) m = &o;
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(0, QString::fromStdString(n.kind + ": " + n.name));
        item->setText(1, QString::number(n.calls));
        item->setText(2, m ? QString::number(m->calls) : QStringLiteral("-"));
        item->setText(3, seconds(n.meanS));
        item->setText(4, m ? seconds(m->meanS) : QStringLiteral("-"));
        item->setText(5, seconds(n.p95S));
        item->setText(6, m ? seconds(m->p95S) : QStringLiteral("-"));
        item->setText(7, seconds(n.p99S));
        item->setText(8,
                      n.maxConcurrency ? QString::number(*n.maxConcurrency) : QStringLiteral("-"));
        item->setText(9, n.bottleneckScore ? QString::number(*n.bottleneckScore, 'g', 4)
                                           : QStringLiteral("-"));
        for (int c = 1; c < 10; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->resizeColumnToContents(c);
}

} // namespace spanscope

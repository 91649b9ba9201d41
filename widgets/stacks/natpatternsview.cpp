#include "natpatternsview.h"

#include "item/localformat.h"
#include "store/runanalysis.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>

namespace spanscope {

NatPatternsView::NatPatternsView(QWidget *parent)
    : NotedTable(QStringList{tr("Call sequence"), tr("Calls"), tr("Occurrences"),
                             tr("NAT coverage"), tr("Measured"), tr("Mean duration (s)"),
                             tr("Requests")},
                 QStringLiteral("nat-patterns.csv"), parent) {
    table()->setAccessibleName(tr("NAT's call patterns"));
    setAnalysis(nullptr);
}

void NatPatternsView::setAnalysis(std::shared_ptr<const RunAnalysis> a) {
    m_table->setSortingEnabled(false);
    m_table->clear();
    if (!a || a->natPatterns.empty()) {
        m_note->setText(tr("This run carries no NAT call patterns (workflow_profiling_metrics."
                           "json, prefix_span_analysis, written when the profiler's "
                           "prefix_span_analysis is enabled)."));
        return;
    }
    m_note->setText(
        tr("The call sequences NAT's PrefixSpan analysis found recurring across requests (calls "
           "in order, others may come between), with the share of requests that hold each. "
           "\"Measured\" is the share of this run's requests whose LLM and tool calls show the "
           "same sequence, matched by name (NAT also matches the start of each prompt, so its "
           "share can be lower)."));
    const auto percent = [](double f) { return local::fixed(f * 100, 1) + QLatin1Char('%'); };
    for (const NatPattern &p : a->natPatterns) {
        QStringList calls;
        for (const std::string &c : p.calls)
            calls << QString::fromStdString(c).section(QLatin1Char('|'), 0, 0);
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(0, calls.join(QStringLiteral(" → ")));
        QStringList full;
        for (const std::string &c : p.calls)
            full << QString::fromStdString(c);
        item->setToolTip(0, full.join(QLatin1Char('\n')).toHtmlEscaped());
        item->setData(1, Qt::DisplayRole, static_cast<qlonglong>(p.calls.size()));
        item->setData(2, Qt::DisplayRole, static_cast<qlonglong>(p.frequency));
        item->setText(3, percent(p.coverage));
        item->setText(4, p.measuredCoverage ? percent(*p.measuredCoverage) : QStringLiteral("-"));
        item->setData(5, Qt::DisplayRole, QString::number(p.averageDurationS, 'f', 3).toDouble());
        item->setData(6, Qt::DisplayRole, static_cast<qlonglong>(p.requests));
        for (int c = 1; c < 7; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->resizeColumnToContents(c);
    // NAT's order first (its ranking); a click on a header sorts by that column.
    m_table->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
}

} // namespace spanscope

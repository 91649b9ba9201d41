#include "compareitems.h"

#include "analysis/textdiff.h"
#include "charts/exportmenu.h"
#include "charts/sortcell.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "store/runcomparer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace spanscope {

namespace {

enum Column { Id, Question, ValueA, ValueB, Change, LatencyA, LatencyB, Columns };

QString itemId(const EvalItemRow &r) {
    return QString::fromStdString(spanscope::itemId(r.item));
}

QString html(const std::string &s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace

CompareItems::CompareItems(QWidget *parent) : QWidget(parent) {
    m_sortBy = new QComboBox;
    m_sortBy->setAccessibleName(tr("Sort items by"));
    m_sortBy->setToolTip(tr("Sort the items by how much this changed"));
    m_table = new QTableWidget(0, Columns);
    m_table->setAccessibleName(tr("Items compared"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(Question, QHeaderView::Stretch);
    exporting::addCsvMenu(m_table, QStringLiteral("items-ab.csv"));

    m_question = new QLabel;
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::RichText);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answerA = new QTextBrowser;
    m_answerA->setAccessibleName(tr("A's answer"));
    m_answerB = new QTextBrowser;
    m_answerB->setAccessibleName(tr("B's answer"));
    m_openA = new QPushButton(tr("Open A's request"));
    m_openB = new QPushButton(tr("Open B's request"));
    const auto side = [](QTextBrowser *text, QPushButton *open) {
        auto *w = new QWidget;
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(text, 1);
        l->addWidget(open, 0, Qt::AlignLeft);
        return w;
    };
    auto *answers = new QSplitter(Qt::Horizontal);
    answers->addWidget(side(m_answerA, m_openA));
    answers->addWidget(side(m_answerB, m_openB));
    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_question);
    detailLayout->addWidget(answers, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Sort by the change in")));
    top->addWidget(m_sortBy);
    top->addStretch(1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_sortBy, &QComboBox::currentIndexChanged, this, [this] { fill(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            showPair(m_table->item(rows.first().row(), Id)->data(Qt::UserRole + 1).toInt());
    });
    for (const auto &[button, sideA] : {std::pair{m_openA, true}, std::pair{m_openB, false}})
        connect(button, &QPushButton::clicked, this, [this, sideA = sideA] {
            if (!m_c || m_shown < 0) return;
            const ItemPair &p = m_c->result.pairs[static_cast<std::size_t>(m_shown)];
            const int index = sideA ? p.a : p.b;
            if (index < 0) return;
            const auto &row = (sideA ? m_c->itemsA : m_c->itemsB)[static_cast<std::size_t>(index)];
            if (row.item.traceId)
                emit requestActivated(sideA ? m_c->a.id : m_c->b.id, *row.item.traceId);
        });
}

void CompareItems::setComparison(std::shared_ptr<const StoredComparison> comparison) {
    m_c = std::move(comparison);
    m_shown = -1;
    const QSignalBlocker block(m_sortBy);
    m_sortBy->clear();
    if (m_c) {
        for (const EvaluatorComparison &e : m_c->result.evaluators)
            m_sortBy->addItem(QString::fromStdString(e.name), QString::fromStdString(e.name));
        m_sortBy->addItem(tr("request latency"), QString());
    }
    fill();
    if (m_table->rowCount() > 0) m_table->selectRow(0);
}

void CompareItems::sortBy(const QString &evaluator) {
    const int i = m_sortBy->findData(evaluator);
    if (i >= 0) m_sortBy->setCurrentIndex(i);
}

std::vector<int> CompareItems::rowPairs() const {
    std::vector<int> out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out.push_back(m_table->item(r, Id)->data(Qt::UserRole + 1).toInt());
    return out;
}

void CompareItems::selectPair(int pair) {
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, Id)->data(Qt::UserRole + 1).toInt() == pair) {
            m_table->selectRow(r);
            return;
        }
}

void CompareItems::fill() {
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
    if (!m_c) return;
    const std::string evaluator = m_sortBy->currentData().toString().toStdString();
    const bool latency = evaluator.empty();
    m_table->setHorizontalHeaderLabels(
        {tr("Item"), tr("Question"), latency ? tr("Latency A") : tr("%1 A").arg(evaluator.c_str()),
         latency ? tr("Latency B") : tr("%1 B").arg(evaluator.c_str()), tr("B − A"),
         tr("Latency A (s)"), tr("Latency B (s)")});
    const auto value = [&](const EvalItemRow *row) -> std::optional<double> {
        if (!row) return std::nullopt;
        if (latency) return row->item.latency;
        const auto it = row->item.scores.find(evaluator);
        return it == row->item.scores.end() ? std::nullopt : std::optional<double>(it->second);
    };
    const auto &pairs = m_c->result.pairs;
    // Worst first: scores that fell most, latencies that grew most; unmatched items last.
    std::vector<std::pair<double, int>> order;
    for (std::size_t p = 0; p < pairs.size(); ++p) {
        const EvalItemRow *a =
            pairs[p].a >= 0 ? &m_c->itemsA[static_cast<std::size_t>(pairs[p].a)] : nullptr;
        const EvalItemRow *b =
            pairs[p].b >= 0 ? &m_c->itemsB[static_cast<std::size_t>(pairs[p].b)] : nullptr;
        const auto va = value(a), vb = value(b);
        double key = std::numeric_limits<double>::infinity();
        if (va && vb)
            key = latency ? -(*vb - *va) : *vb - *va;
        else if (a && b)
            key = 1e300;
        order.emplace_back(key, static_cast<int>(p));
    }
    std::stable_sort(order.begin(), order.end());
    m_table->setRowCount(static_cast<int>(order.size()));
    for (int row = 0; row < static_cast<int>(order.size()); ++row) {
        const int p = order[static_cast<std::size_t>(row)].second;
        const ItemPair &pair = pairs[static_cast<std::size_t>(p)];
        const EvalItemRow *a =
            pair.a >= 0 ? &m_c->itemsA[static_cast<std::size_t>(pair.a)] : nullptr;
        const EvalItemRow *b =
            pair.b >= 0 ? &m_c->itemsB[static_cast<std::size_t>(pair.b)] : nullptr;
        const EvalItemRow *any = a ? a : b;
        QString id = itemId(*any);
        if (!a) id += tr(" (only in B)");
        if (!b) id += tr(" (only in A)");
        auto *idCell = new SortCell(id, row);
        idCell->setData(Qt::UserRole + 1, p);
        m_table->setItem(row, Id, idCell);
        m_table->setItem(row, Question,
                         new SortCell(QString::fromStdString(any->question).simplified(), row));
        const auto va = value(a), vb = value(b);
        const auto number = [&](int column, const std::optional<double> &v, int decimals) {
            auto *c = new SortCell(v ? local::fixed(*v, decimals) : QStringLiteral("-"),
                                   v.value_or(-1e300));
            c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, c);
            return c;
        };
        number(ValueA, va, latency ? 2 : 3);
        number(ValueB, vb, latency ? 2 : 3);
        QTableWidgetItem *change =
            number(Change, va && vb ? std::optional(*vb - *va) : std::nullopt, latency ? 2 : 3);
        if (va && vb && std::abs(*vb - *va) > 1e-9) {
            const bool worse = latency ? *vb > *va : *vb < *va;
            change->setForeground(worse ? theme::bad() : theme::good());
            if (worse) idCell->setForeground(theme::bad());
        }
        number(LatencyA, a ? a->item.latency : std::nullopt, 2);
        number(LatencyB, b ? b->item.latency : std::nullopt, 2);
    }
    m_table->resizeColumnToContents(Id);
    m_table->setColumnWidth(
        Id, std::max(m_table->columnWidth(Id), fontMetrics().horizontalAdvance(tr("Item")) + 36));
    // The id column sorts by row: worst change first, until the user sorts otherwise.
    m_table->horizontalHeader()->setSortIndicator(Id, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
}

void CompareItems::showPair(int pair) {
    m_shown = pair;
    const ItemPair &p = m_c->result.pairs[static_cast<std::size_t>(pair)];
    const EvalItemRow *a = p.a >= 0 ? &m_c->itemsA[static_cast<std::size_t>(p.a)] : nullptr;
    const EvalItemRow *b = p.b >= 0 ? &m_c->itemsB[static_cast<std::size_t>(p.b)] : nullptr;
    const EvalItemRow *any = a ? a : b;
    QString q = tr("<b>%1</b>").arg(itemId(*any).toHtmlEscaped());
    if (!any->question.empty()) q += QStringLiteral(": ") + html(any->question);
    if (!any->expected.empty())
        q += tr("<br><span style='color:#616161'>Reference: %1</span>").arg(html(any->expected));
    m_question->setText(theme::html(q));
    const textdiff::Diff d =
        textdiff::diffWords(a ? a->generated : std::string(), b ? b->generated : std::string());
    const auto render = [&](const EvalItemRow *row, const std::vector<textdiff::Segment> &segments,
                            const QString &side, const QString &label, const char *mark) {
        if (!row) return tr("<p><i>This item is not in %1.</i></p>").arg(side);
        QString h = QStringLiteral("<p><b>%1</b> %2</p><p>").arg(side, html(label.toStdString()));
        for (const textdiff::Segment &s : segments)
            h += s.changed ? QStringLiteral("<span style='background:%1'>%2</span>")
                                 .arg(QLatin1String(mark), html(s.text))
                           : html(s.text);
        h += QStringLiteral("</p>");
        for (const auto &[evaluator, score] : row->item.scores) {
            h += QStringLiteral("<p><b>%1</b> %2").arg(html(evaluator)).arg(local::fixed(score, 3));
            if (const auto it = row->reasoning.find(evaluator); it != row->reasoning.end())
                h += QStringLiteral("<br><span style='color:%1'>%2</span>")
                         .arg(theme::muted().name(), html(it->second));
            h += QStringLiteral("</p>");
        }
        if (row->item.latency)
            h += tr("<p style='color:%5'>latency %1 s, %2 tokens in, %3 out, %4 errors</p>")
                     .arg(local::fixed(*row->item.latency, 2))
                     .arg(row->item.inputTokens)
                     .arg(row->item.outputTokens)
                     .arg(row->item.errors)
                     .arg(theme::muted().name());
        return h;
    };
    const bool dark = theme::dark();
    m_answerA->setHtml(render(a, d.a, tr("A"), QString::fromStdString(m_c->a.label),
                              dark ? "#6d2b2b" : "#ffcdd2"));
    m_answerB->setHtml(render(b, d.b, tr("B"), QString::fromStdString(m_c->b.label),
                              dark ? "#2b5e2f" : "#c8e6c9"));
    m_openA->setEnabled(a && a->item.traceId);
    m_openB->setEnabled(b && b->item.traceId);
    emit pairSelected(pair);
}

} // namespace spanscope

#include "overviewpane.h"

#include "analysis/runsummary.h"
#include "charts/chartsupport.h"
#include "charts/exportmenu.h"
#include "charts/sortcell.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "store/runqueries.h"
#include "workspace/latestresult.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>

namespace spanscope {

struct RunOverviewData {
    RunInfo run;
    RunSummary summary;
    std::vector<EvalItemRow> items;
    std::vector<RunQueries::FileRow> files;
    std::map<std::string, std::string> texts; // the raw files' text (configuration, reports)
};

namespace {

constexpr int scoreBins = 10;
enum FixedColumn { Id, Question, Answer, FixedColumns };

QString seconds(const std::optional<double> &v) {
    return v ? local::fixed(*v, 2) + QStringLiteral(" s") : QStringLiteral("-");
}

QString html(const std::string &s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

// The bar a score falls in; the bars and the filter of a clicked bar both use it, so a bar lists
// exactly the items it counts. The tolerance keeps 0.85 in the bar that starts at 0.85.
int binOf(double score, double lo, double width) {
    return std::clamp(static_cast<int>(std::floor((score - lo) / width + 1e-9)), 0, scoreBins - 1);
}

} // namespace

OverviewPane::OverviewPane(const QString &workspacePath, QWidget *parent)
    : QWidget(parent), m_job(std::make_unique<LatestResult<std::shared_ptr<const RunOverviewData>>>(
                           this, workspacePath)) {
    m_summary = new QLabel;
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &link) {
        if (!m_data || !link.startsWith(QLatin1String("file:"))) return;
        const auto it = m_data->texts.find(link.mid(5).toStdString());
        if (it != m_data->texts.end()) m_detail->setPlainText(QString::fromStdString(it->second));
    });
    auto *summaryScroll = new QScrollArea;
    summaryScroll->setWidget(m_summary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);

    m_filter = new QLineEdit;
    m_filter->setAccessibleName(tr("Filter evaluation items"));
    m_filter->setPlaceholderText(tr("Filter items by id, question or answer"));
    m_filter->setClearButtonEnabled(true);
    m_clearFilter = new QPushButton(tr("Show all scores"));
    m_clearFilter->setEnabled(false);
    m_count = new QLabel;
    m_items = new QTableWidget;
    m_items->setAccessibleName(tr("Evaluation items"));
    m_items->verticalHeader()->setVisible(false);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setSelectionMode(QAbstractItemView::SingleSelection);
    m_items->setWordWrap(false);
    m_items->setToolTip(tr("Double-click an item to open its request's waterfall"));
    exporting::addCsvMenu(m_items, QStringLiteral("items.csv"));

    m_histogramBox = new QWidget;
    m_histogramLayout = new QVBoxLayout(m_histogramBox);
    m_histogramLayout->setContentsMargins(0, 0, 0, 0);
    auto *histogramScroll = new QScrollArea;
    histogramScroll->setWidget(m_histogramBox);
    histogramScroll->setWidgetResizable(true);
    histogramScroll->setMinimumWidth(280);

    m_detail = new QTextBrowser;
    m_detail->setAccessibleName(tr("Item details"));

    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filter, 1);
    filterBar->addWidget(m_clearFilter);
    filterBar->addWidget(m_count);
    auto *itemsBox = new QWidget;
    auto *itemsLayout = new QVBoxLayout(itemsBox);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addLayout(filterBar);
    itemsLayout->addWidget(m_items, 1);
    auto *middle = new QSplitter(Qt::Horizontal);
    middle->addWidget(itemsBox);
    middle->addWidget(histogramScroll);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(summaryScroll);
    split->addWidget(middle);
    split->addWidget(m_detail);
    split->setSizes({200, 420, 220});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_filter, &QLineEdit::textChanged, this, [this] { applyFilters(); });
    connect(m_clearFilter, &QPushButton::clicked, this, [this] { clearScoreFilter(); });
    connect(m_items, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_items->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            showItem(m_items->item(rows.first().row(), Id)->data(Qt::UserRole + 1).toInt());
    });
    connect(m_items, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const int i = m_items->item(row, Id)->data(Qt::UserRole + 1).toInt();
        const auto &item = m_data->items[static_cast<std::size_t>(i)].item;
        if (item.traceId) emit requestActivated(*item.traceId);
    });
}

OverviewPane::~OverviewPane() = default;

void OverviewPane::setRun(std::optional<RunInfo> run) {
    if (!run) {
        m_job->clear();
        present(nullptr);
        return;
    }
    m_job->run(
        [run = *run](const Workspace &ws) {
            auto d = std::make_shared<RunOverviewData>();
            d->run = run;
            d->summary = summarize(RunQueries(ws).summaryInput(run.id));
            d->items = EvalQueries(ws).items(run.id);
            d->files = RunQueries(ws).runFiles(run.id);
            // The raw files people read here (NAT's configuration, its text report), read
            // now so a click shows them without a query on the UI thread.
            for (const RunQueries::FileRow &f : d->files)
                if (f.role == "raw" && f.size <= (1 << 20))
                    if (auto text = RunQueries(ws).runFile(run.id, f.name))
                        d->texts.emplace(f.name, std::move(*text));
            // Plain traces have no eval items: the request table already lists the requests.
            if (d->summary.evaluators.empty() && run.kind != "nat-eval") d->items.clear();
            return std::shared_ptr<const RunOverviewData>(d);
        },
        [this](const std::shared_ptr<const RunOverviewData> &d) { present(d); }, {});
}

void OverviewPane::present(const std::shared_ptr<const RunOverviewData> &overview) {
    m_data = overview;
    m_scoreFilter.reset();
    m_clearFilter->setEnabled(false);
    m_evaluators.clear();
    if (m_data)
        for (const EvaluatorSummary &e : m_data->summary.evaluators)
            m_evaluators.push_back(QString::fromStdString(e.name));
    fillSummary();
    fillItems();
    fillHistograms();
    applyFilters();
    m_detail->clear();
    if (m_items->rowCount() > 0) m_items->selectRow(0);
    emit loaded();
}

void OverviewPane::fillSummary() {
    if (!m_data) {
        m_summary->setText(tr("No run selected."));
        return;
    }
    const RunInfo &run = m_data->run;
    const RunSummary &s = m_data->summary;
    QString h = QStringLiteral("<h3>%1 <small>(%2, run %3)</small></h3>")
                    .arg(html(run.label), html(run.kind))
                    .arg(run.id);
    h += QStringLiteral("<table cellspacing=6>");
    const auto row = [&](const QString &name, const QString &value) {
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name, value);
    };
    if (run.kind != "nat-sizing") {
        row(tr("Requests"), QLocale().toString(static_cast<qlonglong>(s.requests)));
        row(tr("Latency"),
            tr("p50 %1, p95 %2, max %3")
                .arg(seconds(s.latencyP50), seconds(s.latencyP95), seconds(s.latencyMax)));
        row(tr("LLM calls"), tr("%1, p50 %2, p95 %3")
                                 .arg(QLocale().toString(static_cast<qlonglong>(s.llmCalls)),
                                      seconds(s.llmP50), seconds(s.llmP95)));
        row(tr("Tokens"), tr("%1 in, %2 out")
                              .arg(QLocale().toString(static_cast<qlonglong>(s.inputTokens)),
                                   QLocale().toString(static_cast<qlonglong>(s.outputTokens))));
        row(tr("Spans"), tr("%1, %2 unfinished, %3 with errors")
                             .arg(QLocale().toString(static_cast<qlonglong>(s.spans)))
                             .arg(s.unfinishedSpans)
                             .arg(s.errorSpans));
        QStringList models;
        for (const std::string &m : s.models) {
            QString line = html(m);
            // Cached and reasoning tokens are parts of the prompt and completion tokens.
            for (const ModelTokens &t : s.modelTokens)
                if (t.model == m && (t.cachedTokens > 0 || t.reasoningTokens > 0))
                    line += tr(" (%1% of prompt tokens cached, %L2 reasoning tokens)")
                                .arg(local::fixed(t.cacheHitRatio().value_or(0) * 100, 1))
                                .arg(t.reasoningTokens);
            models << line;
        }
        row(tr("Models"),
            models.isEmpty() ? QStringLiteral("-") : models.join(QStringLiteral(", ")));
    }
    for (const EvaluatorSummary &e : s.evaluators)
        row(html(e.name), tr("mean %1 over %2 items (the evaluator reported %3)")
                              .arg(e.mean ? local::fixed(*e.mean, 4) : QStringLiteral("-"))
                              .arg(e.items)
                              .arg(e.reportedAverage ? local::fixed(*e.reportedAverage, 4)
                                                     : QStringLiteral("-")));
    if (s.natConcurrency)
        row(tr("Concurrency"), tr("%1 (the max_concurrency NAT ran it at)").arg(*s.natConcurrency));
    if (!s.dynamo.empty()) {
        QStringList lines;
        for (const MetricValue &m : s.dynamo)
            lines << QStringLiteral("%1 %2 %3")
                         .arg(html(m.name.substr(7)))
                         .arg(m.value ? QString::number(*m.value, 'g', 4) : QStringLiteral("-"))
                         .arg(html(m.unit));
        row(tr("Dynamo"), lines.join(QStringLiteral("<br>")) +
                              tr("<br><i>The inference server's metrics, as NAT read them.</i>"));
    }
    for (const MetricValue &m : s.forecasts) {
        QString v = m.value ? QString::number(*m.value, 'g', 5) : QStringLiteral("-");
        if (m.lower && m.upper)
            v += QStringLiteral(" [%1, %2]").arg(*m.lower, 0, 'g', 5).arg(*m.upper, 0, 'g', 5);
        row(html(m.name), v + QLatin1Char(' ') + html(m.unit));
    }
    if (!s.sizing.empty()) {
        QStringList points;
        for (const SizingValue &p : s.sizing)
            points << QStringLiteral("%1 @%2: p95 %3")
                          .arg(html(p.metric))
                          .arg(p.concurrency)
                          .arg(seconds(p.p95));
        row(tr("Sizing points"), points.join(QStringLiteral("<br>")) +
                                     tr("<br><i>The Sizing tab fits them for any target.</i>"));
    }
    // The files of the run; the configuration and reports open below on a click.
    QStringList files;
    for (const RunQueries::FileRow &f : m_data->files) {
        const QString name = html(f.name);
        const QString size = QLocale().formattedDataSize(f.size);
        files << (m_data->texts.count(f.name)
                      ? QStringLiteral("<a href='file:%1'>%1</a> (%2, %3)")
                            .arg(name, html(f.role), size)
                      : QStringLiteral("%1 (%2, %3)").arg(name, html(f.role), size));
    }
    if (!files.isEmpty()) row(tr("Files"), files.join(QStringLiteral("<br>")));
    h += QStringLiteral("</table>");
    m_summary->setText(h);
}

void OverviewPane::fillItems() {
    m_items->setSortingEnabled(false);
    m_items->clear();
    const int columns = FixedColumns + static_cast<int>(m_evaluators.size()) + 4;
    m_items->setColumnCount(columns);
    QStringList headers = {tr("Item"), tr("Question"), tr("Generated answer")};
    for (const QString &e : m_evaluators)
        headers << e;
    headers << tr("Latency (s)") << tr("Tokens in") << tr("Tokens out") << tr("Errors");
    m_items->setHorizontalHeaderLabels(headers);
    const int n = m_data ? static_cast<int>(m_data->items.size()) : 0;
    m_items->setRowCount(n);
    if (!n) return;
    // Each evaluator's lowest tenth (at least the lowest score) is marked.
    std::vector<double> lowMark;
    for (const QString &e : m_evaluators) {
        std::vector<double> scores;
        for (const EvalItemRow &r : m_data->items)
            if (const auto it = r.item.scores.find(e.toStdString()); it != r.item.scores.end())
                scores.push_back(it->second);
        std::sort(scores.begin(), scores.end());
        lowMark.push_back(scores.empty() ? -1e300
                                         : scores[std::min(scores.size() - 1, scores.size() / 10)]);
    }
    for (int row = 0; row < n; ++row) {
        const EvalItemRow &r = m_data->items[static_cast<std::size_t>(row)];
        auto *id = new SortCell(QString::fromStdString(itemId(r.item)),
                                static_cast<double>(r.item.ordinal));
        id->setData(Qt::UserRole + 1, row);
        m_items->setItem(row, Id, id);
        m_items->setItem(row, Question,
                         new SortCell(QString::fromStdString(r.question).simplified()));
        m_items->setItem(row, Answer,
                         new SortCell(QString::fromStdString(r.generated).simplified()));
        const auto number = [&](int column, const std::optional<double> &v, int decimals) {
            auto *c = new SortCell(v ? local::fixed(*v, decimals) : QStringLiteral("-"),
                                   v.value_or(-1e300));
            c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_items->setItem(row, column, c);
            return c;
        };
        for (std::size_t e = 0; e < m_evaluators.size(); ++e) {
            const auto it = r.item.scores.find(m_evaluators[e].toStdString());
            const auto score =
                it == r.item.scores.end() ? std::nullopt : std::optional<double>(it->second);
            QTableWidgetItem *c = number(FixedColumns + static_cast<int>(e), score, 3);
            if (score && *score <= lowMark[e]) {
                c->setForeground(theme::bad());
                QFont f = c->font();
                f.setBold(true);
                c->setFont(f);
            }
        }
        const int after = FixedColumns + static_cast<int>(m_evaluators.size());
        number(after, r.item.latency, 2);
        number(after + 1, static_cast<double>(r.item.inputTokens), 0);
        number(after + 2, static_cast<double>(r.item.outputTokens), 0);
        // A workflow that raised on the item (NAT 1.5+ records it) counts as an error too.
        QTableWidgetItem *errors =
            number(after + 3, static_cast<double>(r.item.errors + (r.error.empty() ? 0 : 1)), 0);
        if (!r.error.empty()) {
            errors->setForeground(theme::bad());
            errors->setToolTip(
                tr("The workflow failed on this item: %1").arg(QString::fromStdString(r.error)));
        }
    }
    m_items->resizeColumnsToContents();
    for (int c : {Question, Answer})
        m_items->setColumnWidth(c, std::min(m_items->columnWidth(c), 360));
    m_items->setColumnWidth(
        Id, std::max(m_items->columnWidth(Id), fontMetrics().horizontalAdvance(tr("Item")) + 36));
    m_items->horizontalHeader()->setSortIndicator(Id, Qt::AscendingOrder);
    m_items->setSortingEnabled(true);
}

QCustomPlot *OverviewPane::histogram(const QString &evaluator) const {
    const auto it = m_histograms.find(evaluator);
    return it == m_histograms.end() ? nullptr : it->second;
}

void OverviewPane::fillHistograms() {
    for (auto &[name, plot] : m_histograms)
        plot->deleteLater();
    m_histograms.clear();
    m_bins.clear();
    if (!m_data) return;
    for (std::size_t e = 0; e < m_evaluators.size(); ++e) {
        const QString name = m_evaluators[e];
        std::vector<double> scores;
        for (const EvalItemRow &r : m_data->items)
            if (const auto it = r.item.scores.find(name.toStdString()); it != r.item.scores.end())
                scores.push_back(it->second);
        if (scores.empty()) continue;
        // Bins over the tenths the scores span (judges' scores crowd into 0.7..1.0), so the
        // bars tell items apart; scores outside 0..1 get the data's own range.
        const double minScore = *std::min_element(scores.begin(), scores.end());
        const double maxScore = *std::max_element(scores.begin(), scores.end());
        double lo = std::floor(minScore * 10) / 10, hi = std::ceil(maxScore * 10) / 10;
        if (hi <= lo) hi = lo + 0.1;
        const double width = (hi - lo) / scoreBins;
        m_bins[name] = {lo, width};
        std::vector<double> counts(scoreBins, 0);
        for (double s : scores)
            counts[static_cast<std::size_t>(binOf(s, lo, width))] += 1;
        auto *plot = new QCustomPlot;
        charts::style(plot);
        charts::addSaveMenu(plot, name + QStringLiteral("-scores.png"));
        plot->setMinimumHeight(150);
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(
            0, 0, new QCPTextElement(plot, name, QFont(font().family(), 9, QFont::Bold)));
        plot->xAxis->setLabel(tr("score"));
        plot->yAxis->setLabel(tr("items"));
        charts::integerTicks(plot->yAxis);
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setWidth(width * 0.9);
        bars->setBrush(charts::seriesColour(static_cast<int>(e)).lighter(130));
        bars->setPen(QPen(charts::seriesColour(static_cast<int>(e))));
        double top = 1;
        for (int k = 0; k < scoreBins; ++k) {
            bars->addData(lo + (k + 0.5) * width, counts[static_cast<std::size_t>(k)]);
            top = std::max(top, counts[static_cast<std::size_t>(k)]);
        }
        plot->xAxis->setRange(lo, hi);
        plot->yAxis->setRange(0, top * 1.15);
        plot->setInteractions(QCP::iSelectPlottables);
        bars->setSelectable(QCP::stSingleData);
        plot->setToolTip(tr("Click a bar to list its items"));
        connect(plot, &QCustomPlot::plottableClick, this,
                [this, name](QCPAbstractPlottable *, int dataIndex, QMouseEvent *) {
                    filterScoreBin(name, dataIndex);
                });
        m_histogramLayout->addWidget(plot);
        m_histograms[name] = plot;
        charts::replotWhenShown(plot);
    }
    m_histogramLayout->addStretch(1);
}

void OverviewPane::filterScoreBin(const QString &evaluator, int bin) {
    m_scoreFilter = ScoreFilter{evaluator, bin};
    m_clearFilter->setEnabled(true);
    applyFilters();
}

void OverviewPane::clearScoreFilter() {
    m_scoreFilter.reset();
    m_clearFilter->setEnabled(false);
    for (auto &[name, plot] : m_histograms) {
        plot->deselectAll();
        plot->replot();
    }
    applyFilters();
}

int OverviewPane::visibleItems() const {
    int n = 0;
    for (int r = 0; r < m_items->rowCount(); ++r)
        n += !m_items->isRowHidden(r);
    return n;
}

void OverviewPane::applyFilters() {
    const QString text = m_filter->text().trimmed();
    for (int row = 0; row < m_items->rowCount(); ++row) {
        const int i = m_items->item(row, Id)->data(Qt::UserRole + 1).toInt();
        const EvalItemRow &r = m_data->items[static_cast<std::size_t>(i)];
        bool show = text.isEmpty() ||
                    m_items->item(row, Id)->text().contains(text, Qt::CaseInsensitive) ||
                    QString::fromStdString(r.question).contains(text, Qt::CaseInsensitive) ||
                    QString::fromStdString(r.generated).contains(text, Qt::CaseInsensitive);
        if (show && m_scoreFilter) {
            const auto it = r.item.scores.find(m_scoreFilter->evaluator.toStdString());
            const auto bins = m_bins.find(m_scoreFilter->evaluator);
            show = it != r.item.scores.end() && bins != m_bins.end() &&
                   binOf(it->second, bins->second.first, bins->second.second) == m_scoreFilter->bin;
        }
        m_items->setRowHidden(row, !show);
    }
    m_count->setText(tr("%1 of %2 items").arg(visibleItems()).arg(m_items->rowCount()));
}

void OverviewPane::showItem(int index) {
    const EvalItemRow &r = m_data->items[static_cast<std::size_t>(index)];
    QString h = QStringLiteral("<h4>%1</h4>").arg(html(itemId(r.item)));
    h += tr("<p><b>Question</b><br>%1</p>").arg(html(r.question));
    h += tr("<p><b>Reference answer</b><br>%1</p>").arg(html(r.expected));
    h += tr("<p><b>Generated answer</b><br>%1</p>").arg(html(r.generated));
    if (!r.error.empty())
        h += tr("<p><b><font color=#c62828>The workflow failed on this item</font></b><br>%1</p>")
                 .arg(html(r.error));
    // The dataset row's other fields (NAT 1.5+ copies them into each item).
    const nlohmann::json fields = nlohmann::json::parse(r.attributesJson, nullptr, false);
    if (fields.is_object() && !fields.empty()) {
        h += tr("<p><b>Dataset fields</b>");
        for (auto it = fields.begin(); it != fields.end(); ++it)
            h += QStringLiteral("<br>%1: %2")
                     .arg(html(it.key()),
                          html(it->is_string() ? it->get<std::string>() : it->dump()));
        h += QStringLiteral("</p>");
    }
    for (const auto &[evaluator, score] : r.item.scores) {
        h += QStringLiteral("<p><b>%1</b> %2").arg(html(evaluator)).arg(local::fixed(score, 3));
        if (const auto it = r.reasoning.find(evaluator); it != r.reasoning.end())
            h += QStringLiteral("<br>%1").arg(html(it->second));
        h += QStringLiteral("</p>");
    }
    m_detail->setHtml(h);
}

} // namespace spanscope

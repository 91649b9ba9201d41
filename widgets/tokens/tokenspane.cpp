#include "tokenspane.h"

#include "charts/chartsupport.h"
#include "charts/exportmenu.h"
#include "common/theme.h"
#include "item/localformat.h"
#include "store/runanalysis.h"

#include <QGridLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <qcustomplot.h>
#include <set>

namespace spanscope {

namespace {

QString compact(double v) {
    if (v >= 1e6) return QString::number(v / 1e6, 'g', 3) + QLatin1Char('M');
    if (v >= 1e3) return QString::number(v / 1e3, 'g', 3) + QLatin1Char('k');
    return QString::number(v, 'g', 3);
}

QString dur(std::int64_t ns) {
    return local::duration(ns);
}

// Tick labels at the bins' edges: bar k sits at key k, its edges at k -/+ 0.5.
void binTicks(QCPAxis *axis, const Histogram &h) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    // Every edge; the chart shows as many as its width keeps apart (charts::style).
    const int n = static_cast<int>(h.edges.size());
    for (int k = 0; k < n; ++k)
        ticker->addTick(k - 0.5, compact(h.edges[static_cast<std::size_t>(k)]));
    axis->setTicker(ticker);
    axis->setRange(-0.6, n - 1.4);
}

QCustomPlot *newChart(const QString &title, const QString &file) {
    auto *p = new QCustomPlot;
    charts::style(p);
    p->plotLayout()->insertRow(0);
    auto *t =
        new QCPTextElement(p, title, QFont(p->font().family(), p->font().pointSize(), QFont::Bold));
    p->plotLayout()->addElement(0, 0, t);
    p->setMinimumSize(180, 160);
    charts::addSaveMenu(p, file);
    return p;
}

} // namespace

TokensPane::TokensPane(QWidget *parent) : QWidget(parent) {
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("tokensSummary"));
    m_summary->setWordWrap(true);
    m_prompt = newChart(tr("Prompt tokens per LLM call"), QStringLiteral("prompt-tokens.png"));
    m_completion =
        newChart(tr("Completion tokens per LLM call"), QStringLiteral("completion-tokens.png"));
    m_latency = newChart(tr("LLM call latency"), QStringLiteral("llm-latency.png"));
    m_position = newChart(tr("Mean tokens by the call's place in its request"),
                          QStringLiteral("tokens-by-position.png"));
    m_minutes =
        newChart(tr("Calls and tokens per minute"), QStringLiteral("tokens-per-minute.png"));
    for (QCustomPlot *p : {m_prompt, m_completion})
        p->setToolTip(tr("Click a bar to list its calls"));

    m_callsTitle = new QLabel(tr("Click a bar of a token histogram to list its calls."));
    m_calls = new QTreeWidget;
    m_calls->setAccessibleName(tr("LLM calls of the selected bar"));
    m_calls->setRootIsDecorated(false);
    m_calls->setSortingEnabled(true);
    m_calls->setHeaderLabels(
        {tr("Model"), tr("Prompt"), tr("Completion"), tr("Duration"), tr("Request"), tr("Start")});
    m_calls->setToolTip(tr("Double-click opens the call in the timeline"));
    auto *callsBox = new QWidget;
    auto *callsLayout = new QVBoxLayout(callsBox);
    callsLayout->setContentsMargins(2, 2, 2, 2);
    callsLayout->addWidget(m_callsTitle);
    callsLayout->addWidget(m_calls, 1);
    m_prefixes = new QTreeWidget;
    m_prefixes->setAccessibleName(tr("Token uniqueness and common prefixes"));
    m_prefixes->setHeaderLabels({tr("LLM / prefix"), tr("Calls"), tr("Share"), tr("Length"),
                                 tr("Uniqueness p90"), tr("p95"), tr("p99")});
    m_tabs = new QTabWidget;
    m_tabs->addTab(callsBox, tr("Calls"));
    m_tabs->addTab(m_prefixes, tr("Token uniqueness and common prefixes"));

    auto *grid = new QWidget;
    auto *g = new QGridLayout(grid);
    g->setContentsMargins(0, 0, 0, 0);
    g->addWidget(m_prompt, 0, 0);
    g->addWidget(m_completion, 0, 1);
    g->addWidget(m_latency, 0, 2);
    g->addWidget(m_position, 1, 0);
    g->addWidget(m_minutes, 1, 1, 1, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(grid);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(4, 4, 4, 4);
    box->addWidget(m_summary);
    box->addWidget(split, 1);

    for (QCustomPlot *p : {m_prompt, m_completion}) {
        p->setInteractions(QCP::iSelectPlottables);
        connect(p, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *pl, int index) {
            if (auto *bars = qobject_cast<QCPBars *>(pl)) showBar(bars, index);
        });
    }
    exporting::addCsvMenu(m_calls, QStringLiteral("llm-calls.csv"));
    exporting::addCsvMenu(m_prefixes, QStringLiteral("prefixes.csv"));
    connect(m_calls, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit callActivated(item->data(0, Qt::UserRole).toLongLong());
    });
    setAnalysis(nullptr);
}

void TokensPane::setAnalysis(std::shared_ptr<const RunAnalysis> analysis) {
    m_a = std::move(analysis);
    m_bars.clear();
    fillHistogram(m_prompt, true);
    fillHistogram(m_completion, false);
    fillLatency();
    fillPosition();
    fillMinutes();
    fillProfiler();
    listCalls({}, tr("Click a bar of a token histogram to list its calls."));
    if (!m_a) return m_summary->clear();
    const TokenCharts &t = m_a->tokenCharts;
    m_summary->setText(tr("%L1 LLM calls to %2, %L3 with token counts: %L4 prompt and %L5 "
                          "completion tokens")
                           .arg(m_a->llmCalls.size())
                           .arg(tr("%n model(s)", nullptr, static_cast<int>(t.models)))
                           .arg(t.callsWithCounts)
                           .arg(t.inputTokens)
                           .arg(t.outputTokens) +
                       cacheText(t.byModel));
}

QString TokensPane::cacheText(const std::vector<ModelTokens> &models) {
    // Cached and reasoning tokens are parts of the counts above (NAT 1.4+), said per model
    // only where a server reported them.
    QStringList parts;
    for (const ModelTokens &m : models) {
        if (m.cachedTokens == 0 && m.reasoningTokens == 0) continue;
        QString part = QString::fromStdString(m.model) + QStringLiteral(": ");
        if (const auto hit = m.cacheHitRatio(); hit && m.cachedTokens > 0)
            part += tr("%1% of prompt tokens from the cache").arg(local::fixed(*hit * 100, 1));
        if (m.reasoningTokens > 0)
            part += (m.cachedTokens > 0 ? QStringLiteral(", ") : QString()) +
                    tr("%L1 reasoning tokens").arg(m.reasoningTokens);
        parts << part;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(". ") + parts.join(QStringLiteral("; "));
}

void TokensPane::fillHistogram(QCustomPlot *plot, bool prompt) {
    plot->clearPlottables();
    const TokenHistogram *h =
        m_a ? (prompt ? &m_a->tokenCharts.prompt : &m_a->tokenCharts.completion) : nullptr;
    if (!h || h->bins.counts.empty()) return charts::replotWhenShown(plot);
    QCPBars *below = nullptr;
    int k = 0;
    std::vector<double> stack(h->bins.counts.size(), 0);
    double top = 0;
    for (const auto &[model, counts] : h->byModel) {
        QVector<double> keys, values;
        for (std::size_t b = 0; b < counts.size(); ++b) {
            keys << static_cast<double>(b);
            values << static_cast<double>(counts[b]);
            top = std::max(top, stack[b] += static_cast<double>(counts[b]));
        }
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(QString::fromStdString(model.empty() ? std::string("(no model)") : model));
        bars->setData(keys, values, true);
        bars->setWidth(0.9);
        bars->setPen(Qt::NoPen);
        bars->setBrush(charts::seriesColour(k++));
        bars->setSelectable(QCP::stSingleData);
        if (below) bars->moveAbove(below);
        below = bars;
        m_bars[bars] = {prompt, model, h->bins};
    }
    binTicks(plot->xAxis, h->bins);
    plot->xAxis->setLabel(h->bins.logScale ? tr("tokens (logarithmic bins)") : tr("tokens"));
    plot->yAxis->setLabel(tr("calls"));
    charts::integerTicks(plot->yAxis);
    // Head room for the legend of models above the bars.
    const std::size_t models = h->byModel.size();
    plot->yAxis->setRange(0,
                          top * (models > 1 ? 1.2 + 0.12 * static_cast<double>(models) : 1.12) + 1);
    charts::showLegend(plot, models > 1);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    charts::replotWhenShown(plot);
}

void TokensPane::fillLatency() {
    QCustomPlot *p = m_latency;
    p->clearPlottables();
    p->clearItems();
    if (!m_a || m_a->llmCalls.empty()) return charts::replotWhenShown(p);
    const Histogram &h = m_a->tokenCharts.latencySeconds;
    QVector<double> keys, counts;
    const bool linear = !h.logScale;
    for (std::size_t b = 0; b < h.counts.size(); ++b) {
        keys << (linear ? (h.edges[b] + h.edges[b + 1]) / 2 : static_cast<double>(b));
        counts << static_cast<double>(h.counts[b]);
    }
    auto *bars = new QCPBars(p->xAxis, p->yAxis);
    bars->setData(keys, counts);
    bars->setWidth(linear ? (h.edges[1] - h.edges[0]) * 0.9 : 0.9);
    bars->setPen(Qt::NoPen);
    bars->setBrush(charts::seriesColour(0));
    bars->setName(tr("calls"));
    const double top = *std::max_element(counts.begin(), counts.end());
    if (linear) {
        p->xAxis->setRange(h.edges.front(), h.edges.back());
    } else {
        binTicks(p->xAxis, h);
    }
    p->xAxis->setLabel(tr("seconds"));
    p->yAxis->setLabel(tr("calls"));
    charts::integerTicks(p->yAxis);
    p->yAxis->setRange(0, top * 1.25 + 1);
    // The profiler's forecast: its mean and 95% interval as a band, on a linear axis only.
    const auto f = m_a->metric("forecast.llm_latency.mean");
    if (f && f->value && linear) {
        auto *band = new QCPItemRect(p);
        band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->topLeft->setCoords(f->lower.value_or(*f->value), 0);
        band->bottomRight->setCoords(f->upper.value_or(*f->value), 1);
        band->setPen(Qt::NoPen);
        band->setBrush(theme::withAlpha(theme::accent(), 60));
        auto *mean = new QCPItemStraightLine(p);
        mean->point1->setCoords(*f->value, 0);
        mean->point2->setCoords(*f->value, 1);
        mean->setPen(QPen(theme::accent(), 1.5));
        auto *label = new QCPItemText(p);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(*f->value, 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(tr(" forecast mean %1 s, 95%: %2-%3 s")
                           .arg(local::fixed(*f->value, 2))
                           .arg(local::fixed(f->lower.value_or(*f->value), 2))
                           .arg(local::fixed(f->upper.value_or(*f->value), 2)));
        label->setColor(theme::accent());
        double labelY = 0.12; // staggered: the three lines are often close
        for (const char *q : {"p90", "p95", "p99"}) {
            const auto pq = m_a->metric(std::string("forecast.llm_latency.") + q);
            if (!pq || !pq->value) continue;
            auto *l = new QCPItemStraightLine(p);
            l->point1->setCoords(*pq->value, 0);
            l->point2->setCoords(*pq->value, 1);
            l->setPen(QPen(theme::accent(), 1, Qt::DotLine));
            auto *t = new QCPItemText(p);
            t->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            t->position->setCoords(*pq->value, labelY);
            labelY += 0.07;
            t->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            t->setText(QString::fromLatin1(q));
            t->setColor(theme::accent());
        }
    }
    charts::replotWhenShown(p);
}

void TokensPane::fillPosition() {
    QCustomPlot *p = m_position;
    p->clearPlottables();
    if (!m_a || m_a->llmCalls.empty()) return charts::replotWhenShown(p);
    const auto &pos = m_a->tokenCharts.positions;
    QVector<double> keys, in, out;
    double top = 0;
    for (const PositionTokens &t : pos) {
        keys << t.position;
        in << t.meanInput;
        out << t.meanOutput;
        top = std::max({top, t.meanInput, t.meanOutput});
    }
    auto *group = new QCPBarsGroup(p);
    const auto add = [&](const QVector<double> &v, const QString &name, int colour) {
        auto *b = new QCPBars(p->xAxis, p->yAxis);
        b->setName(name);
        b->setData(keys, v);
        b->setWidth(0.4);
        b->setPen(Qt::NoPen);
        b->setBrush(charts::seriesColour(colour));
        b->setBarsGroup(group);
    };
    add(in, tr("prompt"), 0);
    add(out, tr("completion"), 1);
    p->xAxis->setLabel(tr("LLM call of the request (1st, 2nd, ...)"));
    p->yAxis->setLabel(tr("mean tokens"));
    p->xAxis->setRange(0.4, keys.size() + 0.6);
    charts::integerTicks(p->xAxis);
    p->yAxis->setRange(0, top * 1.35 + 1);
    charts::showLegend(p, true);
    charts::replotWhenShown(p);
}

void TokensPane::fillMinutes() {
    QCustomPlot *p = m_minutes;
    p->clearPlottables();
    if (!m_a || m_a->llmCalls.empty()) return charts::replotWhenShown(p);
    const auto &minutes = m_a->tokenCharts.minutes;
    QVector<double> keys, tokens, calls;
    double topTokens = 0, topCalls = 0;
    for (const MinuteTokens &m : minutes) {
        keys << static_cast<double>(m.minute);
        tokens << static_cast<double>(m.inputTokens + m.outputTokens);
        calls << static_cast<double>(m.calls);
        topTokens = std::max(topTokens, tokens.back());
        topCalls = std::max(topCalls, calls.back());
    }
    auto *bars = new QCPBars(p->xAxis, p->yAxis);
    bars->setName(tr("tokens"));
    bars->setData(keys, tokens);
    bars->setWidth(0.85);
    bars->setPen(Qt::NoPen);
    bars->setBrush(charts::seriesColour(9));
    QCPGraph *g = p->addGraph(p->xAxis, p->yAxis2);
    g->setName(tr("calls"));
    g->setData(keys, calls);
    g->setPen(QPen(charts::seriesColour(1), 2));
    g->setLineStyle(QCPGraph::lsStepCenter);
    // Points too: a run of one minute has no step to draw.
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, charts::seriesColour(1), 5));
    p->yAxis2->setVisible(true);
    p->xAxis->setLabel(tr("minute of the run"));
    p->yAxis->setLabel(tr("tokens"));
    p->yAxis2->setLabel(tr("calls"));
    charts::integerTicks(p->xAxis);
    charts::integerTicks(p->yAxis2);
    p->xAxis->setRange(-0.6, keys.back() + 0.6);
    p->yAxis->setRange(0, topTokens * 1.3 + 1);
    p->yAxis2->setRange(0, topCalls * 1.3 + 1);
    charts::showLegend(p, true);
    charts::replotWhenShown(p);
}

void TokensPane::fillProfiler() {
    m_prefixes->clear();
    if (!m_a) return;
    // Token uniqueness per LLM from the run's metrics ("profiler.token_uniqueness.<llm>.p90").
    std::map<std::string, std::array<QString, 3>> uniq;
    const std::string prefix = "profiler.token_uniqueness.";
    for (const MetricValue &m : m_a->metrics) {
        if (m.name.rfind(prefix, 0) != 0 || !m.value) continue;
        const std::string rest = m.name.substr(prefix.size());
        const auto dot = rest.rfind('.');
        if (dot == std::string::npos) continue;
        const std::string q = rest.substr(dot + 1);
        const int col = q == "p90" ? 0 : q == "p95" ? 1 : q == "p99" ? 2 : -1;
        if (col >= 0) uniq[rest.substr(0, dot)][static_cast<std::size_t>(col)] = compact(*m.value);
    }
    using json = nlohmann::json;
    const json prefixes = m_a->commonPrefixesJson.empty()
                              ? json::object()
                              : json::parse(m_a->commonPrefixesJson, nullptr, false);
    std::set<std::string> llms;
    for (const auto &[llm, q] : uniq)
        llms.insert(llm);
    if (prefixes.is_object())
        for (const auto &[llm, v] : prefixes.items())
            llms.insert(llm);
    for (const std::string &llm : llms) {
        auto *top = new QTreeWidgetItem(m_prefixes, {QString::fromStdString(llm)});
        if (const auto it = uniq.find(llm); it != uniq.end())
            for (int c = 0; c < 3; ++c)
                top->setText(4 + c, it->second[static_cast<std::size_t>(c)]);
        if (!prefixes.is_object() || !prefixes.contains(llm) || !prefixes[llm].is_object())
            continue;
        const json &entry = prefixes[llm];
        if (entry.contains("total_calls") && entry["total_calls"].is_number())
            top->setText(1, QString::number(entry["total_calls"].get<double>()));
        if (!entry.contains("prefix_info") || !entry["prefix_info"].is_array()) continue;
        for (const json &p : entry["prefix_info"]) {
            if (!p.is_object()) continue;
            const QString text = p.contains("prefix") && p["prefix"].is_string()
                                     ? QString::fromStdString(p["prefix"].get<std::string>())
                                     : QString();
            auto *row = new QTreeWidgetItem(top, {text.simplified().left(160)});
            row->setToolTip(0, text.left(4000));
            const auto num = [&](const char *k) {
                return p.contains(k) && p[k].is_number() ? p[k].get<double>() : 0.0;
            };
            row->setText(1, QString::number(num("calls_count")));
            row->setText(
                2, QStringLiteral("%1%").arg(local::fixed(
                       num("calls_percentage") * (num("calls_percentage") <= 1 ? 100 : 1), 1)));
            row->setText(3, QString::number(num("prefix_length")));
        }
    }
    m_prefixes->expandAll();
    m_prefixes->resizeColumnToContents(1);
    m_tabs->setTabEnabled(1, !llms.empty());
}

void TokensPane::showBar(QCPBars *bars, int dataIndex) {
    const auto it = m_bars.find(bars);
    if (it == m_bars.end() || !m_a) return;
    const BarInfo &b = it->second;
    std::vector<std::size_t> calls;
    for (std::size_t k = 0; k < m_a->llmCalls.size(); ++k) {
        const LlmCallSample &c = m_a->llmCalls[k];
        const std::int64_t v = b.prompt ? c.inputTokens : c.outputTokens;
        if (c.model == b.model && v >= 0 && b.bins.binOf(static_cast<double>(v)) == dataIndex)
            calls.push_back(k);
    }
    const auto lo = b.bins.edges[static_cast<std::size_t>(dataIndex)];
    const auto hi = b.bins.edges[static_cast<std::size_t>(dataIndex) + 1];
    listCalls(calls,
              tr("%L1 calls to %2 with %3 to %4 %5 tokens")
                  .arg(calls.size())
                  .arg(QString::fromStdString(b.model))
                  .arg(compact(lo), compact(hi), b.prompt ? tr("prompt") : tr("completion")));
    m_tabs->setCurrentIndex(0);
}

void TokensPane::listCalls(const std::vector<std::size_t> &calls, const QString &what) {
    m_listed = calls;
    m_callsTitle->setText(what);
    m_calls->setSortingEnabled(false);
    m_calls->clear();
    if (!m_a) return;
    const std::int64_t t0 = m_a->llmCalls.empty() ? 0 : m_a->llmCalls.front().startNs;
    QList<QTreeWidgetItem *> items;
    for (const std::size_t k : calls) {
        const LlmCallSample &c = m_a->llmCalls[k];
        const TraceRow *row = c.trace >= 0 && static_cast<std::size_t>(c.trace) < m_a->rows.size()
                                  ? &m_a->rows[static_cast<std::size_t>(c.trace)]
                                  : nullptr;
        auto *item =
            new QTreeWidgetItem({QString::fromStdString(c.model),
                                 c.inputTokens >= 0 ? QString::number(c.inputTokens) : QString(),
                                 c.outputTokens >= 0 ? QString::number(c.outputTokens) : QString(),
                                 dur(c.endNs - c.startNs),
                                 row && !row->itemKey.empty() ? QString::fromStdString(row->itemKey)
                                                              : tr("#%1").arg(c.trace + 1),
                                 QStringLiteral("+") + dur(c.startNs - t0)});
        item->setData(0, Qt::UserRole, static_cast<qlonglong>(c.spanId));
        items << item;
    }
    m_calls->addTopLevelItems(items);
    m_calls->setSortingEnabled(true);
    for (int c = 0; c < m_calls->columnCount(); ++c)
        m_calls->resizeColumnToContents(c);
}

} // namespace spanscope

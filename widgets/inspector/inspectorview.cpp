#include "inspectorview.h"

#include "analysis/timeaxis.h"
#include "analysis/timelinespans.h"
#include "chatrender.h"
#include "common/theme.h"
#include "core/category.h"
#include "core/records.h"
#include "item/localformat.h"
#include "store/chunkseries.h"
#include "store/requestname.h"
#include "store/runqueries.h"
#include "store/workspace.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>
#include <nlohmann/json.hpp>

namespace spanscope {

namespace {

using nlohmann::json;

QString valueText(const json &v) {
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    return QString::fromStdString(v.dump());
}

// A JSON value as tree rows: objects and arrays nest, scalars are leaves.
void addJson(QTreeWidgetItem *parent, const QString &key, const json &v) {
    auto *item = new QTreeWidgetItem(parent, {key});
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            addJson(item, QString::fromStdString(it.key()), it.value());
    } else if (v.is_array()) {
        item->setText(1, QStringLiteral("[%1]").arg(v.size()));
        for (std::size_t k = 0; k < v.size(); ++k)
            addJson(item, QString::number(k), v[k]);
    } else {
        item->setText(1, valueText(v));
        item->setToolTip(1, valueText(v).left(2000));
    }
}

// Strings that hold JSON (a message list sent as text) are shown parsed.
std::string pretty(const json &v) {
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        if (!s.empty() && (s.front() == '{' || s.front() == '[')) {
            const json inner = json::parse(s, nullptr, false);
            if (!inner.is_discarded()) return inner.dump(2);
        }
        return s;
    }
    return v.dump(2);
}

} // namespace

InspectorView::InspectorView(QWidget *parent) : QWidget(parent) {
    m_title = new QLabel;
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMargin(4);
    m_properties = new QTreeWidget;
    m_properties->setAccessibleName(tr("Span fields"));
    m_properties->setHeaderLabels({tr("Field"), tr("Value")});
    m_properties->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_events = new QTreeWidget;
    m_events->setAccessibleName(tr("Span events"));
    m_events->setHeaderLabels({tr("At"), tr("Event"), tr("Attributes")});
    m_events->setRootIsDecorated(false);
    m_payload = new QTextBrowser;
    m_payload->setAccessibleName(tr("Span input and output"));
    m_payload->setOpenLinks(false);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_properties, tr("Span"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_payload, tr("Input / output"));
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_title);
    box->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_payload) loadPayload();
        if (m_tabs->currentWidget() == m_events) loadChunks();
    });
    showSpan(0);
}

void InspectorView::setWorkspace(Workspace *workspace) {
    m_ws = workspace;
    showSpan(0);
}

void InspectorView::showSpan(std::int64_t spanRowId, std::int64_t runStartNs, std::int64_t selfNs) {
    m_span = spanRowId;
    m_payloadLoaded = false;
    m_chunksLoaded = true;
    m_properties->clear();
    m_events->clear();
    m_payload->clear();
    const auto d = m_ws && spanRowId ? RunQueries(*m_ws).spanDetail(spanRowId) : std::nullopt;
    if (!d) {
        m_title->setText(tr("<i>Select a span to inspect it.</i>"));
        m_tabs->setEnabled(false);
        // No counts of the span shown before (issue 13, item 20).
        m_tabs->setTabText(1, tr("Events"));
        m_tabs->setTabText(2, tr("Input / output"));
        return;
    }
    m_tabs->setEnabled(true);
    const std::int64_t duration = d->endNs - d->startNs;
    // A span the source gave no time sits at its parent's start: its "0 ns" is not a duration.
    const QString durationText =
        (d->flags & SpanUntimed) ? tr("no timing in the source") : local::duration(duration);
    m_title->setText(theme::html(
        QStringLiteral("<b>%1</b><br>%2 &middot; %3%4")
            .arg(QString::fromStdString(d->name).toHtmlEscaped(),
                 QString::fromUtf8(categoryName(static_cast<Category>(d->category)).data()),
                 durationText,
                 (d->flags & SpanError) ? tr(" &middot; <font color=#d32f2f>error</font>")
                                        : QString())));
    const auto add = [this](const QString &k, const QString &v) {
        auto *item = new QTreeWidgetItem(m_properties, {k, v});
        item->setToolTip(1, v); // ids and model names are longer than a narrow dock
    };
    add(tr("request"), QString::fromStdString(requestName(d->traceItemKey, d->traceKey)) +
                           tr(" (starts at %1)")
                               .arg(QString::fromStdString(
                                   formatOffset(d->traceStartNs - runStartNs, 1'000'000))));
    add(tr("duration"), durationText);
    if (selfNs >= 0) add(tr("self time"), local::duration(selfNs));
    add(tr("starts at"), local::offset(d->startNs - runStartNs, 1000));
    if (!d->model.empty()) add(tr("model"), QString::fromStdString(d->model));
    if (d->inputTokens >= 0) add(tr("input tokens"), QString::number(d->inputTokens));
    if (d->outputTokens >= 0) add(tr("output tokens"), QString::number(d->outputTokens));
    if (d->chunkCount > 0) {
        add(tr("streamed chunks"), QString::number(d->chunkCount));
        if (d->firstChunkNs > 0)
            add(tr("time to first chunk"), local::duration(d->firstChunkNs - d->startNs));
    }
    QStringList flags;
    if (d->flags & SpanError) flags << tr("error");
    if (d->flags & SpanUnfinished) flags << tr("unfinished");
    if (d->flags & SpanOrphan) flags << tr("orphan (parent not in the trace)");
    if (d->flags & SpanClamped) flags << tr("ended before it started (end set to start)");
    if (d->flags & SpanInnerLlm) flags << tr("inner LLM call (tokens counted once)");
    if (d->flags & SpanStartUnknown) flags << tr("start unknown (only its END was recorded)");
    if (d->flags & SpanUntimed)
        flags << tr("no timing in the source (placed at its parent's start)");
    if (!flags.isEmpty()) add(tr("flags"), flags.join(QStringLiteral(", ")));
    add(tr("span id"), QString::fromStdString(d->spanKey));
    if (!d->parentKey.empty()) add(tr("parent id"), QString::fromStdString(d->parentKey));
    add(tr("trace id"), QString::fromStdString(d->traceKey));
    if (!d->attributesJson.empty()) {
        const json attrs = json::parse(d->attributesJson, nullptr, false);
        auto *root = new QTreeWidgetItem(m_properties, {tr("attributes")});
        if (attrs.is_object()) {
            for (auto it = attrs.begin(); it != attrs.end(); ++it)
                addJson(root, QString::fromStdString(it.key()), it.value());
        } else {
            root->setText(1, QString::fromStdString(d->attributesJson));
        }
        root->setExpanded(true);
    }
    for (const SpanEventRow &e : d->events)
        new QTreeWidgetItem(m_events,
                            {local::duration(e.timeNs - d->startNs), QString::fromStdString(e.name),
                             QString::fromStdString(e.attributesJson)});
    // A streamed call's chunks are its events too (issue 13, item 10): counted here, listed
    // when the tab is opened (they live in the compressed payload).
    const auto events = static_cast<qint64>(d->events.size());
    m_spanStartNs = d->startNs;
    m_chunksLoaded = d->chunkCount == 0;
    m_tabs->setTabText(1, d->chunkCount == 0 ? tr("Events (%L1)").arg(events)
                          : events == 0
                              ? tr("Events (%L1 chunks)").arg(d->chunkCount)
                              : tr("Events (%L1 + %L2 chunks)").arg(events).arg(d->chunkCount));
    if (m_tabs->currentWidget() == m_events) loadChunks();
    m_tabs->setTabText(
        2, d->hasPayload
               ? tr("Input / output (%1)").arg(QLocale().formattedDataSize(d->payloadBytes))
               : tr("Input / output (none)"));
    if (m_tabs->currentWidget() == m_payload) loadPayload();
}

void InspectorView::loadChunks() {
    if (m_chunksLoaded || !m_ws || !m_span) return;
    m_chunksLoaded = true;
    const ChunkSeries c = ChunkSeries::read(*m_ws, m_span, true);
    // Thousands of rows say nothing more than the first thousands: the rest are counted.
    constexpr std::size_t shown = 5000;
    for (std::size_t k = 0; k < c.offsetsNs.size() && k < shown; ++k)
        new QTreeWidgetItem(m_events,
                            {local::duration(c.offsetsNs[k]),
                             k == 0 ? tr("first chunk") : tr("chunk %L1").arg(k + 1),
                             k < c.texts.size() ? QString::fromStdString(c.texts[k]) : QString()});
    if (c.offsetsNs.size() > shown)
        new QTreeWidgetItem(
            m_events, {QString(), tr("\u2026 %L1 more chunks").arg(c.offsetsNs.size() - shown)});
    if (c.offsetsNs.empty() && c.firstNs > 0) // the count and first time without the series
        new QTreeWidgetItem(m_events, {local::duration(c.firstNs - m_spanStartNs),
                                       tr("first of %L1 chunks").arg(c.count)});
}

void InspectorView::loadPayload() {
    if (m_payloadLoaded || !m_ws || !m_span) return;
    m_payloadLoaded = true;
    const std::string raw = RunQueries(*m_ws).spanPayload(m_span);
    if (raw.empty()) {
        m_payload->setPlainText(tr("This span has no recorded input or output."));
        return;
    }
    const json doc = json::parse(raw, nullptr, false);
    if (!doc.is_object()) {
        m_payload->setPlainText(QString::fromStdString(raw));
        return;
    }
    // An LLM call's messages read as a conversation; what else the payload holds follows as is.
    std::set<std::string> shown;
    const std::optional<QString> chat = chatHtml(doc, &shown);
    std::string text;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (shown.count(it.key())) continue;
        text += "\u2500\u2500 " + it.key() + " \u2500\u2500\n";
        text += pretty(it.value());
        text += "\n\n";
    }
    if (!chat) {
        m_payload->setPlainText(QString::fromStdString(text));
        return;
    }
    m_payload->setHtml(
        theme::html(QStringLiteral("<div style='font-family:sans-serif'>%1</div><pre>%2</pre>")
                        .arg(*chat, QString::fromStdString(text).toHtmlEscaped())));
}

QString InspectorView::payloadText() const {
    return m_payload->toPlainText();
}

QString InspectorView::attributeText() const {
    QStringList lines;
    std::function<void(QTreeWidgetItem *, const QString &)> walk = [&](QTreeWidgetItem *item,
                                                                       const QString &prefix) {
        const QString key = prefix.isEmpty() ? item->text(0) : prefix + '.' + item->text(0);
        if (!item->text(1).isEmpty()) lines << key + QStringLiteral(" = ") + item->text(1);
        for (int k = 0; k < item->childCount(); ++k)
            walk(item->child(k), key);
    };
    for (int k = 0; k < m_properties->topLevelItemCount(); ++k)
        walk(m_properties->topLevelItem(k), QString());
    return lines.join('\n');
}

void InspectorView::addProperty(const QString &key, const QString &value) {
    if (m_span == 0) return;
    auto *item = new QTreeWidgetItem(m_properties, {key, value});
    item->setToolTip(1, value);
}

QString InspectorView::propertyText() const {
    QStringList lines;
    for (int i = 0; i < m_properties->topLevelItemCount(); ++i)
        lines << m_properties->topLevelItem(i)->text(0) + QStringLiteral(" = ") +
                     m_properties->topLevelItem(i)->text(1);
    return lines.join(QLatin1Char('\n'));
}

} // namespace spanscope

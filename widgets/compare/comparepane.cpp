#include "comparepane.h"

#include "compareconfig.h"
#include "compareitems.h"
#include "comparepaths.h"
#include "comparesummary.h"
#include "item/localformat.h"
#include "store/runcomparer.h"
#include "waterfallpair.h"
#include "workspace/latestresult.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace spanscope {

ComparePane::ComparePane(const QString &workspacePath, QWidget *parent)
    : QWidget(parent),
      m_job(std::make_unique<LatestResult<std::shared_ptr<const StoredComparison>>>(this,
                                                                                    workspacePath)),
      m_spanJob(
          std::make_unique<LatestResult<std::shared_ptr<const SpanPair>>>(this, workspacePath)) {
    m_runA = new QComboBox;
    m_runA->setAccessibleName(tr("Run A, the baseline"));
    m_runB = new QComboBox;
    m_runB->setAccessibleName(tr("Run B, the candidate"));
    m_runA->setToolTip(tr("A: the baseline"));
    m_runB->setToolTip(tr("B: the candidate"));
    // Long run labels elide instead of widening the window.
    for (QComboBox *box : {m_runA, m_runB}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    auto *swap = new QPushButton(tr("Swap"));
    m_alpha = new QDoubleSpinBox;
    m_alpha->setAccessibleName(tr("Significance level"));
    m_alpha->setRange(0.001, 0.5);
    m_alpha->setDecimals(3);
    m_alpha->setSingleStep(0.01);
    m_alpha->setValue(0.05);
    m_alpha->setToolTip(tr("Significance level: changes with p (or q) below it are called "
                           "better or worse"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("A")));
    bar->addWidget(m_runA);
    bar->addWidget(new QLabel(tr("B")));
    bar->addWidget(m_runB);
    bar->addWidget(swap);
    bar->addWidget(new QLabel(tr("alpha")));
    bar->addWidget(m_alpha);
    bar->addWidget(m_status, 1);

    m_summary = new CompareSummary;
    m_items = new CompareItems;
    m_paths = new ComparePaths;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_summary, tr("Summary"));
    m_tabs->addTab(m_items, tr("Items"));
    m_tabs->addTab(m_paths, tr("Call paths"));
    m_waterfalls = new WaterfallPair;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_waterfalls);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, tr("Side by side"));
    m_config = new CompareConfig;
    m_tabs->addTab(m_config, tr("Configuration"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    for (QComboBox *box : {m_runA, m_runB})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { start(); });
    connect(m_alpha, &QDoubleSpinBox::valueChanged, this, [this] { start(); });
    connect(swap, &QPushButton::clicked, this, [this] {
        const QVariant a = m_runA->currentData(), b = m_runB->currentData();
        compare(b.toLongLong(), a.toLongLong());
    });
    connect(m_items, &CompareItems::requestActivated, this, &ComparePane::requestActivated);
    connect(m_items, &CompareItems::pairSelected, this, &ComparePane::loadWaterfalls);
}

ComparePane::~ComparePane() = default;

bool ComparePane::busy() const {
    return m_job->busy();
}
double ComparePane::alpha() const {
    return m_alpha->value();
}

void ComparePane::setRuns(const std::vector<RunInfo> &runs) {
    const QVariant a = m_runA->currentData(), b = m_runB->currentData();
    for (QComboBox *box : {m_runA, m_runB}) {
        const QSignalBlocker block(box);
        box->clear();
        for (const RunInfo &r : runs)
            box->addItem(QStringLiteral("%1  %2").arg(r.id).arg(QString::fromStdString(r.label)),
                         QVariant::fromValue<qlonglong>(r.id));
    }
    const QSignalBlocker blockA(m_runA), blockB(m_runB);
    m_runA->setCurrentIndex(std::max(0, m_runA->findData(a)));
    m_runB->setCurrentIndex(std::max(0, m_runB->findData(b)));
}

void ComparePane::compare(std::int64_t runA, std::int64_t runB) {
    {
        const QSignalBlocker blockA(m_runA), blockB(m_runB);
        m_runA->setCurrentIndex(m_runA->findData(QVariant::fromValue<qlonglong>(runA)));
        m_runB->setCurrentIndex(m_runB->findData(QVariant::fromValue<qlonglong>(runB)));
    }
    start();
}

void ComparePane::start() {
    if (m_runA->currentIndex() < 0 || m_runB->currentIndex() < 0) return;
    const std::int64_t a = m_runA->currentData().toLongLong();
    const std::int64_t b = m_runB->currentData().toLongLong();
    CompareOptions options;
    options.alpha = alpha();
    m_status->setText(tr("comparing..."));
    m_job->run(
        [a, b, options](const Workspace &ws) {
            return std::shared_ptr<const StoredComparison>(
                std::make_shared<StoredComparison>(compareStoredRuns(ws, a, b, options)));
        },
        [this](const std::shared_ptr<const StoredComparison> &c) { present(c); },
        [this](const QString &error) { m_status->setText(tr("cannot compare: %1").arg(error)); });
}

void ComparePane::present(std::shared_ptr<const StoredComparison> c) {
    m_c = std::move(c);
    m_status->clear();
    m_summary->setComparison(m_c, alpha());
    m_items->setComparison(m_c);
    m_paths->setComparison(m_c);
    m_config->setComparison(m_c);
    emit comparisonReady();
}

void ComparePane::loadWaterfalls(int pair) {
    if (!m_c || pair < 0) return;
    const ItemPair &p = m_c->result.pairs[static_cast<std::size_t>(pair)];
    const auto trace = [](const std::vector<EvalItemRow> &items, std::int32_t i) {
        return i >= 0 ? items[static_cast<std::size_t>(i)].item.traceId.value_or(0) : 0;
    };
    const std::int64_t a = trace(m_c->itemsA, p.a), b = trace(m_c->itemsB, p.b);
    const EvalItemRow &row = p.a >= 0 ? m_c->itemsA[static_cast<std::size_t>(p.a)]
                                      : m_c->itemsB[static_cast<std::size_t>(p.b)];
    const QString item = QString::fromStdString(itemId(row.item));
    const auto title = [&](const QString &side, const RunInfo &run, std::int32_t index,
                           const std::vector<EvalItemRow> &items) {
        QString t = tr("%1 %2, item %3").arg(side, QString::fromStdString(run.label), item);
        if (index >= 0 && items[static_cast<std::size_t>(index)].item.latency)
            t += tr(": %1 s").arg(
                local::fixed(*items[static_cast<std::size_t>(index)].item.latency, 2));
        else if (index < 0)
            t += tr(": not in this run");
        return t;
    };
    const QString titleA = title(tr("A"), m_c->a, p.a, m_c->itemsA);
    const QString titleB = title(tr("B"), m_c->b, p.b, m_c->itemsB);
    m_spanJob->run(
        [a, b](const Workspace &ws) {
            auto spans = std::make_shared<SpanPair>();
            if (a) spans->first = requestSpans(ws, a);
            if (b) spans->second = requestSpans(ws, b);
            return std::shared_ptr<const SpanPair>(spans);
        },
        [this, titleA, titleB](const std::shared_ptr<const SpanPair> &spans) {
            m_waterfalls->setRequests(titleA, spans->first, titleB, spans->second);
            emit waterfallsReady();
        },
        {});
}

} // namespace spanscope

#include "livepanel.h"

#include "item/localformat.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace spanscope {

LivePanel::LivePanel(QWidget *parent) : QWidget(parent) {
    m_endpoint = new QLineEdit;
    m_endpoint->setReadOnly(true);
    m_endpoint->setAccessibleName(tr("OTLP endpoint"));
    m_copy = new QPushButton(tr("Copy"));
    m_copy->setAccessibleName(tr("Copy the endpoint"));
    m_counts = new QLabel;
    m_counts->setWordWrap(true);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_help = new QLabel;
    m_help->setWordWrap(true);
    m_help->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for the wrapped lines in a narrow dock: a docked label is otherwise given one line
    // and its text cut (seen in the window's picture).
    const int line = fontMetrics().lineSpacing();
    m_counts->setMinimumHeight(2 * line + 2);
    m_help->setMinimumHeight(6 * line + 2);
    m_stop = new QPushButton(tr("Stop receiving"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_endpoint, 1);
    row->addWidget(m_copy);
    auto *box = new QVBoxLayout(this);
    box->addWidget(new QLabel(tr("Send OTLP/HTTP traces (protobuf or JSON) to:")));
    box->addLayout(row);
    box->addWidget(m_counts);
    box->addWidget(m_help);
    box->addWidget(m_stop, 0, Qt::AlignLeft);
    box->addStretch(1);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_endpoint->text()); });
    connect(m_stop, &QPushButton::clicked, this, &LivePanel::stopRequested);
}

void LivePanel::setEndpoint(const QString &endpoint) {
    m_endpoint->setText(endpoint);
    m_endpoint->setCursorPosition(0); // its start (the host and port) in view
    m_stop->setEnabled(true);
    // The SDKs add /v1/traces to the base URL themselves.
    const QUrl url(endpoint);
    const QString base = url.scheme() + QStringLiteral("://") + url.authority();
    m_help->setText(tr("NAT: a tracing exporter (general.telemetry.tracing) with _type: "
                       "otelcollector and the endpoint above.\nOpenTelemetry SDKs: "
                       "OTEL_EXPORTER_OTLP_ENDPOINT set to\n%1")
                        .arg(base));
    m_help->setToolTip(tr("OTEL_EXPORTER_OTLP_ENDPOINT=%1\nOTEL_EXPORTER_OTLP_PROTOCOL="
                          "http/protobuf (or http/json)")
                           .arg(base));
    setCounts(0, 0, 0, 0, 0, QString());
}

void LivePanel::setCounts(qint64 spans, qint64 traces, double perSecond, qint64 rejected,
                          qint64 errors, const QString &error) {
    QString text = tr("Receiving: %L1 spans in %L2 requests, %3 spans/s")
                       .arg(spans)
                       .arg(traces)
                       .arg(local::fixed(perSecond, 0));
    if (rejected > 0) text += tr("; %L1 spans rejected (invalid ids)").arg(rejected);
    if (errors > 0) text += tr("; %L1 requests refused").arg(errors);
    if (!error.isEmpty())
        text = tr("Stopped: the workspace could not take more spans: %1").arg(error);
    m_counts->setText(text);
}

void LivePanel::setStopping() {
    m_stop->setEnabled(false);
    m_counts->setText(tr("Stopping: committing what arrived and linking the run\u2026"));
}

void LivePanel::setStopped(qint64 spans, qint64 traces) {
    m_stop->setEnabled(false);
    m_counts->setText(
        tr("Stopped: %L1 spans in %L2 requests kept in the run.").arg(spans).arg(traces));
}

QString LivePanel::countsText() const {
    return m_counts->text();
}

QString LivePanel::endpoint() const {
    return m_endpoint->text();
}

} // namespace spanscope

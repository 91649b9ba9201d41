#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace spanscope {

// The "Live traces" dock: the endpoint to give an agent (with a Copy button and the settings
// NAT and OpenTelemetry SDKs take), what has arrived, and Stop. Plain values in, so it needs
// nothing of the receiver itself.
class LivePanel : public QWidget {
    Q_OBJECT
public:
    explicit LivePanel(QWidget *parent = nullptr);

    void setEndpoint(const QString &endpoint);
    // Counts while receiving; `error` when the writer stopped.
    void setCounts(qint64 spans, qint64 traces, double perSecond, qint64 rejected, qint64 errors,
                   const QString &error);
    void setStopping();
    void setStopped(qint64 spans, qint64 traces);
    QString countsText() const;
    QString endpoint() const;

signals:
    void stopRequested();

private:
    QLineEdit *m_endpoint;
    QPushButton *m_copy;
    QLabel *m_counts;
    QLabel *m_help;
    QPushButton *m_stop;
};

} // namespace spanscope

#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QTimer>
#include <cstdint>
#include <memory>

namespace spanscope {

class LiveWriter;
class OtlpReceiver;

// The desktop app's live receiving: an OTLP/HTTP receiver on this machine writing a live run of
// the window's workspace (its own connection and threads), and a once-a-second tick with the
// counts, which is also how often the views of the live run are refreshed.
class LiveSession : public QObject {
    Q_OBJECT
public:
    struct Counts {
        std::int64_t runId = 0;
        std::int64_t spans = 0, traces = 0, rejected = 0, errors = 0, refused = 0;
        double spansPerSecond = 0;
        QString error; // the writer stopped: why
    };

    // Binds 127.0.0.1:port (0: any free port) and creates the live run; throws (ReceiverError,
    // StoreError) with the reason when it cannot.
    LiveSession(const QString &workspacePath, int port, QObject *parent = nullptr);
    ~LiveSession() override; // stop()

    QString endpoint() const { return m_endpoint; }
    std::int64_t runId() const { return m_runId; }
    // Stops taking requests and commits what was accepted (the run is finished and linked), on
    // a worker; stopped() says when it is done.
    void stop();
    bool running() const { return m_receiver != nullptr; }
    bool stopping() const { return m_stopping.isRunning(); }
    Counts counts() const { return m_last; }

signals:
    // Once a second while receiving; `grew` when spans were committed since the last tick.
    void tick(const spanscope::LiveSession::Counts &counts, bool grew);
    void stopped(const spanscope::LiveSession::Counts &counts);

private:
    void poll();

    std::unique_ptr<OtlpReceiver> m_receiver;
    std::unique_ptr<LiveWriter> m_writer;
    QString m_endpoint;
    std::int64_t m_runId = 0;
    Counts m_last;
    QTimer m_timer;
    QFuture<void> m_stopping;
};

} // namespace spanscope

#pragma once

#include <QObject>

class QSocketNotifier;

namespace spanscope {

// SIGTERM, SIGINT and SIGHUP (a `kill`, Ctrl+C in the terminal, a closed session) end the event
// loop as File > Quit would, so that the window is taken down in order: what live receiving
// accepted is committed and its run marked as no longer receiving. A signal handler may only
// write to a socket: a notifier reads it on the UI thread. A second signal ends the program at
// once (the default action is back in place after the first).
class QuitOnSignal : public QObject {
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;
    int received() const { return m_received; } // the signal that asked to quit, 0 if none

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_received = 0;
};

} // namespace spanscope

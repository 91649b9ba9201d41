#include "quitonsignal.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace spanscope {

namespace {
int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read on the UI thread
constexpr int handled[] = {SIGTERM, SIGINT, SIGHUP};

void restoreDefaults() {
    struct sigaction sa = {};
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (const int s : handled)
        sigaction(s, &sa, nullptr);
}

void onSignal(int sig) {
    restoreDefaults(); // sigaction is async-signal-safe: a second signal is not caught
    const char c = static_cast<char>(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &c, 1);
}
} // namespace

QuitOnSignal::QuitOnSignal(QObject *parent) : QObject(parent) {
    if (g_fds[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0)
        return; // one per process; without it a signal still ends the program, uncommitted
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char c = 0;
        if (::read(g_fds[1], &c, 1) == 1) m_received = c;
        m_notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (const int s : handled)
        sigaction(s, &sa, nullptr);
}

QuitOnSignal::~QuitOnSignal() {
    if (!m_notifier) return;
    restoreDefaults();
    delete m_notifier;
    m_notifier = nullptr;
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
}

} // namespace spanscope

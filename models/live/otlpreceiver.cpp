#include "otlpreceiver.h"

#include "core/ingesterror.h"
#include "ingest/oteljson.h"
#include "livewriter.h"
#include "otlprequest.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <httplib.h>

namespace spanscope {

namespace {

std::string lowerCase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Compares every byte whatever the first difference, so the time taken tells nothing about
// the token.
bool sameToken(const std::string &a, const std::string &b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    return diff == 0;
}

std::string megabytes(std::size_t bytes) {
    return std::to_string(bytes >> 20) + " MB";
}

} // namespace

struct OtlpReceiver::Counters {
    std::atomic<std::int64_t> requests{0}, accepted{0}, rejected{0}, refused{0}, bytes{0},
        errors{0};
    std::atomic<bool> listenEnded{false};
};

OtlpReceiver::OtlpReceiver(Options options)
    : m_options(std::move(options)), m_server(std::make_unique<httplib::Server>()),
      m_counters(std::make_unique<Counters>()) {}

OtlpReceiver::~OtlpReceiver() {
    stop();
}

bool OtlpReceiver::isLoopback(const std::string &address) {
    return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

std::string OtlpReceiver::newToken() {
    std::string bytes(32, '\0');
    for (char &b : bytes)
        b = static_cast<char>(QRandomGenerator::system()->generate() & 0xFF);
    return oteljson::hex(bytes);
}

std::string OtlpReceiver::endpoint() const {
    const bool v6 = m_options.bind.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + m_options.bind + "]" : m_options.bind) + ":" +
           std::to_string(m_port) + "/v1/traces";
}

OtlpReceiver::Stats OtlpReceiver::stats() const {
    Stats s;
    s.requests = m_counters->requests;
    s.spansAccepted = m_counters->accepted;
    s.spansRejected = m_counters->rejected;
    s.spansRefused = m_counters->refused;
    s.bytes = m_counters->bytes;
    s.errors = m_counters->errors;
    return s;
}

void OtlpReceiver::install() {
    httplib::Server &svr = *m_server;
    const int threads = std::max(1, m_options.threads);
    svr.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    svr.set_payload_max_length(m_options.maxBodyBytes);
    svr.set_read_timeout(m_options.readTimeout);
    svr.set_write_timeout(m_options.readTimeout);
    svr.set_keep_alive_max_count(1000);
    // Answers are small and written in pieces: without this, Nagle's algorithm holds the last
    // piece for the sender's delayed ACK, 40 ms on Linux, which was most of a request's time.
    svr.set_tcp_nodelay(true);
    // cpp-httplib's default also sets SO_REUSEPORT, which lets a second receiver bind the same
    // port and take half of the senders' requests into another workspace without a word.
    // SO_REUSEADDR alone still allows a restart while old connections linger in TIME_WAIT.
    svr.set_socket_options([this](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        m_listenSocket = sock;
    });
    svr.set_exception_handler(
        [this](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception &e) {
                what = e.what();
            } catch (...) {
            }
            ++m_counters->errors;
            res.status = 500;
            res.set_content("internal error: " + what, "text/plain");
        });
    svr.Get("/", [](const httplib::Request &, httplib::Response &res) {
        res.set_content("Spanscope: an OTLP/HTTP trace receiver. POST traces to /v1/traces "
                        "(application/x-protobuf or application/json).\n",
                        "text/plain");
    });
    svr.Get("/v1/traces", [](const httplib::Request &, httplib::Response &res) {
        res.status = 405;
        res.set_header("Allow", "POST");
        res.set_content("POST an ExportTraceServiceRequest here\n", "text/plain");
    });
    svr.Post("/v1/traces", [this](const httplib::Request &req, httplib::Response &res,
                                  const httplib::ContentReader &reader) {
        ++m_counters->requests;
        OtlpRequest::Encoding encoding = OtlpRequest::Encoding::Json;
        const std::string contentType = req.get_header_value("Content-Type");
        const bool knownType = OtlpRequest::encodingOf(contentType, encoding);
        OtlpRequest request(encoding, "POST /v1/traces from " + req.remote_addr + ":" +
                                          std::to_string(req.remote_port));
        // An error answer. The body may be unread: the connection is closed after it, so what
        // is left of the body is never read as the next request.
        const auto fail = [&](int status, const std::string &message) {
            ++m_counters->errors;
            res.status = status;
            res.set_header("Connection", "close");
            res.set_content(request.status(status, message), request.contentType());
        };
        if (!m_options.token.empty()) {
            const std::string auth = req.get_header_value("Authorization");
            const std::string prefix = "Bearer ";
            if (auth.size() <= prefix.size() ||
                lowerCase(auth.substr(0, prefix.size())) != lowerCase(prefix) ||
                !sameToken(auth.substr(prefix.size()), m_options.token)) {
                res.set_header("WWW-Authenticate", "Bearer");
                fail(401, "this receiver needs \"Authorization: Bearer <token>\" with its token");
                return;
            }
        }
        if (!knownType) {
            fail(415, "Content-Type \"" + contentType.substr(0, 80) +
                          "\" is neither application/x-protobuf nor application/json");
            return;
        }
        const std::string contentEncoding = lowerCase(req.get_header_value("Content-Encoding"));
        if (!contentEncoding.empty() && contentEncoding != "gzip" &&
            contentEncoding != "identity") {
            fail(415, "Content-Encoding \"" + contentEncoding.substr(0, 40) +
                          "\" is not supported; send gzip or no encoding");
            return;
        }
        const std::string tooLarge = "the body is larger than " +
                                     megabytes(m_options.maxBodyBytes) +
                                     " (after decompression); send smaller batches";
        // Counted as it arrives, decompressed: a small gzip bomb stops at the limit too.
        std::string body;
        bool overLimit = false;
        const bool complete = reader([&](const char *data, size_t n) {
            if (body.size() + n > m_options.maxBodyBytes) {
                overLimit = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        m_counters->bytes += static_cast<std::int64_t>(body.size());
        // A declared length past the limit: cpp-httplib reads the body to its end without
        // keeping it, so the sender gets to read this answer.
        if (overLimit ||
            (req.has_header("Content-Length") &&
             req.get_header_value<uint64_t>("Content-Length") > m_options.maxBodyBytes)) {
            fail(413, tooLarge);
            return;
        }
        if (!complete) {
            fail(400, "the body could not be read: cut short, too slow, or not valid " +
                          (contentEncoding == "gzip" ? std::string("gzip") : "data"));
            return;
        }
        try {
            request.decode(std::move(body));
        } catch (const IngestError &e) {
            fail(400, e.what());
            return;
        }
        const auto spans = static_cast<std::int64_t>(request.spans().size());
        if (!m_writer->offer(std::move(request.spans()), request.report())) {
            const std::string error = m_writer->stats().error;
            if (!error.empty()) {
                fail(500, "the workspace cannot take spans: " + error);
                return;
            }
            m_counters->refused += spans;
            res.set_header("Retry-After", "1");
            fail(503, "Spanscope is writing what it received; retry in a second");
            return;
        }
        m_counters->accepted += spans;
        m_counters->rejected += request.rejected();
        res.status = 200;
        res.set_content(request.response(), request.contentType());
    });
}

void OtlpReceiver::bind() {
    if (m_bound) return;
    if (!isLoopback(m_options.bind) && m_options.token.empty())
        throw ReceiverError("listening on " + m_options.bind +
                            " (not this machine only) needs a token: senders must prove who "
                            "they are");
    install();
    errno = 0;
    if (m_options.port == 0) {
        m_port = m_server->bind_to_any_port(m_options.bind);
        if (m_port < 0) m_port = 0;
    } else if (m_server->bind_to_port(m_options.bind, m_options.port)) {
        m_port = m_options.port;
    }
    if (m_port == 0)
        throw ReceiverError("cannot listen on " + m_options.bind + ":" +
                            std::to_string(m_options.port) + ": " +
                            (errno ? std::string(std::strerror(errno))
                                   : std::string("not an address of this machine")) +
                            (errno == EADDRINUSE ? " (another program, or another Spanscope, "
                                                   "receives there; choose another port)"
                                                 : ""));
    // cpp-httplib 0.11 listens with a backlog of 5: fifty senders connecting at once overflow
    // it, and Linux answers the overflow with SYN cookies whose connections it may then reset
    // (seen as failed writes in the fifty-sender test). listen() again raises the backlog.
    if (m_listenSocket >= 0) ::listen(m_listenSocket, SOMAXCONN);
    m_bound = true;
}

void OtlpReceiver::start(LiveWriter &writer) {
    if (m_thread.joinable()) return;
    bind();
    m_writer = &writer;
    m_thread = std::thread([this] {
        m_server->listen_after_bind();
        m_counters->listenEnded = true;
    });
    // cpp-httplib's stop() does nothing to a server whose listen loop has not begun: a stop()
    // right after start() would leave the loop running and join() waiting for ever. Connections
    // queue in the backlog meanwhile, so nothing is lost by the wait.
    while (!m_server->is_running() && !m_counters->listenEnded)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void OtlpReceiver::stop() {
    if (!m_thread.joinable()) return;
    m_server->stop();
    m_thread.join();
}

} // namespace spanscope

#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace spanscope {

class LiveWriter;

// The receiver could not start: the address is taken, not local without a token, ...
class ReceiverError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An OTLP/HTTP trace endpoint (OTLP 1.x "OTLP/HTTP"): POST /v1/traces with a protobuf or JSON
// ExportTraceServiceRequest, gzip or plain. Each request is read, decoded and checked on one of
// the server's threads and handed to a LiveWriter; it is answered 200 once its spans are queued
// (partial success names the rejected ones), 400 for a body that is no such request, 401 without
// the token, 413 past the size limit (checked on the decompressed bytes too, so a gzip bomb
// stops there), 415 for another type or encoding, 503 with Retry-After when the writer's queue is
// full. HTTP itself is cpp-httplib's (Debian's libcpp-httplib).
class OtlpReceiver {
public:
    struct Options {
        std::string bind = "127.0.0.1";
        int port = 4318; // 0: any free port (tests)
        // Required when `bind` is not a loopback address: requests must carry
        // "Authorization: Bearer <token>".
        std::string token;
        std::size_t maxBodyBytes = std::size_t(16) << 20;
        std::chrono::milliseconds readTimeout{10'000};
        int threads = 16; // connections served at once; more wait for a free one
    };

    struct Stats {
        std::int64_t requests = 0;
        std::int64_t spansAccepted = 0;
        std::int64_t spansRejected = 0; // unusable spans (partial success)
        std::int64_t spansRefused = 0;  // in requests answered 503 (the sender retries them)
        std::int64_t bytes = 0;         // bodies as received
        std::int64_t errors = 0;        // requests answered 4xx or 5xx
    };

    explicit OtlpReceiver(Options options);
    ~OtlpReceiver(); // stop()
    OtlpReceiver(const OtlpReceiver &) = delete;
    OtlpReceiver &operator=(const OtlpReceiver &) = delete;

    // Takes the port (then port() and endpoint() are known). Throws ReceiverError.
    void bind();
    // Serves on a thread of its own, handing spans to `writer` (binds first if need be).
    void start(LiveWriter &writer);
    // Stops accepting, lets the requests being served finish, and returns.
    void stop();

    int port() const { return m_port; }
    std::string endpoint() const; // http://HOST:PORT/v1/traces
    Stats stats() const;

    static bool isLoopback(const std::string &address);
    // 32 random bytes as hex, for a token nobody chose.
    static std::string newToken();

private:
    struct Counters;
    void install();

    Options m_options;
    LiveWriter *m_writer = nullptr;
    std::unique_ptr<httplib::Server> m_server;
    std::unique_ptr<Counters> m_counters;
    std::thread m_thread;
    int m_port = 0;
    int m_listenSocket = -1; // the listening socket, seen as cpp-httplib creates it
    bool m_bound = false;
};

} // namespace spanscope

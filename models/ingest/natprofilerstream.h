#pragma once

#include "jsondombuilder.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spanscope {

// A SAX handler for all_requests_profiler_traces.json that hands out one step at a time:
// `[{"request_number": n, "intermediate_steps": [STEP, ...]}, ...]`. Each step is built as a
// small DOM (by an inner JsonDomBuilder, with its time keys) and passed on; nothing larger than
// one step is held, however many chunk steps a request streams. Shape errors are reported with
// the request index; nlohmann's parse errors through the same members as JsonDomBuilder.
class NatProfilerStream {
public:
    using json = nlohmann::json;
    struct Callbacks {
        std::function<void(std::size_t request)> beginRequest;
        std::function<void(json &&step, std::size_t stepIndex)> step;
        std::function<void(std::size_t request)> endRequest;
    };

    NatProfilerStream(std::vector<std::string> timeKeys, Callbacks callbacks);

    bool hasParseError() const { return m_errorPosition != std::string::npos; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string &errorMessage() const { return m_errorMessage; }
    // Values inside steps replaced because they were nested too deep (see JsonDomBuilder).
    std::size_t deepValues() const { return m_deepValues; }
    // Set when the shape is wrong (not an array of requests, steps not an array).
    const std::string &shapeError() const { return m_shapeError; }
    std::size_t requests() const { return m_request; }

    // nlohmann SAX interface
    bool null();
    bool boolean(bool val);
    bool number_integer(json::number_integer_t val);
    bool number_unsigned(json::number_unsigned_t val);
    bool number_float(json::number_float_t val, const json::string_t &text);
    bool string(json::string_t &val);
    bool binary(json::binary_t &val);
    bool start_object(std::size_t n);
    bool key(json::string_t &val);
    bool end_object();
    bool start_array(std::size_t n);
    bool end_array();
    bool parse_error(std::size_t position, const std::string &lastToken,
                     const nlohmann::detail::exception &ex);

private:
    bool inStep() const { return m_stepBuilder != nullptr; }
    bool startStep();
    bool finishStepIfDone();
    bool scalarOutsideStep();
    bool fail(const std::string &message);

    std::vector<std::string> m_timeKeys;
    Callbacks m_cb;
    std::unique_ptr<JsonDomBuilder> m_stepBuilder;
    std::size_t m_deepValues = 0;
    std::size_t m_stepDepth = 0; // containers open inside the current step
    std::size_t m_depth = 0;     // containers open outside steps: 1 array, 2 request, 3 steps
    std::size_t m_request = 0;
    std::size_t m_stepIndex = 0;
    std::string m_key; // the request member being read
    bool m_inSteps = false;
    bool m_sawSteps = false;
    std::size_t m_skipDepth = 0; // inside a request member we ignore
    std::size_t m_errorPosition = std::string::npos;
    std::string m_errorMessage;
    std::string m_shapeError;
};

} // namespace spanscope

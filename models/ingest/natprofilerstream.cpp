#include "natprofilerstream.h"

namespace spanscope {

namespace {
const char *const stepsKey = "intermediate_steps";
}

NatProfilerStream::NatProfilerStream(std::vector<std::string> timeKeys, Callbacks callbacks)
    : m_timeKeys(std::move(timeKeys)), m_cb(std::move(callbacks)) {}

bool NatProfilerStream::fail(const std::string &message) {
    m_shapeError = message;
    return false;
}

bool NatProfilerStream::startStep() {
    m_stepBuilder = std::make_unique<JsonDomBuilder>(m_timeKeys);
    m_stepDepth = 0;
    return true;
}

bool NatProfilerStream::finishStepIfDone() {
    if (m_stepDepth != 0) return true;
    json step = std::move(m_stepBuilder->result());
    m_deepValues += m_stepBuilder->deepValues();
    m_stepBuilder.reset();
    m_cb.step(std::move(step), m_stepIndex++);
    return true;
}

// A scalar that is not inside a step: a scalar step, a request member, or a shape error.
bool NatProfilerStream::scalarOutsideStep() {
    if (m_skipDepth > 0) return true;
    const std::string request = "request " + std::to_string(m_request);
    switch (m_depth) {
    case 0:
        return fail("expected a JSON array of requests at the top level");
    case 1:
        return fail(request + " is not an object with intermediate_steps");
    case 2:
        if (m_key == stepsKey) return fail(request + ": intermediate_steps is not an array");
        return true; // request_number and other members: not needed
    default:
        return true; // a scalar step: handled by the caller
    }
}

#define SPANSCOPE_SCALAR(call)                                                                     \
    if (inStep()) return m_stepBuilder->call;                                                      \
    if (m_depth == 3 && m_skipDepth == 0) {                                                        \
        startStep();                                                                               \
        m_stepBuilder->call;                                                                       \
        return finishStepIfDone();                                                                 \
    }                                                                                              \
    return scalarOutsideStep();

bool NatProfilerStream::null() {
    SPANSCOPE_SCALAR(null())
}
bool NatProfilerStream::boolean(bool val) {
    SPANSCOPE_SCALAR(boolean(val))
}
bool NatProfilerStream::number_integer(json::number_integer_t val) {
    SPANSCOPE_SCALAR(number_integer(val))
}
bool NatProfilerStream::number_unsigned(json::number_unsigned_t val) {
    SPANSCOPE_SCALAR(number_unsigned(val))
}
bool NatProfilerStream::number_float(json::number_float_t val, const json::string_t &text) {
    SPANSCOPE_SCALAR(number_float(val, text))
}
bool NatProfilerStream::string(json::string_t &val) {
    SPANSCOPE_SCALAR(string(val))
}
bool NatProfilerStream::binary(json::binary_t &val) {
    SPANSCOPE_SCALAR(binary(val))
}

#undef SPANSCOPE_SCALAR

bool NatProfilerStream::start_object(std::size_t n) {
    if (inStep()) {
        ++m_stepDepth;
        return m_stepBuilder->start_object(n);
    }
    if (m_skipDepth > 0) return ++m_skipDepth, true;
    const std::string request = "request " + std::to_string(m_request);
    switch (m_depth) {
    case 0:
        return fail("expected a JSON array of requests at the top level");
    case 1:
        m_depth = 2;
        m_key.clear();
        m_sawSteps = false;
        m_stepIndex = 0;
        m_cb.beginRequest(m_request);
        return true;
    case 2:
        if (m_key == stepsKey)
            return fail(request + ": intermediate_steps is an object, expected an array");
        m_skipDepth = 1;
        return true;
    default:
        startStep();
        ++m_stepDepth;
        return m_stepBuilder->start_object(n);
    }
}

bool NatProfilerStream::start_array(std::size_t n) {
    if (inStep()) {
        ++m_stepDepth;
        return m_stepBuilder->start_array(n);
    }
    if (m_skipDepth > 0) return ++m_skipDepth, true;
    switch (m_depth) {
    case 0:
        m_depth = 1;
        return true;
    case 1:
        return fail("request " + std::to_string(m_request) + " is an array, expected an object");
    case 2:
        if (m_key == stepsKey) {
            m_depth = 3;
            m_sawSteps = true;
            return true;
        }
        m_skipDepth = 1;
        return true;
    default:
        startStep();
        ++m_stepDepth;
        return m_stepBuilder->start_array(n);
    }
}

bool NatProfilerStream::key(json::string_t &val) {
    if (inStep()) return m_stepBuilder->key(val);
    if (m_skipDepth == 0 && m_depth == 2) m_key = val;
    return true;
}

bool NatProfilerStream::end_object() {
    if (inStep()) {
        const bool ok = m_stepBuilder->end_object();
        --m_stepDepth;
        return ok && finishStepIfDone();
    }
    if (m_skipDepth > 0) return --m_skipDepth, true;
    // The end of a request.
    if (!m_sawSteps)
        return fail("request " + std::to_string(m_request) + " has no intermediate_steps");
    m_cb.endRequest(m_request++);
    m_depth = 1;
    return true;
}

bool NatProfilerStream::end_array() {
    if (inStep()) {
        const bool ok = m_stepBuilder->end_array();
        --m_stepDepth;
        return ok && finishStepIfDone();
    }
    if (m_skipDepth > 0) return --m_skipDepth, true;
    if (m_depth == 3)
        m_depth = 2; // the end of a request's steps
    else if (m_depth == 1)
        m_depth = 0;
    return true;
}

bool NatProfilerStream::parse_error(std::size_t position, const std::string &lastToken,
                                    const nlohmann::detail::exception &ex) {
    // The same wording as JsonDomBuilder's.
    JsonDomBuilder messages;
    messages.parse_error(position, lastToken, ex);
    m_errorPosition = position;
    m_errorMessage = messages.errorMessage();
    return false;
}

} // namespace spanscope

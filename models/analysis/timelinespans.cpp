#include "timelinespans.h"

namespace spanscope {

void TimelineSpans::reserve(std::size_t n) {
    start.reserve(n);
    end.reserve(n);
    parent.reserve(n);
    trace.reserve(n);
    category.reserve(n);
    flags.reserve(n);
    nameId.reserve(n);
    spanId.reserve(n);
}

void TimelineSpans::clear() {
    *this = TimelineSpans();
}

std::size_t TimelineSpans::bytes() const {
    std::size_t b = start.capacity() * 8 + end.capacity() * 8 + parent.capacity() * 4 +
                    trace.capacity() * 4 + category.capacity() + flags.capacity() +
                    nameId.capacity() * 4 + spanId.capacity() * 8;
    for (const std::string &n : names)
        b += sizeof(std::string) + n.capacity();
    return b;
}

} // namespace spanscope

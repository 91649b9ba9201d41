#include "slotgroups.h"

namespace spanscope {

SlotGroups::SlotGroups(const std::vector<std::uint32_t> &slotOf, std::size_t groups)
    : m_begin(groups + 1, 0), m_order(slotOf.size()) {
    for (const std::uint32_t slot : slotOf)
        ++m_begin[slot + 1];
    for (std::size_t k = 0; k < groups; ++k)
        m_begin[k + 1] += m_begin[k];
    std::vector<std::uint32_t> next(m_begin.begin(), m_begin.end() - 1);
    for (std::size_t i = 0; i < slotOf.size(); ++i)
        m_order[next[slotOf[i]]++] = static_cast<std::uint32_t>(i);
}

} // namespace spanscope

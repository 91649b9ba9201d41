#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace spanscope {

// Items grouped by the slot each is in (0..groups-1), each group in the items' order: a
// counting sort, linear in the items, for a batch's spans by trace.
class SlotGroups {
public:
    SlotGroups(const std::vector<std::uint32_t> &slotOf, std::size_t groups);
    std::span<const std::uint32_t> members(std::size_t slot) const {
        return {m_order.data() + m_begin[slot], m_begin[slot + 1] - m_begin[slot]};
    }

private:
    std::vector<std::uint32_t> m_begin, m_order;
};

} // namespace spanscope

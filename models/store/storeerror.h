#pragma once

#include <stdexcept>
#include <string>

namespace spanscope {

// A workspace that cannot be opened, read or written (disk full, locked, not a workspace,
// written by a newer Spanscope).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace spanscope

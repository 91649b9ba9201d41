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

// Another connection (an import in another process, the app) holds the workspace's write lock
// for longer than this one was willing to wait.
class WorkspaceBusy : public StoreError {
public:
    using StoreError::StoreError;
};

} // namespace spanscope

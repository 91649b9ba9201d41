#pragma once

#include <QString>
#include <cstdint>

namespace spanscope {

// What a path given as a workspace holds, found without writing a byte to it: nothing yet, a
// Spanscope workspace, or something else (a folder, another application's SQLite database, a
// file that is not SQLite). Spanscope marks its workspaces with PRAGMA application_id.
class WorkspaceFile {
public:
    // 'SpSc': in the SQLite header at offset 68, so `file` and tools like it can tell.
    static constexpr std::int32_t applicationId = 0x53705363;

    enum class State { Absent, Empty, Ours, OursUnmarked };
    struct Inspection {
        State state = State::Absent;
        int userVersion = 0;
    };

    // Throws StoreError saying what the path is when it cannot be a workspace: a folder, a
    // file that is not SQLite, another application's database, a file or folder Spanscope may
    // not write. Reads the database with SQLite's immutable mode: no lock, no journal, no WAL.
    static Inspection inspect(const QString &path);

    // The workspace both programs use when none is named: workspace.spanscope in the
    // application's data folder.
    static QString defaultPath();
    // A path as help text shows it: the home folder as ~, so the help (and the man pages made
    // from it) read the same for every user.
    static QString shown(const QString &path);
};

} // namespace spanscope

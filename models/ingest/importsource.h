#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace spanscope {

// One run to import: a NAT eval folder, a NAT sizing folder, or a single file. The sniffer finds
// them under a path; `files` are the inputs the reader will read, which also make the digest.
struct ImportSource {
    enum class Kind { NatEval, NatSizing };

    Kind kind = Kind::NatEval;
    QString path;      // the folder (or the file) the run comes from
    QStringList files; // absolute paths, sorted
    QString label;     // default run label

    std::string kindName() const {
        switch (kind) {
        case Kind::NatEval:
            return "nat-eval";
        case Kind::NatSizing:
            return "nat-sizing";
        }
        return "unknown";
    }
};

} // namespace spanscope

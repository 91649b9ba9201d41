#pragma once

#include "core/ingesterror.h"
#include "importsource.h"
#include "reader.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace spanscope {

// Finds what a path holds: a NAT eval or sizing folder, a folder tree holding several of
// them (found recursively), or a single NAT file. Throws IngestError when the path holds
// nothing Spanscope can read.
class Sniffer {
public:
    // `unclaimed` (when given) receives the files of a folder no reader claims (a user's notes,
    // plots, unrelated JSON), with why, relative to the folder: skipped, not a reason to fail.
    static std::vector<ImportSource> findSources(const QString &path,
                                                 QStringList *unclaimed = nullptr);
    static std::unique_ptr<Reader> makeReader(const ImportSource &source);

    // True when the first line of the file is a NAT IntermediateStep (the `file` exporter).
    static bool isNatStepsFile(const QString &file);
    // True when the file looks like `<evaluator>_output.json` content, judged from its start.
    static bool looksLikeEvaluatorOutput(const QString &file);
    // A trace dump judged from its bytes, never its name (formats/otel.md section 1): fills
    // kind and container and returns true, or returns false with the reason in `why`.
    static bool sniffTraceFile(const QString &file, ImportSource &source,
                               std::string *why = nullptr);

private:
    // The first line of a JSON-lines file, parsed as the readers parse it; null when it is none.
    static nlohmann::json firstLine(const QString &file);
    static IngestError unreadable(const QString &path, bool folder);
    static void scanFolder(const QString &root, const QString &dir, std::vector<ImportSource> &out,
                           QStringList &unclaimed);
};

} // namespace spanscope

#pragma once

#include <QString>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace spanscope {

class ImportProgress;
class ImportReport;

// JSON input for the readers. Every failure throws IngestError naming the file and the byte
// offset (and line) where the parse stopped. timeKeys: see JsonDomBuilder. Values nested deeper
// than limits::maxJsonNesting are replaced by a note and counted in `report` (when given).
namespace jsonfile {

using json = nlohmann::json;

// A whole file as one value; for the small files of a folder (evaluator outputs, metrics).
// `buildAbove` > 0: containers that deep are built as null (JsonDomBuilder::buildContainersAbove).
json read(const QString &path, const std::string &displayName, ImportProgress *progress,
          ImportReport *report, const std::vector<std::string> &timeKeys = {},
          std::size_t buildAbove = 0);

// The elements of a file whose top level is an array, one at a time: memory is bounded by
// the largest element. onElement returns false to stop early.
void streamArray(const QString &path, const std::string &displayName, ImportProgress *progress,
                 ImportReport *report, const std::vector<std::string> &timeKeys,
                 const std::function<bool(json &&, std::size_t)> &onElement,
                 const std::vector<std::string> &skipMembers = {});

// The non-blank lines of a JSON-lines file, each with its 1-based number and the byte offset
// it starts at: read through the string limiter (a line with a 1 GiB prompt costs
// limits::maxStringBytes), a BOM on the first line and trailing CR, LF and spaces removed,
// progress counted and cancel checked every MiB, cut strings reported once at the end.
void forEachLine(const QString &path, const std::string &displayName, ImportProgress &progress,
                 ImportReport *report,
                 const std::function<void(std::string_view text, std::int64_t line,
                                          std::int64_t offset)> &onLine);

// One JSON text, e.g. a line of a JSON-lines file starting at byte `offset` on line `line`.
json parse(std::string_view text, const std::string &displayName, std::int64_t line,
           std::int64_t offset, ImportReport *report,
           const std::vector<std::string> &timeKeys = {});

// Says in `report` how many values a parse of `displayName` (at `where`, may be empty) replaced
// because they were nested too deep; nothing when there were none.
// Says in `report` how many strings of `displayName` were cut to limits::maxStringBytes.
void reportCutStrings(ImportReport *report, const std::string &displayName, std::size_t count);

void reportDeepValues(ImportReport *report, const std::string &displayName,
                      const std::string &where, std::size_t count);

// Throws the IngestError for a parse that stopped after `charactersRead` characters (as
// nlohmann counts them) with `reason`: the file, line and byte, or "empty" / "truncated".
[[noreturn]] void throwParseError(const QString &path, const std::string &displayName,
                                  std::int64_t fileSize, std::size_t charactersRead,
                                  const std::string &reason);

// obj[key] when it is a string, else "".
std::string stringAt(const json &obj, const char *key);

// "an object", "a string", ... for messages about wrong types.
std::string typeName(const json &value);

} // namespace jsonfile
} // namespace spanscope
